using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Api.Agile;

/// <summary>The <c>jql</c> narrowing of an Agile/Software issue list: a filter, and an order when JQL has ORDER BY.</summary>
internal sealed record AgileJqlFilter(Func<Issue, bool> Filter, IComparer<Issue>? Order);

/// <summary>Compiles the <c>jql</c> parameter of the Agile issue lists.</summary>
internal static class AgileJql
{
    /// <summary>No JQL: no narrowing (Ok(null)). The JQL engine is not on main yet, so a query is refused with 400.</summary>
    public static Parsed<AgileJqlFilter?> Compile(Site site, User? user, string? jql, bool validateQuery)
    {
        _ = site;
        _ = user;
        _ = validateQuery;
        return jql is null
            ? Parsed<AgileJqlFilter?>.Ok(null)
            : Parsed<AgileJqlFilter?>.Fail(JiraResults.Error(StatusCodes.Status400BadRequest,
                "JQL filtering of Agile issue lists is not available in this sandbox build."));
    }
}
