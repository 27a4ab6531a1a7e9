using System.Text.Json.Nodes;

namespace JiraGate.Sandbox.Tests.Conformance;

public sealed class DataCenterValidationTests
{
    [Theory]
    [InlineData("jira-ruby/dc-v2-issue-get.json", "GET", "/rest/api/2/issue/{issueIdOrKey}", 200)]
    [InlineData("jira-ruby/dc-v2-search-get.json", "GET", "/rest/api/2/search", 200)]
    [InlineData("jira-ruby/dc-v2-issue-post.json", "POST", "/rest/api/2/issue", 201)]
    [InlineData("jira-ruby/dc-v2-comments-get.json", "GET", "/rest/api/2/issue/{issueIdOrKey}/comment", 200)]
    [InlineData("jira-ruby/dc-v2-comment-post.json", "POST", "/rest/api/2/issue/{issueIdOrKey}/comment", 201)]
    [InlineData("jira-ruby/dc-v2-worklogs-get.json", "GET", "/rest/api/2/issue/{issueIdOrKey}/worklog", 200)]
    [InlineData("jira-ruby/dc-v2-worklog-post.json", "POST", "/rest/api/2/issue/{issueIdOrKey}/worklog", 201)]
    [InlineData("jira-ruby/dc-v2-transitions-get.json", "GET", "/rest/api/2/issue/{issueIdOrKey}/transitions", 200)]
    [InlineData("jira-ruby/dc-v2-attachment-get.json", "GET", "/rest/api/2/attachment/{id}", 200)]
    [InlineData("jira-ruby/dc-v2-priorities-get.json", "GET", "/rest/api/2/priority", 200)]
    [InlineData("go-jira/dc-v2-priorities-get-apache.json", "GET", "/rest/api/2/priority", 200)]
    [InlineData("jira-ruby/dc-v2-statuses-get.json", "GET", "/rest/api/2/status", 200)]
    [InlineData("go-jira/dc-v2-statuses-get.json", "GET", "/rest/api/2/status", 200)]
    [InlineData("go-jira/statuscategories-get.json", "GET", "/rest/api/2/statuscategory", 200)]
    [InlineData("jira-ruby/dc-v2-fields-get.json", "GET", "/rest/api/2/field", 200)]
    [InlineData("jira-ruby/dc-v2-projects-get.json", "GET", "/rest/api/2/project", 200)]
    [InlineData("jira-ruby/dc-v2-project-get.json", "GET", "/rest/api/2/project/{projectIdOrKey}", 200)]
    [InlineData("go-jira/dc-v2-project-get-apache.json", "GET", "/rest/api/2/project/{projectIdOrKey}", 200)]
    [InlineData("jira-ruby/dc-v2-component-get.json", "GET", "/rest/api/2/component/{id}", 200)]
    [InlineData("go-jira/component-get.json", "GET", "/rest/api/2/component/{id}", 200)]
    [InlineData("jira-ruby/dc-v2-version-get.json", "GET", "/rest/api/2/version/{id}", 200)]
    [InlineData("jira-ruby/user-get-by-accountid-localhost.json", "GET", "/rest/api/2/user", 200)]
    [InlineData("go-jira/agile-boards-get.json", "GET", "/rest/agile/1.0/board", 200)]
    [InlineData("go-jira/agile-board-sprints-get.json", "GET", "/rest/agile/1.0/board/{boardId}/sprint", 200)]
    [InlineData("jira-ruby/agile-board-sprints-get.json", "GET", "/rest/agile/1.0/board/{boardId}/sprint", 200)]
    [InlineData("jira-ruby/agile-sprint-get.json", "GET", "/rest/agile/1.0/sprint/{sprintId}", 200)]
    [InlineData("jira-ruby/agile-sprint-issues-get.json", "GET", "/rest/agile/1.0/sprint/{sprintId}/issue", 200)]
    [InlineData("jira-ruby/agile-board-issues-get.json", "GET", "/rest/agile/1.0/board/{boardId}/issue", 200)]
    public void Validate_RecordedServerResponse_IsValidAgainstDataCenterSpec(string fixture, string method, string path, int status)
    {
        var outcome = ResponseSchemaValidator.Validate(SpecKind.DataCenter, method, path, status, Fixture(fixture));

        Assert.True(outcome.IsValid, outcome.ToString());
    }

    [Theory]
    [InlineData("/rest/api/2/issue/{issueIdOrKey}")]
    [InlineData("/api/2/issue/{issueIdOrKey}")]
    public void Validate_RecordedDataCenterIssue_IsValidUnderEitherPathSpelling(string path)
    {
        var issue = Fixture("jira-ruby/dc-v2-issue-get.json");

        var outcome = ResponseSchemaValidator.Validate(SpecKind.DataCenter, "GET", path, 200, issue);

        Assert.True(outcome.IsValid, outcome.ToString());
        Assert.Equal("#/paths/~1api~12~1issue~1{issueIdOrKey}/get/responses/200/content/application~1json/schema", outcome.SchemaLocation);
        Assert.Contains(outcome.Notes, note => note.Contains("IssueBean/properties/fields/additionalProperties", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_DataCenterIssueWithWrongKeyType_Fails()
    {
        var issue = Fixture("jira-ruby/dc-v2-issue-get.json");
        issue["key"] = 10002;

        var outcome = ResponseSchemaValidator.Validate(SpecKind.DataCenter, "GET", "/rest/api/2/issue/{issueIdOrKey}", 200, issue);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("/key", error.InstanceLocation);
        Assert.Equal("type", error.Keyword);
    }

    [Fact]
    public void Validate_DataCenterEmptyObject_FailsInsteadOfPassingVacuously()
    {
        var outcome = ResponseSchemaValidator.Validate(SpecKind.DataCenter, "GET", "/rest/api/2/issue/{issueIdOrKey}", 200, new JsonObject());

        Assert.Equal("declared-properties", Assert.Single(outcome.Errors).Keyword);
    }

    [Fact]
    public void Validate_DataCenterArrayForItemSchema_ValidatesEveryElement()
    {
        var priorities = Fixture("jira-ruby/dc-v2-priorities-get.json");

        var valid = ResponseSchemaValidator.Validate(SpecKind.DataCenter, "GET", "/rest/api/2/priority", 200, priorities);
        priorities[3]!["name"] = true;
        var invalid = ResponseSchemaValidator.Validate(SpecKind.DataCenter, "GET", "/rest/api/2/priority", 200, priorities);

        Assert.True(valid.IsValid, valid.ToString());
        Assert.Contains(valid.Notes, note => note.Contains("item schema PriorityJsonBean but the body is an array", StringComparison.Ordinal));
        Assert.Equal("/3/name", Assert.Single(invalid.Errors).InstanceLocation);
    }

    [Fact]
    public void Validate_DataCenterPageForItemSchema_ValidatesPageElementsAndFields()
    {
        var boards = Fixture("go-jira/agile-boards-get.json");

        var valid = ResponseSchemaValidator.Validate(SpecKind.DataCenter, "GET", "/rest/agile/1.0/board", 200, boards);
        boards["values"]![2]!["id"] = "6";
        boards["isLast"] = "true";
        var invalid = ResponseSchemaValidator.Validate(SpecKind.DataCenter, "GET", "/rest/agile/1.0/board", 200, boards);

        Assert.True(valid.IsValid, valid.ToString());
        Assert.Contains(valid.Notes, note => note.Contains("'values' elements were validated against BoardBean", StringComparison.Ordinal));
        Assert.Equal(["/isLast", "/values/2/id"], invalid.Errors.Select(e => e.InstanceLocation).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_DataCenterPageOfEmptyObjects_FailsInsteadOfPassingVacuously()
    {
        var page = new JsonObject { ["startAt"] = 0, ["values"] = new JsonArray(new JsonObject()) };

        var outcome = ResponseSchemaValidator.Validate(SpecKind.DataCenter, "GET", "/rest/agile/1.0/board", 200, page);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal(("/values/0", "declared-properties"), (error.InstanceLocation, error.Keyword));
    }

    [Fact]
    public void Validate_DataCenterJavaObjectValues_AcceptStringsInAllowedValues()
    {
        var transitions = Fixture("go-jira/dc-v2-transitions-get-expanded.json");

        var outcome = ResponseSchemaValidator.Validate(
            SpecKind.DataCenter, "GET", "/rest/api/2/issue/{issueIdOrKey}/transitions", 200, transitions);

        Assert.True(outcome.IsValid, outcome.ToString());
        Assert.Contains(outcome.Notes, note => note.Contains("FieldMetaBean/properties/allowedValues/items", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_DataCenterTypeOnlySchema_SaysOnlyTheTypeWasChecked()
    {
        var outcome = ResponseSchemaValidator.Validate(
            SpecKind.DataCenter, "GET", "/rest/api/2/serverInfo", 200, new JsonObject { ["version"] = "10.3.4" });

        Assert.True(outcome.IsValid, outcome.ToString());
        Assert.Contains(outcome.Notes, note => note.Contains("ServerInfoBean declares nothing but its JSON type", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SameShapeAgainstPlatformSpec_IsNotRelaxed()
    {
        var priorities = new JsonArray(new JsonObject { ["id"] = "1", ["name"] = "Blocker", ["avatarId"] = "x" });

        var outcome = ResponseSchemaValidator.Validate(SpecKind.Platform, "GET", "/rest/api/3/priority", 200, priorities);

        Assert.Equal("/0/avatarId", Assert.Single(outcome.Errors).InstanceLocation);
        Assert.DoesNotContain(outcome.Notes, note => note.Contains("relaxed", StringComparison.Ordinal));
    }

    private static JsonNode Fixture(string relativePath) =>
        JsonNode.Parse(FixtureShapes.Load(relativePath).RootElement.GetRawText())!;
}
