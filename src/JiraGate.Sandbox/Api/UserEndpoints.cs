using JiraGate.Sandbox.Api.SiteDirectory;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api;

/// <summary>
/// Users and groups: /myself, /user, /user/groups, /users/search and /users (Cloud), plus (in Directory/)
/// /user/search, /user/assignable/search, /group/bulk and /group/member. Cloud identifies users by accountId
/// only and refuses the GDPR-removed username/key parameters; Data Center looks users up by username or key.
/// Reading other users needs the global Browse users and groups (USER_PICKER) permission.
/// </summary>
internal static class UserEndpoints
{
    public const string NoBrowseUsersMessage = "You do not have the permission to browse users and groups.";

    public static void Map(IEndpointRouteBuilder app, ApiVersionContext api)
    {
        var prefix = api.Prefix;
        app.MapGet(prefix + "/myself", (HttpContext http, Site site) => Myself(http, site, api));
        app.MapGet(prefix + "/user", (HttpContext http, Site site) => api.IsCloud ? CloudUser(http, site, api) : DataCenterUser(http, site, api));
        if (api.IsCloud)
        {
            app.MapGet(prefix + "/user/groups", (HttpContext http, Site site) => UserGroups(http, site, api));
            app.MapGet(prefix + "/users/search", (HttpContext http, Site site) => AllUsers(http, site, api));
            app.MapGet(prefix + "/users", (HttpContext http, Site site) => AllUsers(http, site, api));
        }
        UserSearchEndpoints.Map(app, api);
        GroupEndpoints.Map(app, api);
    }

    public static bool CanBrowseUsers(Site site, User? user) => PermissionService.HasGlobal(site, user, Permissions.UserPicker);

    /// <summary>Cloud's answer to a username or key parameter (GDPR strict mode); null when none was sent.</summary>
    public static IResult? RejectGdprParameters(HttpRequest request)
    {
        foreach (var name in (ReadOnlySpan<string>)["username", "key"])
        {
            if (request.Query.ContainsKey(name))
            {
                return JiraResults.Error(StatusCodes.Status400BadRequest,
                    $"The query parameter '{name}' is not supported in GDPR strict mode.");
            }
        }
        return null;
    }

    private static IResult Myself(HttpContext http, Site site, ApiVersionContext api)
    {
        var user = http.Caller().User;
        if (user is null)
        {
            return JiraResults.Unauthorized();
        }
        var expand = ProjectEndpoints.Expand(http.Request);
        return site.Read(s =>
        {
            var rc = RenderContext.For(http, s, api.Version);
            return JiraResults.Json(w => UserWriter.WriteFull(w, rc, user, expand));
        });
    }

    private static IResult CloudUser(HttpContext http, Site site, ApiVersionContext api)
    {
        var accountId = http.Request.Query["accountId"].ToString();
        if (accountId.Length == 0)
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, "The 'accountId' query parameter needs to be provided");
        }
        var expand = ProjectEndpoints.Expand(http.Request);
        return site.Read(s =>
        {
            if (!CanBrowseUsers(s, http.Caller().User))
            {
                return JiraResults.Error(StatusCodes.Status403Forbidden, NoBrowseUsersMessage);
            }
            var user = s.UserByAccountId(accountId);
            if (user is null)
            {
                return JiraResults.Error(StatusCodes.Status404NotFound, "Specified user does not exist or you do not have required permissions");
            }
            var rc = RenderContext.For(http, s, api.Version);
            return JiraResults.Json(w => UserWriter.WriteFull(w, rc, user, expand));
        });
    }

    private static IResult DataCenterUser(HttpContext http, Site site, ApiVersionContext api)
    {
        var username = http.Request.Query["username"].ToString();
        var key = http.Request.Query["key"].ToString();
        if (username.Length == 0 && key.Length == 0)
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, "Either the 'username' or the 'key' query parameter must be provided.");
        }
        var expand = ProjectEndpoints.Expand(http.Request);
        return site.Read(s =>
        {
            if (!CanBrowseUsers(s, http.Caller().User))
            {
                return JiraResults.Error(StatusCodes.Status403Forbidden, NoBrowseUsersMessage);
            }
            var user = username.Length > 0 ? s.UserByName(username) : s.UserByKey(key);
            if (user is null)
            {
                return JiraResults.Error(StatusCodes.Status404NotFound, username.Length > 0
                    ? $"The user named '{username}' does not exist"
                    : $"The user with the key '{key}' does not exist");
            }
            var rc = RenderContext.For(http, s, api.Version);
            return JiraResults.Json(w => UserWriter.WriteFull(w, rc, user, expand));
        });
    }

    private static IResult UserGroups(HttpContext http, Site site, ApiVersionContext api)
    {
        var accountId = http.Request.Query["accountId"].ToString();
        if (accountId.Length == 0)
        {
            return RejectGdprParameters(http.Request)
                ?? JiraResults.Error(StatusCodes.Status400BadRequest, "The 'accountId' query parameter needs to be provided");
        }
        return site.Read(s =>
        {
            if (!CanBrowseUsers(s, http.Caller().User))
            {
                return JiraResults.Error(StatusCodes.Status403Forbidden, NoBrowseUsersMessage);
            }
            var user = s.UserByAccountId(accountId);
            if (user is null)
            {
                return JiraResults.Error(StatusCodes.Status404NotFound, "Specified user does not exist or you do not have required permissions");
            }
            var rc = RenderContext.For(http, s, api.Version);
            var groups = UserWriter.GroupsOf(s, user);
            return JiraResults.Json(w =>
            {
                w.WriteStartArray();
                foreach (var group in groups)
                {
                    UserWriter.WriteGroupName(w, rc, group);
                }
                w.WriteEndArray();
            });
        });
    }

    /// <summary>Every account, active or not, apps included: an offset-paged array without an envelope.</summary>
    private static IResult AllUsers(HttpContext http, Site site, ApiVersionContext api)
    {
        var page = PageRequest.Read(http.Request, 50, 1000);
        if (!page.IsOk)
        {
            return page.Error!;
        }
        return site.Read(s =>
        {
            if (!CanBrowseUsers(s, http.Caller().User))
            {
                return JiraResults.Error(StatusCodes.Status403Forbidden, NoBrowseUsersMessage);
            }
            var rc = RenderContext.For(http, s, api.Version);
            var users = s.Data.Users.ToList();
            return Paging.Array(page.Value, users, (w, u) => EntityWriter.WriteUser(w, rc, u));
        });
    }
}
