namespace JiraGate.Jira;

/// <summary>The built-in permission keys most callers ask about (apps may add more; any key string works).</summary>
public static class PermissionKeys
{
    /// <summary>See the project and its issues.</summary>
    public const string BrowseProjects = "BROWSE_PROJECTS";

    /// <summary>Create issues.</summary>
    public const string CreateIssues = "CREATE_ISSUES";

    /// <summary>Edit issues.</summary>
    public const string EditIssues = "EDIT_ISSUES";

    /// <summary>Delete issues.</summary>
    public const string DeleteIssues = "DELETE_ISSUES";

    /// <summary>Assign issues to people.</summary>
    public const string AssignIssues = "ASSIGN_ISSUES";

    /// <summary>Be assigned issues.</summary>
    public const string AssignableUser = "ASSIGNABLE_USER";

    /// <summary>Transition issues.</summary>
    public const string TransitionIssues = "TRANSITION_ISSUES";

    /// <summary>Comment on issues.</summary>
    public const string AddComments = "ADD_COMMENTS";

    /// <summary>Attach files.</summary>
    public const string CreateAttachments = "CREATE_ATTACHMENTS";

    /// <summary>Log work.</summary>
    public const string WorkOnIssues = "WORK_ON_ISSUES";

    /// <summary>Set the issue security level.</summary>
    public const string SetIssueSecurity = "SET_ISSUE_SECURITY";

    /// <summary>Administer the project.</summary>
    public const string AdministerProjects = "ADMINISTER_PROJECTS";

    /// <summary>Administer Jira (global).</summary>
    public const string Administer = "ADMINISTER";

    /// <summary>Browse users and groups (global).</summary>
    public const string UserPicker = "USER_PICKER";
}
