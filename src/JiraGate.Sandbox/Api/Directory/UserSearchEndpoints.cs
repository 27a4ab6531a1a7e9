using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.SiteDirectory;

/// <summary>
/// Finding users: /user/search (Cloud: <c>query</c> prefix-matched on display-name words and email, active users
/// only, empty for callers without Browse users and groups; Data Center: <c>username</c>) and
/// /user/assignable/search (users holding Assignable User in a project or on an issue).
/// </summary>
internal static class UserSearchEndpoints
{
    /// <summary>Jira scans at most this many matching users (the "thousandth user" limit).</summary>
    private const int ScanLimit = 1000;

    public static void Map(IEndpointRouteBuilder app, ApiVersionContext api)
    {
        app.MapGet(api.Prefix + "/user/search", (HttpContext http, Site site) => Search(http, site, api));
        app.MapGet(api.Prefix + "/user/assignable/search", (HttpContext http, Site site) => Assignable(http, site, api));
    }

    /// <summary>Prefix match on the display name, any word of it, the email address and (Data Center) the username.</summary>
    public static bool Matches(User user, string query, bool byUsername) =>
        query.Length == 0
        || user.DisplayName.StartsWith(query, StringComparison.OrdinalIgnoreCase)
        || user.DisplayName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(word => word.StartsWith(query, StringComparison.OrdinalIgnoreCase))
        || user.EmailAddress.StartsWith(query, StringComparison.OrdinalIgnoreCase)
        || (byUsername && user.Name.StartsWith(query, StringComparison.OrdinalIgnoreCase));

    private static IResult Search(HttpContext http, Site site, ApiVersionContext api)
    {
        var request = http.Request;
        var page = PageRequest.Read(request, 50, ScanLimit);
        if (!page.IsOk)
        {
            return page.Error!;
        }
        if (!api.IsCloud)
        {
            return DataCenterSearch(http, site, api, page.Value);
        }
        if (UserEndpoints.RejectGdprParameters(request) is { } gdpr)
        {
            return gdpr;
        }
        var query = request.Query["query"].ToString();
        var accountId = request.Query["accountId"].ToString();
        var property = request.Query["property"].ToString();
        if (query.Length == 0 && accountId.Length == 0 && property.Length == 0)
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, "One of 'query', 'accountId' or 'property' query parameters must be provided.");
        }
        if (query.Length > 0 && accountId.Length > 0)
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, "The 'query' and 'accountId' query parameters cannot be used together.");
        }
        if (property.Length > 0)
        {
            // The sandbox keeps no user properties, so no property query can match; a malformed one is a 400.
            if (!property.Contains('=', StringComparison.Ordinal))
            {
                return JiraResults.Error(StatusCodes.Status400BadRequest, $"The property query '{property}' is not valid.");
            }
            return JiraResults.Json(w => { w.WriteStartArray(); w.WriteEndArray(); });
        }
        return site.Read(s =>
        {
            var rc = RenderContext.For(http, s, api.Version);
            // Callers without Browse users and groups get an empty result, not an error.
            var users = UserEndpoints.CanBrowseUsers(s, rc.Caller.User)
                ? s.Data.Users
                    .Where(u => u.Active && (accountId.Length > 0 ? u.AccountId == accountId : Matches(u, query, byUsername: false)))
                    .OrderBy(u => u.DisplayName, StringComparer.OrdinalIgnoreCase)
                    .Take(ScanLimit)
                    .ToList()
                : [];
            return Paging.Array(page.Value, users, (w, u) => EntityWriter.WriteUser(w, rc, u));
        });
    }

    private static IResult DataCenterSearch(HttpContext http, Site site, ApiVersionContext api, PageRequest page)
    {
        var request = http.Request;
        var username = request.Query["username"].ToString();
        if (username.Length == 0)
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, "The username query parameter was not provided");
        }
        var includeActive = RequestReading.QueryBool(request, "includeActive", true);
        var includeInactive = RequestReading.QueryBool(request, "includeInactive", false);
        if (!includeActive.IsOk || !includeInactive.IsOk)
        {
            return (includeActive.Error ?? includeInactive.Error)!;
        }
        return site.Read(s =>
        {
            var rc = RenderContext.For(http, s, api.Version);
            // "." matches everyone on Data Center (a common idiom for listing users).
            var query = username == "." ? "" : username;
            var users = UserEndpoints.CanBrowseUsers(s, rc.Caller.User)
                ? s.Data.Users
                    .Where(u => (u.Active ? includeActive.Value : includeInactive.Value) && Matches(u, query, byUsername: true))
                    .OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase)
                    .ToList()
                : [];
            return Paging.Array(page, users, (w, u) => EntityWriter.WriteUser(w, rc, u));
        });
    }

    private static IResult Assignable(HttpContext http, Site site, ApiVersionContext api)
    {
        var request = http.Request;
        var page = PageRequest.Read(request, 50, api.IsCloud ? ScanLimit : 100);
        if (!page.IsOk)
        {
            return page.Error!;
        }
        if (api.IsCloud && request.Query.ContainsKey("username"))
        {
            return UserEndpoints.RejectGdprParameters(request)!;
        }
        var projectParam = request.Query["project"].ToString();
        var issueKey = request.Query["issueKey"].ToString();
        var issueId = api.IsCloud ? request.Query["issueId"].ToString() : "";
        var query = request.Query[api.IsCloud ? "query" : "username"].ToString();
        var accountId = api.IsCloud ? request.Query["accountId"].ToString() : "";
        if (projectParam.Length == 0 && issueKey.Length == 0 && issueId.Length == 0)
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, api.IsCloud
                ? "At least one of the 'project', 'issueKey' or 'issueId' query parameters must be provided."
                : "At least one of the 'project' or 'issueKey' query parameters must be provided.");
        }
        if (issueId.Length > 0 && !issueId.All(char.IsAsciiDigit))
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, $"The issue id '{issueId}' is not valid.");
        }
        if (query.Length > 0 && accountId.Length > 0)
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, "The 'query' and 'accountId' query parameters cannot be used together.");
        }
        return site.Read(s =>
        {
            var caller = http.Caller().User;
            Issue? issue = null;
            Project? project;
            var issueRef = issueId.Length > 0 ? issueId : issueKey;
            if (issueRef.Length > 0)
            {
                if (!RequestReading.IsIssueIdOrKey(issueRef) || !s.TryGetIssue(issueRef, out issue) || !PermissionService.CanBrowse(s, caller, issue))
                {
                    return JiraResults.IssueNotFound();
                }
                project = s.ProjectOf(issue);
            }
            else
            {
                project = ProjectAccess.Find(s, caller, projectParam, out var notFound);
                if (project is null)
                {
                    return notFound!;
                }
            }
            bool CanBeAssigned(User u) => issue is not null
                ? PermissionService.Has(s, u, issue, Permissions.AssignableUser)
                : PermissionService.Has(s, u, project, Permissions.AssignableUser);
            var candidates = s.Data.Users
                .Where(u => u.Active && (accountId.Length > 0 ? u.AccountId == accountId : Matches(u, query, byUsername: !api.IsCloud)))
                .OrderBy(u => u.DisplayName, StringComparer.OrdinalIgnoreCase)
                .Take(ScanLimit);
            // Cloud pages over the candidates first and then drops the unassignable ones, so a page may come back
            // short (documented); Data Center filters first.
            var users = api.IsCloud
                ? page.Value.Slice(candidates).Where(CanBeAssigned).ToList()
                : page.Value.Slice(candidates.Where(CanBeAssigned)).ToList();
            var rc = RenderContext.For(http, s, api.Version);
            return Paging.Array(new PageRequest(0, users.Count), users, (w, u) => EntityWriter.WriteUser(w, rc, u));
        });
    }
}
