using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Rendering;

namespace JiraGate.Sandbox.Api.Agile;

/// <summary>The query parameters every Agile/Software issue list shares: jql, validateQuery, fields, expand.</summary>
internal sealed record AgileIssueQuery(string? Jql, bool ValidateQuery, FieldSelection Fields, IReadOnlyCollection<string> Expand)
{
    public static Parsed<AgileIssueQuery> Read(HttpRequest request)
    {
        var validate = RequestReading.QueryBool(request, "validateQuery", true);
        if (!validate.IsOk)
        {
            return Parsed<AgileIssueQuery>.Fail(validate.Error!);
        }
        var jql = request.Query["jql"].ToString();
        // "By default, all navigable and Agile fields are returned."
        var fields = FieldSelection.Parse(RequestReading.QueryList(request, "fields"), FieldSelection.Navigable);
        var expand = RequestReading.QueryList(request, "expand");
        return Parsed<AgileIssueQuery>.Ok(new AgileIssueQuery(
            string.IsNullOrWhiteSpace(jql) ? null : jql, validate.Value, fields, expand));
    }
}
