namespace JiraGate.Governance.Catalog;

/// <summary>Reusable pieces of the argument schemas, so every operation bounds the same things the same way.</summary>
internal static class SchemaFragments
{
    /// <summary>Issue key (PROJ-123) or numeric issue id.</summary>
    public const string IssueKeyPattern = "^([A-Z][A-Z0-9_]+-[1-9][0-9]*|[1-9][0-9]*)$";

    /// <summary>Project key (PROJ) or numeric project id.</summary>
    public const string ProjectKeyPattern = "^([A-Z][A-Z0-9_]+|[1-9][0-9]*)$";

    public const string Header = "\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"type\": \"object\", \"additionalProperties\": false";

    public const string IssueKey = $$"""{ "type": "string", "pattern": "{{IssueKeyPattern}}", "maxLength": 64, "description": "Issue key such as SEC-456, or numeric issue id." }""";

    public const string ProjectKey = $$"""{ "type": "string", "pattern": "{{ProjectKeyPattern}}", "maxLength": 64, "description": "Project key such as SEC, or numeric project id." }""";

    public const string NumericId = """{ "type": "string", "pattern": "^[1-9][0-9]{0,18}$", "description": "Numeric id, as a string." }""";

    /// <summary>Agile ids: agents pass them as strings ("42") or numbers (42).</summary>
    public const string AgileId = """{ "type": ["string", "integer"], "pattern": "^[1-9][0-9]{0,18}$", "minimum": 1, "description": "Numeric id, as a string or an integer." }""";

    public const string MaxResults = """{ "type": "integer", "minimum": 1, "maximum": 100, "description": "Page size (1..100)." }""";

    public const string StartAt = """{ "type": "integer", "minimum": 0, "maximum": 1000000, "description": "Offset of the first item." }""";

    public const string Markdown = """{ "type": "string", "minLength": 1, "maxLength": 32767, "description": "Markdown; converted to Atlassian Document Format." }""";

    public const string Summary = """{ "type": "string", "minLength": 1, "maxLength": 255 }""";

    public const string IssueType = """{ "type": "string", "minLength": 1, "maxLength": 64, "description": "Issue type name, e.g. Bug, Task." }""";

    public const string Priority = """{ "type": "string", "minLength": 1, "maxLength": 64, "description": "Priority name, e.g. High." }""";

    public const string Labels = """{ "type": "array", "maxItems": 50, "uniqueItems": true, "items": { "type": "string", "pattern": "^[^\\s]+$", "minLength": 1, "maxLength": 255 }, "description": "Labels (no spaces)." }""";

    public const string Assignee = """{ "type": "string", "minLength": 1, "maxLength": 128, "description": "Atlassian accountId or email address." }""";

    public const string Components = """{ "type": "array", "maxItems": 20, "items": { "type": "string", "minLength": 1, "maxLength": 255 }, "description": "Component names." }""";

    public const string CustomFields = """{ "type": "object", "maxProperties": 50, "propertyNames": { "pattern": "^customfield_[0-9]{1,10}$" }, "description": "Custom field values by id, e.g. {\"customfield_10010\": 5}." }""";

    public const string FieldList = """{ "type": "array", "maxItems": 50, "items": { "type": "string", "minLength": 1, "maxLength": 64 }, "description": "Fields to return." }""";

    public const string Jql = """{ "type": "string", "minLength": 1, "maxLength": 4000, "description": "JQL query." }""";

    public const string AccountId = """{ "type": "string", "minLength": 1, "maxLength": 128, "description": "Atlassian accountId." }""";

    /// <summary>The fields of a new issue, shared by issues:create and each item of issues:bulk_create.</summary>
    public const string CreateProperties = $$"""
        "project_key": {{ProjectKey}},
        "summary": {{Summary}},
        "issue_type": {{IssueType}},
        "description": {{Markdown}},
        "priority": {{Priority}},
        "labels": {{Labels}},
        "assignee": {{Assignee}},
        "components": {{Components}},
        "custom_fields": {{CustomFields}}
        """;
}
