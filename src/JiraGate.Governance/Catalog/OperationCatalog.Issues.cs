using static JiraGate.Governance.Catalog.SchemaFragments;

namespace JiraGate.Governance.Catalog;

public sealed partial class OperationCatalog
{
    private static void AddIssues(List<OperationDescriptor> list)
    {
        const string F = "Issues";
        Add(list, "issues:read", F, "GET", "/rest/api/3/search", RiskLevel.Low, "Search issues using JQL query",
            $$"""
            { {{Header}},
              "description": "Search issues with JQL. Returns at most max_results issues and a next_page_token when there are more.",
              "required": ["jql", "max_results"],
              "properties": {
                "jql": {{Jql}},
                "max_results": {{MaxResults}},
                "fields": {{FieldList}},
                "next_page_token": { "type": "string", "minLength": 1, "maxLength": 2048, "description": "Token from the previous page." }
              } }
            """,
            new OperationTargets { Scope = OperationScope.Jql, JqlArgument = "jql" });

        Add(list, "issues:read_detail", F, "GET", "/rest/api/3/issue/{issueIdOrKey}", RiskLevel.Low, "Get full issue details by key or ID",
            $$"""
            { {{Header}},
              "required": ["issue_key"],
              "properties": { "issue_key": {{IssueKey}}, "fields": {{FieldList}} } }
            """,
            IssueTargets);

        Add(list, "issues:create", F, "POST", "/rest/api/3/issue", RiskLevel.Medium, "Create a new Jira issue",
            $$"""
            { {{Header}},
              "required": ["project_key", "summary", "issue_type"],
              "properties": { {{CreateProperties}} } }
            """,
            new OperationTargets { Scope = OperationScope.Project, ProjectArgument = "project_key", IssueTypeArgument = "issue_type" });

        Add(list, "issues:update", F, "PUT", "/rest/api/3/issue/{issueIdOrKey}", RiskLevel.Medium, "Update fields on an existing issue",
            $$"""
            { {{Header}},
              "description": "Set one or more fields of an issue; fields not given are left as they are.",
              "required": ["issue_key"],
              "minProperties": 2,
              "properties": {
                "issue_key": {{IssueKey}},
                "summary": {{Summary}},
                "description": {{Markdown}},
                "priority": {{Priority}},
                "labels": {{Labels}},
                "assignee": {{Assignee}},
                "components": {{Components}},
                "custom_fields": {{CustomFields}}
              } }
            """,
            IssueTargets);

        Add(list, "issues:delete", F, "DELETE", "/rest/api/3/issue/{issueIdOrKey}", RiskLevel.High, "Permanently delete an issue",
            $$"""
            { {{Header}},
              "required": ["issue_key"],
              "properties": {
                "issue_key": {{IssueKey}},
                "delete_subtasks": { "type": "boolean", "description": "Also delete the issue's subtasks (required when it has any)." }
              } }
            """,
            IssueTargets);

        Add(list, "issues:transition", F, "POST", "/rest/api/3/issue/{issueIdOrKey}/transitions", RiskLevel.Medium, "Transition issue to a new workflow status",
            $$"""
            { {{Header}},
              "description": "Move an issue through its workflow. Give exactly one of transition_id, status or transition_name.",
              "required": ["issue_key"],
              "oneOf": [ { "required": ["transition_id"] }, { "required": ["status"] }, { "required": ["transition_name"] } ],
              "properties": {
                "issue_key": {{IssueKey}},
                "transition_id": { "type": "string", "pattern": "^[0-9]{1,10}$", "description": "Transition id from issues:read_transitions." },
                "status": { "type": "string", "minLength": 1, "maxLength": 255, "description": "Target status name, e.g. In Progress." },
                "transition_name": { "type": "string", "minLength": 1, "maxLength": 255, "description": "Transition name, e.g. Start Progress." },
                "comment": {{Markdown}},
                "fields": {{CustomFields}}
              } }
            """,
            IssueTargets);

        Add(list, "issues:assign", F, "PUT", "/rest/api/3/issue/{issueIdOrKey}/assignee", RiskLevel.Medium, "Assign issue to a user",
            $$"""
            { {{Header}},
              "required": ["issue_key", "assignee"],
              "properties": {
                "issue_key": {{IssueKey}},
                "assignee": { "type": ["string", "null"], "minLength": 1, "maxLength": 128, "description": "Atlassian accountId or email address; null unassigns." }
              } }
            """,
            IssueTargets);

        Add(list, "issues:read_transitions", F, "GET", "/rest/api/3/issue/{issueIdOrKey}/transitions", RiskLevel.Low, "Get available transitions for an issue",
            $$"""
            { {{Header}}, "required": ["issue_key"], "properties": { "issue_key": {{IssueKey}} } }
            """,
            IssueTargets);

        Add(list, "issues:bulk_create", F, "POST", "/rest/api/3/issue/bulk", RiskLevel.Medium, "Bulk create multiple issues in a single request",
            $$"""
            { {{Header}},
              "required": ["issues"],
              "properties": {
                "issues": {
                  "type": "array", "minItems": 1, "maxItems": 50,
                  "description": "The issues to create (at most 50), each shaped as issues:create's arguments.",
                  "items": { "type": "object", "additionalProperties": false,
                             "required": ["project_key", "summary", "issue_type"],
                             "properties": { {{CreateProperties}} } }
                }
              } }
            """,
            new OperationTargets { Scope = OperationScope.Bulk, BulkArgument = "issues", ProjectArgument = "project_key", IssueTypeArgument = "issue_type" });
    }
}
