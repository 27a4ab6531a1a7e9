using JiraGate.Sandbox.Domain;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.Children;

/// <summary>
/// Adding, updating and deleting worklogs. A missing permission is a 400 on Cloud and a 403 on Data Center
/// (each spec's wording); every change moves the issue's time tracking, is recorded in the history
/// (timespent, timeestimate, WorklogId, WorklogTimeSpent) and publishes worklog_* and jira:issue_updated.
/// </summary>
internal static class WorklogWrites
{
    public static async Task<IResult> AddAsync(HttpContext http, Site site, ApiVersionContext api, string issueIdOrKey)
    {
        var pre = ReadQuery(http, "reduceBy");
        if (!pre.IsOk)
        {
            return pre.Error!;
        }
        var body = await RequestReading.ReadJsonObjectAsync(http);
        if (!body.IsOk)
        {
            return body.Error!;
        }
        var rc = RenderContext.For(http, site, api.Version);
        var user = rc.Caller.User!;
        return site.Write(s =>
        {
            var issue = ChildAccess.BrowsableIssue(s, user, issueIdOrKey);
            if (issue is null)
            {
                return JiraResults.IssueNotFound();
            }
            if (!PermissionService.Has(s, user, issue, Permissions.WorkOnIssues))
            {
                return Denied(s, user, "You do not have the permission to associate a worklog to this issue.");
            }
            var input = WorklogInput.Read(body.Value!, rc.UsesAdf, creating: true);
            if (!input.IsOk)
            {
                return input.Error!;
            }
            var visibility = VisibilityInput.Read(s, user, s.ProjectOf(issue), input.Value!.VisibilityNode);
            if (!visibility.IsOk)
            {
                return visibility.Error!;
            }
            if (s.Flavor == SandboxFlavor.Cloud && issue.Worklogs.Count >= ChildAccess.CloudWorklogLimit)
            {
                return JiraResults.Error(StatusCodes.Status413PayloadTooLarge,
                    $"The issue has reached the limit of {ChildAccess.CloudWorklogLimit} worklogs.");
            }
            var now = s.Now;
            var worklog = new Worklog
            {
                Id = s.NextId("worklog"),
                AuthorAccountId = user.AccountId,
                UpdateAuthorAccountId = user.AccountId,
                Comment = input.Value.Comment,
                Started = input.Value.Started!.Value,
                TimeSpentSeconds = input.Value.TimeSpentSeconds!.Value,
                Created = now,
                Updated = now,
                Visibility = visibility.Value,
            };
            var oldSpent = issue.TimeSpentSeconds;
            var oldEstimate = issue.TimeEstimateSeconds;
            issue.Worklogs.Add(worklog);
            issue.TimeEstimateSeconds = pre.Value!.Apply(oldEstimate, worklog.TimeSpentSeconds);
            var change = Record(s, issue, user, oldSpent, oldEstimate,
                EstimateAdjustment.Item("WorklogId", null, worklog.Id));
            SiteEvents.WorklogEvent(rc, "worklog_created", issue, worklog);
            SiteEvents.IssueUpdated(rc, issue, change, "issue_work_logged");
            return JiraResults.Json(w => IssueWriter.WriteWorklog(w, rc, issue, worklog), StatusCodes.Status201Created);
        });
    }

    public static async Task<IResult> UpdateAsync(HttpContext http, Site site, ApiVersionContext api, string issueIdOrKey, string id)
    {
        var pre = ReadQuery(http, null);
        if (!pre.IsOk)
        {
            return pre.Error!;
        }
        var body = await RequestReading.ReadJsonObjectAsync(http);
        if (!body.IsOk)
        {
            return body.Error!;
        }
        var rc = RenderContext.For(http, site, api.Version);
        var user = rc.Caller.User!;
        return site.Write(s =>
        {
            var issue = ChildAccess.BrowsableIssue(s, user, issueIdOrKey);
            if (issue is null)
            {
                return JiraResults.IssueNotFound();
            }
            var worklog = Api.WorklogEndpoints.VisibleWorklog(s, user, issue, id);
            if (worklog is null)
            {
                return ChildAccess.WorklogNotFound(id);
            }
            if (!ChildAccess.MayChange(s, user, issue, worklog.AuthorAccountId, Permissions.EditAllWorklogs, Permissions.EditOwnWorklogs))
            {
                return Denied(s, user, "You do not have the permission to edit this worklog.");
            }
            var input = WorklogInput.Read(body.Value!, rc.UsesAdf, creating: false);
            if (!input.IsOk)
            {
                return input.Error!;
            }
            var visibility = input.Value!.HasVisibility
                ? VisibilityInput.Read(s, user, s.ProjectOf(issue), input.Value.VisibilityNode)
                : Parsed<Visibility?>.Ok(worklog.Visibility);
            if (!visibility.IsOk)
            {
                return visibility.Error!;
            }
            var oldSpent = issue.TimeSpentSeconds;
            var oldEstimate = issue.TimeEstimateSeconds;
            var oldWorklogSpent = worklog.TimeSpentSeconds;
            worklog.TimeSpentSeconds = input.Value.TimeSpentSeconds ?? worklog.TimeSpentSeconds;
            worklog.Started = input.Value.Started ?? worklog.Started;
            worklog.Comment = input.Value.HasComment ? input.Value.Comment : worklog.Comment;
            worklog.Visibility = visibility.Value;
            worklog.UpdateAuthorAccountId = user.AccountId;
            worklog.Updated = s.Now;
            issue.TimeEstimateSeconds = pre.Value!.Apply(oldEstimate, worklog.TimeSpentSeconds - oldWorklogSpent);
            var change = Record(s, issue, user, oldSpent, oldEstimate,
                oldWorklogSpent == worklog.TimeSpentSeconds ? null : EstimateAdjustment.Item("WorklogTimeSpent", oldWorklogSpent, worklog.TimeSpentSeconds),
                EstimateAdjustment.Item("WorklogId", worklog.Id, worklog.Id));
            SiteEvents.WorklogEvent(rc, "worklog_updated", issue, worklog);
            SiteEvents.IssueUpdated(rc, issue, change, "issue_worklog_updated");
            return JiraResults.Json(w => IssueWriter.WriteWorklog(w, rc, issue, worklog));
        });
    }

    public static IResult Delete(HttpContext http, Site site, ApiVersionContext api, string issueIdOrKey, string id)
    {
        var pre = ReadQuery(http, "increaseBy");
        if (!pre.IsOk)
        {
            return pre.Error!;
        }
        var rc = RenderContext.For(http, site, api.Version);
        var user = rc.Caller.User!;
        return site.Write(s =>
        {
            var issue = ChildAccess.BrowsableIssue(s, user, issueIdOrKey);
            if (issue is null)
            {
                return JiraResults.IssueNotFound();
            }
            var worklog = Api.WorklogEndpoints.VisibleWorklog(s, user, issue, id);
            if (worklog is null)
            {
                return ChildAccess.WorklogNotFound(id);
            }
            if (!ChildAccess.MayChange(s, user, issue, worklog.AuthorAccountId, Permissions.DeleteAllWorklogs, Permissions.DeleteOwnWorklogs))
            {
                return Denied(s, user, "You do not have the permission to delete this worklog.");
            }
            var oldSpent = issue.TimeSpentSeconds;
            var oldEstimate = issue.TimeEstimateSeconds;
            issue.Worklogs.Remove(worklog);
            issue.TimeEstimateSeconds = pre.Value!.Apply(oldEstimate, -worklog.TimeSpentSeconds);
            var change = Record(s, issue, user, oldSpent, oldEstimate,
                EstimateAdjustment.Item("WorklogTimeSpent", worklog.TimeSpentSeconds, null),
                EstimateAdjustment.Item("WorklogId", worklog.Id, null));
            SiteEvents.WorklogEvent(rc, "worklog_deleted", issue, worklog);
            SiteEvents.IssueUpdated(rc, issue, change, "issue_worklog_deleted");
            return JiraResults.NoContent();
        });
    }

    /// <summary>notifyUsers/overrideEditableFlag must be booleans; adjustEstimate must make sense.</summary>
    private static Parsed<EstimateAdjustment> ReadQuery(HttpContext http, string? manualParameter)
    {
        foreach (var flag in (ReadOnlySpan<string>)["notifyUsers", "overrideEditableFlag"])
        {
            var parsed = RequestReading.QueryBool(http.Request, flag, false);
            if (!parsed.IsOk)
            {
                return Parsed<EstimateAdjustment>.Fail(parsed.Error!);
            }
        }
        return EstimateAdjustment.Read(http.Request, manualParameter);
    }

    private static IResult Denied(Site site, User user, string sentence) =>
        JiraResults.Error(site.Flavor == SandboxFlavor.Cloud ? StatusCodes.Status400BadRequest : StatusCodes.Status403Forbidden,
            ChildAccess.Named(user, sentence));

    private static ChangeGroup Record(Site site, Issue issue, User user, long oldSpent, long? oldEstimate, params ChangeItem?[] extra)
    {
        ChildAccess.Touch(site, issue);
        var items = EstimateAdjustment.TimeTrackingItems(oldSpent, issue.TimeSpentSeconds, oldEstimate, issue.TimeEstimateSeconds)
            .Concat(extra.OfType<ChangeItem>())
            .ToArray();
        return ChildAccess.RecordChange(site, issue, user, items);
    }
}
