using System.Text.Json.Nodes;
using JiraGate.Sandbox.Http;

namespace JiraGate.Sandbox.Api.Search;

/// <summary>The parameters of a search, read from the query string (GET) or the body (POST) alike.</summary>
internal sealed record SearchRequest(
    string Jql,
    string? NextPageToken,
    int? StartAt,
    int? MaxResults,
    IReadOnlyList<string> Fields,
    IReadOnlyList<string> Expand,
    IReadOnlyList<string> Properties,
    IReadOnlyList<string> ReconcileIssues,
    string ValidateQuery)
{
    public static Parsed<SearchRequest> FromQuery(HttpRequest request)
    {
        var startAt = request.Query.ContainsKey("startAt") ? RequestReading.QueryInt(request, "startAt", 0) : Parsed<int>.Ok(-1);
        if (!startAt.IsOk)
        {
            return Parsed<SearchRequest>.Fail(startAt.Error!);
        }
        var maxResults = request.Query.ContainsKey("maxResults") ? RequestReading.QueryInt(request, "maxResults", 50) : Parsed<int>.Ok(-1);
        if (!maxResults.IsOk)
        {
            return Parsed<SearchRequest>.Fail(maxResults.Error!);
        }
        return Parsed<SearchRequest>.Ok(new SearchRequest(
            request.Query["jql"].ToString(),
            NullIfEmpty(request.Query["nextPageToken"].ToString()),
            startAt.Value < 0 ? null : startAt.Value,
            maxResults.Value < 0 ? null : maxResults.Value,
            RequestReading.QueryList(request, "fields"),
            RequestReading.QueryList(request, "expand"),
            RequestReading.QueryList(request, "properties"),
            RequestReading.QueryList(request, "reconcileIssues"),
            request.Query["validateQuery"].ToString()));
    }

    public static Parsed<SearchRequest> FromBody(JsonObject body)
    {
        var errors = new Dictionary<string, string>();
        int? Int(string name)
        {
            if (body[name] is null)
            {
                return null;
            }
            if (RequestReading.TryLong(body[name], out var value) && value is >= 0 and <= int.MaxValue)
            {
                return (int)value;
            }
            errors[name] = $"The value of '{name}' must be a non-negative whole number.";
            return null;
        }
        var jqlNode = body["jql"];
        if (jqlNode is not null and not JsonValue)
        {
            errors["jql"] = "The value of 'jql' must be a string.";
        }
        var request = new SearchRequest(
            RequestReading.String(jqlNode) ?? "",
            RequestReading.String(body["nextPageToken"]),
            Int("startAt"),
            Int("maxResults"),
            RequestReading.BodyList(body, "fields"),
            RequestReading.BodyList(body, "expand"),
            RequestReading.BodyList(body, "properties"),
            RequestReading.BodyList(body, "reconcileIssues"),
            RequestReading.String(body["validateQuery"]) ?? "");
        return errors.Count > 0
            ? Parsed<SearchRequest>.Fail(JiraResults.FieldErrors(StatusCodes.Status400BadRequest, errors))
            : Parsed<SearchRequest>.Ok(request);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
