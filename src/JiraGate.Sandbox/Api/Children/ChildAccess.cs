using System.Globalization;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.Children;

/// <summary>
/// What the comment, worklog and attachment routes share: finding the issue the caller may browse,
/// reading child ids from the path, and the status Jira uses for a missing permission per flavour.
/// Valid only inside a site read or write.
/// </summary>
internal static class ChildAccess
{
    /// <summary>Comments and worklogs per issue on Cloud (Jira Cloud's per-issue limits); Data Center has none.</summary>
    public const int CloudCommentLimit = 5000;
    public const int CloudWorklogLimit = 10000;
    public const int CloudAttachmentLimit = 2000;

    /// <summary>The issue if it exists and the caller may browse it; otherwise null (answer 404, never 403).</summary>
    public static Issue? BrowsableIssue(Site site, User? user, string idOrKey)
    {
        if (!RequestReading.IsIssueIdOrKey(idOrKey) || !site.TryGetIssue(idOrKey, out var issue))
        {
            return null;
        }
        return PermissionService.CanBrowse(site, user, issue) ? issue : null;
    }

    /// <summary>Parses a child id from the path ("10000"); anything else is unknown.</summary>
    public static bool TryChildId(string raw, out long id) =>
        long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out id);

    public static IResult CommentNotFound(string raw) =>
        JiraResults.Error(StatusCodes.Status404NotFound, $"Can not find a comment for the id: {raw}.");

    public static IResult WorklogNotFound(string raw) =>
        JiraResults.Error(StatusCodes.Status404NotFound, $"Cannot find worklog with id: '{raw}'.");

    /// <summary>"Ada Admin, you do not …" on Cloud; Data Center's message has no name (as on issues.apache.org).</summary>
    public static string Personal(Site site, User user, string sentence) =>
        site.Flavor == SandboxFlavor.Cloud ? Named(user, sentence) : sentence;

    /// <summary>"Ada Admin, you do not …": Jira's worklog service names the caller on both flavours.</summary>
    public static string Named(User user, string sentence) => user.DisplayName + ", y" + sentence[1..];

    /// <summary>Bumps the issue's updated date, as every child change does in Jira.</summary>
    public static void Touch(Site site, Issue issue) => issue.Updated = site.Now;

    /// <summary>
    /// Jira's rule for changing a comment or worklog: the "all" permission, or the author holding the "own" one.
    /// </summary>
    public static bool MayChange(Site site, User user, Issue issue, string authorAccountId, string allPermission, string ownPermission) =>
        PermissionService.Has(site, user, issue, allPermission)
        || (authorAccountId == user.AccountId && PermissionService.Has(site, user, issue, ownPermission));

    /// <summary>Appends a history entry; Jira records worklog and attachment changes, not comments.</summary>
    public static ChangeGroup RecordChange(Site site, Issue issue, User user, params ChangeItem[] items)
    {
        var change = new ChangeGroup
        {
            Id = site.NextId("changegroup"),
            AuthorAccountId = user.AccountId,
            Created = site.Now,
            Items = [.. items],
        };
        issue.Changelog.Add(change);
        return change;
    }
}
