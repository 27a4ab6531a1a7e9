using JiraGate.Sandbox.Jql;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Api.Webhooks;

/// <summary>
/// The JQL subset dynamic webhooks accept (platform spec, <c>WebhookDetails.jqlFilter</c>): fields issueKey, project,
/// issuetype, status, assignee, reporter, issue.property and cf[id]; operators =, !=, IN and NOT IN. Messages as Jira
/// words them ("The clause watchCount is unsupported", "Operator is not is unsupported").
/// </summary>
internal static class DynamicWebhookJql
{
    private static readonly HashSet<string> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        "issueKey", "project", "issuetype", "status", "assignee", "reporter",
    };

    /// <summary>Every reason the filter is refused (call inside a site read); empty when it is accepted.</summary>
    public static IReadOnlyList<string> Validate(Site site, string? jql)
    {
        if (string.IsNullOrWhiteSpace(jql))
        {
            return ["The JQL filter must not be empty."];
        }
        JqlQuery query;
        try
        {
            query = JqlEngine.Parse(jql);
        }
        catch (JqlException ex)
        {
            return ex.ErrorMessages;
        }
        var errors = new List<string>();
        if (query.Where is { } where)
        {
            Check(where, errors);
        }
        if (query.OrderBy.Count > 0)
        {
            errors.Add("The clause order by is unsupported");
        }
        if (errors.Count > 0)
        {
            return [.. errors.Distinct(StringComparer.Ordinal)];
        }
        try
        {
            // Resolve names (projects, statuses, users) as an app with site-wide browse would.
            JqlEngine.Compile(query, new JqlContext(site, null, _ => true));
            return [];
        }
        catch (JqlException ex)
        {
            return ex.ErrorMessages;
        }
    }

    private static void Check(JqlClause clause, List<string> errors)
    {
        switch (clause)
        {
            case JqlAndClause and:
                and.Clauses.ToList().ForEach(c => Check(c, errors));
                break;
            case JqlOrClause or:
                or.Clauses.ToList().ForEach(c => Check(c, errors));
                break;
            case JqlNotClause not:
                Check(not.Clause, errors);
                break;
            case JqlTerminalClause terminal:
                if (!IsSupportedField(terminal.Field))
                {
                    errors.Add($"The clause {terminal.Field.Display} is unsupported");
                }
                if (terminal.Operator is not (JqlOperator.Equals or JqlOperator.NotEquals or JqlOperator.In or JqlOperator.NotIn))
                {
                    errors.Add($"Operator {terminal.Operator.Display()} is unsupported");
                }
                break;
        }
    }

    private static bool IsSupportedField(JqlField field) =>
        field.CustomFieldId is not null
        || Fields.Contains(field.Name)
        || field.Name.StartsWith("issue.property", StringComparison.OrdinalIgnoreCase);
}
