using System.Globalization;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.SiteDirectory;

/// <summary>
/// /mypermissions: which of the asked permissions the caller holds, globally, in a project or on an issue.
/// As Jira documents, a permission granted through issue data (reporter, assignee) counts in a project or global
/// context because the caller could be the reporter of some issue. Cloud requires <c>permissions</c>; Data Center
/// lists every permission when it is absent.
/// </summary>
internal static class MyPermissionsEndpoint
{
    /// <summary>Jira's numeric permission ids (the legacy ids it still reports next to the keys).</summary>
    private static readonly Dictionary<string, string> LegacyIds = new(StringComparer.Ordinal)
    {
        [Permissions.Administer] = "0", [Permissions.BrowseProjects] = "10", [Permissions.CreateIssues] = "11",
        [Permissions.EditIssues] = "12", [Permissions.AssignIssues] = "13", [Permissions.ResolveIssues] = "14",
        [Permissions.AddComments] = "15", [Permissions.DeleteIssues] = "16", [Permissions.AssignableUser] = "17",
        [Permissions.CloseIssues] = "18", [Permissions.CreateAttachments] = "19", [Permissions.WorkOnIssues] = "20",
        [Permissions.LinkIssues] = "21", [Permissions.CreateSharedObjects] = "22", [Permissions.AdministerProjects] = "23",
        [Permissions.MoveIssues] = "25", [Permissions.SetIssueSecurity] = "26", [Permissions.UserPicker] = "27",
        [Permissions.ScheduleIssues] = "28", [Permissions.ViewDevTools] = "29", [Permissions.EditAllComments] = "34",
        [Permissions.EditOwnComments] = "35", [Permissions.DeleteAllComments] = "36", [Permissions.DeleteOwnComments] = "37",
        [Permissions.DeleteAllAttachments] = "38", [Permissions.DeleteOwnAttachments] = "39", [Permissions.EditOwnWorklogs] = "40",
        [Permissions.EditAllWorklogs] = "41", [Permissions.DeleteOwnWorklogs] = "42", [Permissions.DeleteAllWorklogs] = "43",
        [Permissions.SystemAdmin] = "44", [Permissions.TransitionIssues] = "46", [Permissions.ManageSprints] = "-1",
    };

    private sealed record PermissionInfo(string Key, string Name, string Description, bool Global);

    private static readonly IReadOnlyList<PermissionInfo> All =
    [
        .. Permissions.ProjectPermissions.Select(p => new PermissionInfo(p.Key, p.Name, p.Description, false)),
        .. Permissions.GlobalPermissions.Select(p => new PermissionInfo(p.Key, p.Name, p.Description, true)),
    ];

    public static IResult Handle(HttpContext http, Site site, ApiVersionContext api)
    {
        var request = http.Request;
        var keys = RequestReading.QueryList(request, "permissions").Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count == 0 && api.IsCloud)
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, "The 'permissions' query parameter is required.");
        }
        var unknown = keys.Where(k => All.All(p => p.Key != k)).ToList();
        if (unknown.Count > 0)
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, $"Invalid permission key(s): {string.Join(", ", unknown)}.");
        }
        var commentId = api.IsCloud ? request.Query["commentId"].ToString() : "";
        if (commentId.Length > 0 && (keys.Count != 1 || keys[0] != Permissions.BrowseProjects))
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, "When commentId is given, permissions must be BROWSE_PROJECTS.");
        }
        var wanted = keys.Count == 0 ? All : [.. keys.Select(k => All.First(p => p.Key == k))];
        var projectId = request.Query["projectId"].ToString();
        var projectKey = request.Query["projectKey"].ToString();
        var issueId = request.Query["issueId"].ToString();
        var issueKey = request.Query["issueKey"].ToString();
        if (!api.IsCloud && ((projectId.Length > 0 && !projectId.All(char.IsAsciiDigit)) || (issueId.Length > 0 && !issueId.All(char.IsAsciiDigit))))
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, "The project or issue id is invalid.");
        }
        return site.Read(s =>
        {
            var user = http.Caller().User;
            Func<PermissionInfo, bool> has;
            var issueRef = issueId.Length > 0 ? issueId : issueKey;
            var projectRef = projectId.Length > 0 ? projectId : projectKey;
            if (commentId.Length > 0)
            {
                var hit = s.Issues.SelectMany(i => i.Comments.Select(c => (Issue: i, Comment: c)))
                    .FirstOrDefault(x => x.Comment.Id.ToString(CultureInfo.InvariantCulture) == commentId);
                if (hit.Issue is null || !PermissionService.CanBrowse(s, user, hit.Issue))
                {
                    return JiraResults.Error(StatusCodes.Status404NotFound, $"Can not find a comment for the id: {commentId}.");
                }
                var visible = CommentVisibility.CanSee(s, user, s.ProjectOf(hit.Issue), hit.Comment);
                has = _ => visible;
            }
            else if (issueRef.Length > 0)
            {
                if (!RequestReading.IsIssueIdOrKey(issueRef) || !s.TryGetIssue(issueRef, out var issue) || !PermissionService.CanBrowse(s, user, issue))
                {
                    return JiraResults.IssueNotFound();
                }
                has = p => p.Global ? PermissionService.HasGlobal(s, user, p.Key) : PermissionService.Has(s, user, issue, p.Key);
            }
            else if (projectRef.Length > 0)
            {
                var project = ProjectAccess.Find(s, user, projectRef, out var notFound);
                if (project is null)
                {
                    return notFound!;
                }
                has = p => p.Global ? PermissionService.HasGlobal(s, user, p.Key) : InProject(s, user, project, p.Key);
            }
            else
            {
                has = p => p.Global
                    ? PermissionService.HasGlobal(s, user, p.Key)
                    : s.Projects.Any(pr => !pr.Archived && InProject(s, user, pr, p.Key));
            }
            var answers = wanted.Select(p => (Info: p, Have: has(p))).ToList();
            return JiraResults.Json(w =>
            {
                w.WriteStartObject();
                w.WriteStartObject("permissions");
                foreach (var (info, have) in answers)
                {
                    w.WriteStartObject(info.Key);
                    w.WriteString("id", LegacyIds.GetValueOrDefault(info.Key, "-1"));
                    w.WriteString("key", info.Key);
                    w.WriteString("name", info.Name);
                    w.WriteString("type", info.Global ? "GLOBAL" : "PROJECT");
                    w.WriteString("description", info.Description);
                    w.WriteBoolean("havePermission", have);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
                w.WriteEndObject();
            });
        });
    }

    /// <summary>Project context: a project grant, or a grant to reporter/assignee (met on some issue).</summary>
    private static bool InProject(Site site, User? user, Project project, string permission) =>
        PermissionService.Has(site, user, project, permission)
        || (user is { Active: true } && site.PermissionScheme(project.PermissionSchemeId).Grants.Any(g =>
            g.Permission == permission && g.HolderType is HolderTypes.Reporter or HolderTypes.Assignee));
}
