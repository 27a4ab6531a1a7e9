using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Jql;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Api.Agile;

/// <summary>The <c>jql</c> narrowing of an Agile/Software issue list: a filter, and an order when JQL has ORDER BY.</summary>
internal sealed record AgileJqlFilter(Func<Issue, bool> Filter, IComparer<Issue>? Order);

/// <summary>Compiles the <c>jql</c> parameter of the Agile issue lists with the sandbox's JQL engine.</summary>
internal static class AgileJql
{
    /// <summary>
    /// No JQL: no narrowing (Ok(null)). A syntax error is always a 400. A query that parses but does not validate
    /// (unknown field, value or function) is a 400 with <c>validateQuery=true</c> (the default); with
    /// <c>validateQuery=false</c> Jira skips validation, and such a query matches nothing. Call inside a site read.
    /// </summary>
    public static Parsed<AgileJqlFilter?> Compile(Site site, User? user, string? jql, bool validateQuery)
    {
        if (jql is null)
        {
            return Parsed<AgileJqlFilter?>.Ok(null);
        }
        JqlQuery query;
        try
        {
            query = JqlEngine.Parse(jql);
        }
        catch (JqlException ex)
        {
            return Parsed<AgileJqlFilter?>.Fail(JiraResults.Error(StatusCodes.Status400BadRequest, [.. ex.ErrorMessages]));
        }
        try
        {
            var compiled = JqlEngine.Compile(query, JqlContext.For(site, user));
            // Without ORDER BY the list keeps rank order (the engine's default would be created DESC).
            return Parsed<AgileJqlFilter?>.Ok(new AgileJqlFilter(compiled.Matches, query.OrderBy.Count > 0 ? compiled.Comparer : null));
        }
        catch (JqlException) when (!validateQuery)
        {
            return Parsed<AgileJqlFilter?>.Ok(new AgileJqlFilter(_ => false, null));
        }
        catch (JqlException ex)
        {
            return Parsed<AgileJqlFilter?>.Fail(JiraResults.Error(StatusCodes.Status400BadRequest, [.. ex.ErrorMessages]));
        }
    }
}
