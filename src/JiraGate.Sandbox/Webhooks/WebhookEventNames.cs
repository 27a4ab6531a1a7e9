namespace JiraGate.Sandbox.Webhooks;

/// <summary>The webhook event names Jira accepts, per kind of webhook.</summary>
internal static class WebhookEventNames
{
    /// <summary>Events a dynamic webhook may subscribe to (platform spec, <c>WebhookDetails.events</c> enum).</summary>
    public static readonly IReadOnlySet<string> Dynamic = new HashSet<string>(StringComparer.Ordinal)
    {
        "jira:issue_created", "jira:issue_updated", "jira:issue_deleted",
        "comment_created", "comment_updated", "comment_deleted",
        "issue_property_set", "issue_property_deleted",
        "sprint_created", "sprint_updated", "sprint_closed", "sprint_deleted", "sprint_started",
        "jira:version_released", "jira:version_unreleased", "jira:version_created", "jira:version_moved",
        "jira:version_updated", "jira:version_merged", "jira:version_deleted",
    };

    /// <summary>Events an admin webhook may subscribe to (System › WebHooks: the dynamic set plus admin-only events).</summary>
    public static readonly IReadOnlySet<string> Admin = new HashSet<string>(Dynamic, StringComparer.Ordinal)
    {
        "jira:worklog_updated", "worklog_created", "worklog_updated", "worklog_deleted",
        "attachment_created", "attachment_deleted", "issuelink_created", "issuelink_deleted",
        "project_created", "project_updated", "project_deleted", "project_soft_deleted", "project_restored_deleted",
        "project_archived", "project_restored_archived",
        "user_created", "user_updated", "user_deleted",
        "board_created", "board_updated", "board_deleted", "board_configuration_changed",
        "component_created", "component_updated", "component_deleted",
        "filter_created", "filter_updated", "filter_deleted",
        "option_voting_changed", "option_watching_changed", "option_unassigned_issues_changed",
        "option_subtasks_changed", "option_attachments_changed", "option_issuelinks_changed", "option_timetracking_changed",
    };
}
