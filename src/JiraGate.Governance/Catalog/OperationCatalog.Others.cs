using static JiraGate.Governance.Catalog.SchemaFragments;

namespace JiraGate.Governance.Catalog;

public sealed partial class OperationCatalog
{
    private const string IssueOnly = $$"""{ {{Header}}, "required": ["issue_key"], "properties": { "issue_key": {{IssueKey}} } }""";
    private const string IssuePaged = $$"""{ {{Header}}, "required": ["issue_key"], "properties": { "issue_key": {{IssueKey}}, "max_results": {{MaxResults}}, "start_at": {{StartAt}} } }""";
    private const string ProjectOnly = $$"""{ {{Header}}, "required": ["project_key"], "properties": { "project_key": {{ProjectKey}} } }""";
    private const string NoArguments = $$"""{ {{Header}}, "properties": {} }""";
    private const string CommentId = """{ "type": "string", "pattern": "^[1-9][0-9]{0,18}$", "description": "Comment id." }""";

    private static void AddOthers(List<OperationDescriptor> list)
    {
        AddComments(list);
        AddAttachmentsAndWorklogs(list);
        AddProjectsAndUsers(list);
        AddAgile(list);
        AddMetadataAndWebhooks(list);
    }

    private static void AddComments(List<OperationDescriptor> list)
    {
        const string F = "Comments";
        Add(list, "comments:read", F, "GET", "/rest/api/3/issue/{issueIdOrKey}/comment", RiskLevel.Low, "Get comments on an issue", IssuePaged, IssueTargets);
        Add(list, "comments:create", F, "POST", "/rest/api/3/issue/{issueIdOrKey}/comment", RiskLevel.Low, "Add a comment to an issue",
            $$"""{ {{Header}}, "required": ["issue_key", "body"], "properties": { "issue_key": {{IssueKey}}, "body": {{Markdown}} } }""",
            IssueTargets);
        Add(list, "comments:update", F, "PUT", "/rest/api/3/issue/{issueIdOrKey}/comment/{comment_id}", RiskLevel.Low, "Update an existing comment",
            $$"""{ {{Header}}, "required": ["issue_key", "comment_id", "body"], "properties": { "issue_key": {{IssueKey}}, "comment_id": {{CommentId}}, "body": {{Markdown}} } }""",
            IssueTargets);
        Add(list, "comments:delete", F, "DELETE", "/rest/api/3/issue/{issueIdOrKey}/comment/{comment_id}", RiskLevel.Medium, "Delete a comment from an issue",
            $$"""{ {{Header}}, "required": ["issue_key", "comment_id"], "properties": { "issue_key": {{IssueKey}}, "comment_id": {{CommentId}} } }""",
            IssueTargets);
    }

    private static void AddAttachmentsAndWorklogs(List<OperationDescriptor> list)
    {
        const string A = "Attachments";
        Add(list, "attachments:read", A, "GET", "/rest/api/3/issue/{issueIdOrKey}", RiskLevel.Low, "Get issue attachments (via fields=attachment)", IssueOnly, IssueTargets);
        Add(list, "attachments:upload", A, "POST", "/rest/api/3/issue/{issueIdOrKey}/attachments", RiskLevel.Medium, "Upload an attachment to an issue",
            $$"""
            { {{Header}},
              "required": ["issue_key", "file_name", "content_base64"],
              "properties": {
                "issue_key": {{IssueKey}},
                "file_name": { "type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[^/\\\\\\u0000-\\u001f]+$", "description": "File name without directories." },
                "content_base64": { "type": "string", "minLength": 1, "maxLength": 14000000, "contentEncoding": "base64", "description": "File bytes, base64 (at most ~10 MB). Never stored in the audit log: only its size and SHA-256." },
                "content_type": { "type": "string", "pattern": "^[a-zA-Z0-9!#$&^_.+-]+/[a-zA-Z0-9!#$&^_.+-]+$", "maxLength": 255, "description": "MIME type, e.g. text/plain." }
              } }
            """,
            IssueTargets,
            new Dictionary<string, ArgumentRedaction> { ["content_base64"] = ArgumentRedaction.SizeAndDigest });
        Add(list, "attachments:delete", A, "DELETE", "/rest/api/3/attachment/{attachment_id}", RiskLevel.Medium, "Delete an attachment by ID",
            $$"""{ {{Header}}, "required": ["attachment_id"], "properties": { "attachment_id": {{NumericId}} } }""",
            OpaqueTargets);

        const string W = "Worklogs";
        Add(list, "worklogs:read", W, "GET", "/rest/api/3/issue/{issueIdOrKey}/worklog", RiskLevel.Low, "Get worklog entries for an issue", IssuePaged, IssueTargets);
        Add(list, "worklogs:create", W, "POST", "/rest/api/3/issue/{issueIdOrKey}/worklog", RiskLevel.Low, "Add a worklog entry to an issue",
            $$"""
            { {{Header}},
              "required": ["issue_key", "time_spent"],
              "properties": {
                "issue_key": {{IssueKey}},
                "time_spent": { "type": "string", "pattern": "^([1-9][0-9]{0,4}[wdhm] ?){1,4}$", "maxLength": 32, "description": "Jira duration, e.g. 1h 30m." },
                "started": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,3})?)?(Z|[+-][0-9]{2}:?[0-9]{2})$", "description": "When the work started (ISO 8601 with offset)." },
                "comment": {{Markdown}}
              } }
            """,
            IssueTargets);
    }

    private static void AddProjectsAndUsers(List<OperationDescriptor> list)
    {
        const string P = "Projects";
        Add(list, "projects:read", P, "GET", "/rest/api/3/project", RiskLevel.Low, "List all accessible projects",
            $$"""{ {{Header}}, "properties": { "query": { "type": "string", "minLength": 1, "maxLength": 255, "description": "Filter by key or name." }, "max_results": {{MaxResults}}, "start_at": {{StartAt}} } }""",
            GlobalTargets);
        Add(list, "projects:read_detail", P, "GET", "/rest/api/3/project/{projectIdOrKey}", RiskLevel.Low, "Get project details by key or ID", ProjectOnly, ProjectTargets);
        Add(list, "projects:read_components", P, "GET", "/rest/api/3/project/{projectIdOrKey}/components", RiskLevel.Low, "Get components for a project", ProjectOnly, ProjectTargets);
        Add(list, "projects:read_versions", P, "GET", "/rest/api/3/project/{projectIdOrKey}/versions", RiskLevel.Low, "Get versions/releases for a project", ProjectOnly, ProjectTargets);

        const string U = "Users";
        Add(list, "users:read", U, "GET", "/rest/api/3/users/search", RiskLevel.Low, "Search for users",
            $$"""{ {{Header}}, "properties": { "query": { "type": "string", "minLength": 1, "maxLength": 255, "description": "Name or email to match." }, "max_results": {{MaxResults}}, "start_at": {{StartAt}} } }""",
            GlobalTargets);
        Add(list, "users:read_detail", U, "GET", "/rest/api/3/user", RiskLevel.Low, "Get user details by account ID",
            $$"""{ {{Header}}, "required": ["account_id"], "properties": { "account_id": {{AccountId}} } }""", GlobalTargets);
        Add(list, "users:read_groups", U, "GET", "/rest/api/3/user/groups", RiskLevel.Low, "Get groups a user belongs to",
            $$"""{ {{Header}}, "required": ["account_id"], "properties": { "account_id": {{AccountId}} } }""", GlobalTargets);
    }

    private static void AddAgile(List<OperationDescriptor> list)
    {
        const string B = "Boards";
        Add(list, "boards:read", B, "GET", "/rest/agile/1.0/board", RiskLevel.Low, "List agile boards",
            $$"""
            { {{Header}},
              "properties": {
                "project_key": {{ProjectKey}},
                "type": { "enum": ["scrum", "kanban", "simple"], "description": "Board type." },
                "name": { "type": "string", "minLength": 1, "maxLength": 255, "description": "Board name contains this text." },
                "max_results": {{MaxResults}},
                "start_at": {{StartAt}}
              } }
            """,
            ProjectTargets);
        Add(list, "boards:read_sprints", B, "GET", "/rest/agile/1.0/board/{board_id}/sprint", RiskLevel.Low, "Get sprints for a board",
            $$"""
            { {{Header}},
              "required": ["board_id"],
              "properties": {
                "board_id": {{AgileId}},
                "state": { "enum": ["active", "future", "closed"], "description": "Only sprints in this state." },
                "max_results": {{MaxResults}},
                "start_at": {{StartAt}}
              } }
            """,
            OpaqueTargets);
        Add(list, "boards:read_backlog", B, "GET", "/rest/agile/1.0/board/{board_id}/backlog", RiskLevel.Low, "Get backlog issues for a board",
            $$"""{ {{Header}}, "required": ["board_id"], "properties": { "board_id": {{AgileId}}, "jql": {{Jql}}, "max_results": {{MaxResults}}, "start_at": {{StartAt}} } }""",
            OpaqueTargets);

        const string S = "Sprints";
        Add(list, "sprints:read", S, "GET", "/rest/agile/1.0/sprint/{sprint_id}", RiskLevel.Low, "Get sprint details",
            $$"""{ {{Header}}, "required": ["sprint_id"], "properties": { "sprint_id": {{AgileId}} } }""", OpaqueTargets);
        Add(list, "sprints:read_issues", S, "GET", "/rest/agile/1.0/sprint/{sprint_id}/issue", RiskLevel.Low, "Get issues in a sprint",
            $$"""{ {{Header}}, "required": ["sprint_id"], "properties": { "sprint_id": {{AgileId}}, "jql": {{Jql}}, "max_results": {{MaxResults}}, "start_at": {{StartAt}} } }""",
            OpaqueTargets);
    }

    private static void AddMetadataAndWebhooks(List<OperationDescriptor> list)
    {
        const string M = "Metadata";
        Add(list, "fields:read", M, "GET", "/rest/api/3/field", RiskLevel.Low, "List all issue fields (system and custom)", NoArguments, GlobalTargets);
        Add(list, "priorities:read", M, "GET", "/rest/api/3/priority", RiskLevel.Low, "List all priority levels", NoArguments, GlobalTargets);
        Add(list, "statuses:read", M, "GET", "/rest/api/3/statuses", RiskLevel.Low, "List all issue statuses", NoArguments, GlobalTargets);

        const string W = "Webhooks";
        Add(list, "webhooks:read", W, "GET", "/rest/api/3/webhook", RiskLevel.Low, "List registered webhooks",
            $$"""{ {{Header}}, "properties": { "max_results": {{MaxResults}}, "start_at": {{StartAt}} } }""", GlobalTargets);
        Add(list, "webhooks:create", W, "POST", "/rest/api/3/webhook", RiskLevel.Medium, "Register a new webhook",
            $$"""
            { {{Header}},
              "required": ["url", "events"],
              "properties": {
                "url": { "type": "string", "pattern": "^https://[^\\s]+$", "maxLength": 2048, "description": "HTTPS URL that receives the events." },
                "events": { "type": "array", "minItems": 1, "maxItems": 20, "uniqueItems": true,
                            "items": { "type": "string", "pattern": "^([a-z_]+:)?[a-z_]+$", "maxLength": 64 },
                            "description": "Event names, e.g. jira:issue_created, comment_created." },
                "jql_filter": {{Jql}}
              } }
            """,
            OpaqueTargets);
        Add(list, "webhooks:delete", W, "DELETE", "/rest/api/3/webhook/{webhook_id}", RiskLevel.Medium, "Delete a registered webhook",
            $$"""{ {{Header}}, "required": ["webhook_id"], "properties": { "webhook_id": {{NumericId}} } }""", OpaqueTargets);
    }
}
