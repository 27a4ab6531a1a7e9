using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.SiteDirectory;

/// <summary>
/// Groups: /group/bulk (Cloud, PageBean of <c>{name, groupId}</c>) and /group/member (PageBean of users).
/// Cloud lets Browse users and groups or Administer Jira read members; Data Center only administrators.
/// </summary>
internal static class GroupEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiVersionContext api)
    {
        if (api.IsCloud)
        {
            app.MapGet(api.Prefix + "/group/bulk", (HttpContext http, Site site) => Bulk(http, site, api));
        }
        app.MapGet(api.Prefix + "/group/member", (HttpContext http, Site site) => Members(http, site, api));
    }

    private static IResult Bulk(HttpContext http, Site site, ApiVersionContext api)
    {
        var request = http.Request;
        var page = PageRequest.Read(request, 50, 1000);
        if (!page.IsOk)
        {
            return page.Error!;
        }
        var ids = RequestReading.QueryList(request, "groupId").ToHashSet(StringComparer.Ordinal);
        var names = RequestReading.QueryList(request, "groupName").ToHashSet(StringComparer.OrdinalIgnoreCase);
        return site.Read(s =>
        {
            var user = http.Caller().User;
            if (!UserEndpoints.CanBrowseUsers(s, user) && !PermissionService.IsAdmin(s, user))
            {
                return JiraResults.Error(StatusCodes.Status403Forbidden, UserEndpoints.NoBrowseUsersMessage);
            }
            var groups = s.Data.Groups
                .Where(g => (ids.Count == 0 && names.Count == 0) || ids.Contains(g.GroupId) || names.Contains(g.Name))
                .OrderBy(g => g.Name, StringComparer.OrdinalIgnoreCase)
                .ToList();
            var rc = RenderContext.For(http, s, api.Version);
            return Paging.PageBean(request, rc, page.Value, groups, (w, g) =>
            {
                w.WriteStartObject();
                w.WriteString("name", g.Name);
                w.WriteString("groupId", g.GroupId);
                w.WriteEndObject();
            });
        });
    }

    private static IResult Members(HttpContext http, Site site, ApiVersionContext api)
    {
        var request = http.Request;
        // Cloud: "number should be between 1 and 50".
        var page = PageRequest.Read(request, 50, api.IsCloud ? 50 : 1000);
        if (!page.IsOk)
        {
            return page.Error!;
        }
        var includeInactive = RequestReading.QueryBool(request, "includeInactiveUsers", false);
        if (!includeInactive.IsOk)
        {
            return includeInactive.Error!;
        }
        var groupName = request.Query["groupname"].ToString();
        var groupId = api.IsCloud ? request.Query["groupId"].ToString() : "";
        if (groupName.Length == 0 && groupId.Length == 0)
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, api.IsCloud
                ? "Either the 'groupname' or the 'groupId' query parameter must be provided."
                : "The groupname query parameter must not be empty.");
        }
        if (groupName.Length > 0 && groupId.Length > 0)
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, "The 'groupname' and 'groupId' query parameters cannot be used together.");
        }
        return site.Read(s =>
        {
            var user = http.Caller().User;
            var allowed = api.IsCloud
                ? UserEndpoints.CanBrowseUsers(s, user) || PermissionService.IsAdmin(s, user)
                : PermissionService.IsAdmin(s, user);
            if (!allowed)
            {
                return JiraResults.Error(StatusCodes.Status403Forbidden, api.IsCloud
                    ? UserEndpoints.NoBrowseUsersMessage
                    : "You are not authorized to perform this action. Administrator privileges are required.");
            }
            var group = groupId.Length > 0 ? s.GroupById(groupId) : s.GroupByName(groupName);
            if (group is null)
            {
                return JiraResults.Error(StatusCodes.Status404NotFound,
                    $"Group with {(groupId.Length > 0 ? "id" : "name")} '{(groupId.Length > 0 ? groupId : groupName)}' does not exist.");
            }
            // Members are ordered by username, which Cloud then hides.
            var members = s.MembersOf(group)
                .Where(u => u.Active || includeInactive.Value)
                .OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase)
                .ToList();
            var rc = RenderContext.For(http, s, api.Version);
            return Paging.PageBean(request, rc, page.Value, members, (w, u) => EntityWriter.WriteUser(w, rc, u));
        });
    }
}
