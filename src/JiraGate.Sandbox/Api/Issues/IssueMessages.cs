namespace JiraGate.Sandbox.Api.Issues;

/// <summary>Jira's own wording for issue-operation errors, in one place so tests and handlers agree.</summary>
internal static class IssueMessages
{
    public const string SummaryRequired = "You must specify a summary of the issue.";
    public const string SummaryTooLong = "Summary must be less than 255 characters.";
    public const string NoFieldsOrUpdate = "one of 'fields' or 'update' required";
    public const string IssueTypeInvalid = "The issue type selected is invalid.";
    public const string SubtaskNeedsParent = "Issue type is a sub-task but parent issue key or id not specified.";
    public const string SubtaskSameProject = "Sub-tasks must be created in the same project as the parent.";
    public const string ParentNotFound = "Could not find issue by id or key.";
    public const string ParentWrongHierarchy = "Given parent work item does not belong to appropriate hierarchy.";
    public const string NoCreatePermission = "You do not have permission to create issues in this project.";
    public const string NoEditPermission = "You do not have permission to edit issues in this project.";
    public const string NoDeletePermission = "You do not have permission to delete issues in this project.";
    public const string NoAssignPermission = "You do not have permission to assign issues.";
    public const string NoTransitionPermission = "You do not have permission to transition this issue.";
    public const string MissingTransition = "Missing 'transition' identifier";
    public const string NotifyUsersNeedsAdmin = "To discard the user notification either admin or project admin permissions are required.";
    public const string OverrideNeedsApp = "Only Connect and Forge app users with Administer Jira global permission can override screen security or the editable flag.";
    public const string NotANumber = "Operation value must be a number";
    public const string NotAString = "Operation value must be a string";
    public const string UserNotFound = "Specified user does not exist or you do not have required permissions";
    public const string ClosedSprint = "Issue can be assigned only active or future sprints.";
    public const string PriorityInvalid = "The priority selected is invalid.";
    public const string ResolutionInvalid = "The resolution selected is invalid.";
    public const string ResolutionRequired = "Resolution is required.";
    public const string OriginalEstimateInvalid = "The original estimate specified is not valid.";
    public const string RemainingEstimateInvalid = "The remaining estimate specified is not valid.";

    /// <summary>Unknown project, or one the caller may not browse: Cloud and Data Center word it differently.</summary>
    public static string ProjectInvalid(bool dataCenter, bool missing) =>
        dataCenter ? (missing ? "project is required" : "valid project is required") : "Specify a valid project ID or key";

    /// <summary>Missing or unknown issue type.</summary>
    public static string IssueTypeMissing(bool dataCenter, bool missing) =>
        dataCenter ? (missing ? "issue type is required" : "valid issue type is required") : (missing ? "Specify an issue type" : IssueTypeInvalid);

    public static string CannotBeSet(string fieldId) =>
        $"Field '{fieldId}' cannot be set. It is not on the appropriate screen, or unknown.";

    public static string Required(string fieldName) => $"{fieldName} is required.";

    public static string UnsupportedOperation(string fieldId, string verb, IEnumerable<string> supported) =>
        $"Field '{fieldId}' does not support operation '{verb}'. Supported operation(s) are: '{string.Join(",", supported)}'";

    public static string InBothFieldsAndUpdate(string fieldId) =>
        $"Field '{fieldId}' cannot appear in both 'fields' and 'update'";

    public static string CannotBeAssigned(string user) => $"User '{user}' cannot be assigned issues.";

    public static string DateInvalid(string? text) => $"Error parsing date string: {text}";

    public static string TransitionInvalid(string id) => $"Transition id '{id}' is not valid for this issue.";

    public static string TransitionNotFromHere(string name, string key) =>
        $"It seems that you have tried to perform a workflow operation ({name}) that is not valid for the current state of this issue ({key}). " +
        "The likely cause is that somebody has changed the issue recently, please look at the issue history for details.";

    public static string HasSubtasks(string key) =>
        $"The issue '{key}' has subtasks.  You must specify the 'deleteSubtasks' parameter to delete this issue and all its subtasks.";

    public static string PropertyNotFound(string key) => $"The property with key '{key}' does not exist.";

    public static string ProjectNotFound(string idOrKey) => $"No project could be found with key '{idOrKey}'.";
}
