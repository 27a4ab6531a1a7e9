using System.Globalization;
using System.Text.Json.Nodes;

namespace JiraGate.Sandbox.Tests.Conformance;

public sealed class ResponseSchemaValidatorTests
{
    [Theory]
    [InlineData("GET", "/rest/api/3/myself", 200)]
    [InlineData("GET", "/rest/api/3/issue/{issueIdOrKey}", 200)]
    [InlineData("POST", "/rest/api/3/issue", 201)]
    [InlineData("POST", "/rest/api/3/issue/bulk", 201)]
    [InlineData("POST", "/rest/api/3/issue/bulk", 400)]
    [InlineData("GET", "/rest/api/3/search/jql", 200)]
    [InlineData("POST", "/rest/api/3/search/jql", 200)]
    [InlineData("GET", "/rest/api/3/project/search", 200)]
    [InlineData("GET", "/rest/api/3/issue/{issueIdOrKey}/comment", 200)]
    [InlineData("GET", "/rest/api/3/issue/{issueIdOrKey}/worklog", 200)]
    [InlineData("GET", "/rest/api/3/issueLink/{linkId}", 200)]
    [InlineData("GET", "/rest/api/3/field", 200)]
    [InlineData("GET", "/rest/api/3/priority", 200)]
    [InlineData("GET", "/rest/api/3/status", 200)]
    public void Validate_PlatformSpecExample_IsValid(string method, string path, int status)
    {
        var example = OpenApiExamples.Get(SpecKind.Platform, method, path, status);

        var outcome = ResponseSchemaValidator.Validate(SpecKind.Platform, method, path, status, example);

        Assert.True(outcome.IsValid, outcome.ToString());
        Assert.Equal(status.ToString(CultureInfo.InvariantCulture), outcome.ResponseKey);
        Assert.False(outcome.UsedDefaultResponse);
        Assert.Equal("application/json", outcome.MediaType);
    }

    [Fact]
    public void Validate_SoftwareBoardListExample_IsValid()
    {
        var example = OpenApiExamples.Get(SpecKind.Software, "GET", "/rest/agile/1.0/board", 200);

        var outcome = ResponseSchemaValidator.Validate(SpecKind.Software, "GET", "/rest/agile/1.0/board", 200, example);

        Assert.True(outcome.IsValid, outcome.ToString());
    }

    [Fact]
    public void Validate_RequiredPropertyRemoved_FailsNamingTheProperty()
    {
        var body = OpenApiExamples.Get(SpecKind.Platform, "GET", "/rest/api/3/issueLink/{linkId}", 200)!.AsObject();
        Assert.True(body.Remove("outwardIssue"));

        var outcome = ResponseSchemaValidator.Validate(SpecKind.Platform, "GET", "/rest/api/3/issueLink/{linkId}", 200, body);

        Assert.Equal(ValidationStatus.Invalid, outcome.Status);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal("required", error.Keyword);
        Assert.Equal("", error.InstanceLocation);
        Assert.Contains("outwardIssue", error.Message, StringComparison.Ordinal);
        Assert.Equal("#/$defs/IssueLink", error.SchemaLocation);
        Assert.Contains("(body): [required]", outcome.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WrongTypeDeepInBody_FailsWithInstanceLocation()
    {
        var body = OpenApiExamples.Get(SpecKind.Platform, "POST", "/rest/api/3/issue/bulk", 400)!;
        body["errors"]![1]!["failedElementNumber"] = "1";

        var outcome = ResponseSchemaValidator.Validate(SpecKind.Platform, "POST", "/rest/api/3/issue/bulk", 400, body);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("/errors/1/failedElementNumber", error.InstanceLocation);
        Assert.Equal("type", error.Keyword);
        Assert.Contains("\"string\" but should be \"integer\"", error.Message, StringComparison.Ordinal);
        Assert.Equal("#/$defs/BulkOperationErrorResult/properties/failedElementNumber", error.SchemaLocation);
    }

    [Fact]
    public void Validate_UndeclaredPropertyOnClosedSchema_FailsAsAdditionalProperty()
    {
        var body = OpenApiExamples.Get(SpecKind.Platform, "GET", "/rest/api/3/myself", 200)!;
        body["name"] = "legacy"; // declared: still fine
        body["username"] = "jdoe"; // not declared and User has additionalProperties: false

        var outcome = ResponseSchemaValidator.Validate(SpecKind.Platform, "GET", "/rest/api/3/myself", 200, body);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("/username", error.InstanceLocation);
        Assert.Equal("additionalProperties", error.Keyword);
        Assert.Contains("'username' is not declared", error.Message, StringComparison.Ordinal);
        Assert.Equal("#/$defs/User/additionalProperties", error.SchemaLocation);
    }

    [Fact]
    public void Validate_EmptyObjectForSchemaWithoutRequired_FailsInsteadOfPassingVacuously()
    {
        var outcome = ResponseSchemaValidator.Validate(SpecKind.Platform, "GET", "/rest/api/3/myself", 200, new JsonObject());

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("declared-properties", error.Keyword);
        Assert.Contains("User", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralErrors_ReportsEveryOneReadably()
    {
        var body = OpenApiExamples.Get(SpecKind.Platform, "GET", "/rest/api/3/myself", 200)!;
        body["active"] = "yes";
        body["accountId"] = 42;

        var outcome = ResponseSchemaValidator.Validate(SpecKind.Platform, "get", "/rest/api/3/myself", 200, body);

        Assert.Equal(["/accountId", "/active"], outcome.Errors.Select(e => e.InstanceLocation).Order(StringComparer.Ordinal));
        var text = outcome.ToString();
        Assert.StartsWith("Invalid: GET /rest/api/3/myself → 200 [jira-platform-v3.json]", text, StringComparison.Ordinal);
        Assert.Contains("2 error(s):", text, StringComparison.Ordinal);
        Assert.Contains("/active: [type] Value is \"string\" but should be \"boolean\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_JiraDateTimeAndInt64Values_AreAccepted()
    {
        var worklog = new JsonObject
        {
            ["id"] = "100028",
            ["started"] = "2021-01-17T12:34:00.000+0000",
            ["created"] = "not a date at all",
            ["timeSpentSeconds"] = long.MaxValue,
            ["self"] = "relative/uri is only a format annotation",
        };

        var outcome = ResponseSchemaValidator.ValidateComponent(SpecKind.Platform, "Worklog", worklog);

        Assert.True(outcome.IsValid, outcome.ToString());
    }

    [Fact]
    public void Validate_FractionForInt64_FailsAsType()
    {
        var worklog = new JsonObject { ["id"] = "1", ["timeSpentSeconds"] = 1.5 };

        var outcome = ResponseSchemaValidator.ValidateComponent(SpecKind.Platform, "Worklog", worklog);

        Assert.Equal("type", Assert.Single(outcome.Errors).Keyword);
    }

    [Fact]
    public void Validate_NullableProperty_AcceptsNullButOthersDoNot()
    {
        var path = "/rest/api/3/user/groups";
        var nullGroupId = new JsonArray(new JsonObject { ["name"] = "jira-users", ["groupId"] = null, ["self"] = "https://x/rest/api/3/group?groupId=1" });
        var nullName = new JsonArray(new JsonObject { ["name"] = null, ["groupId"] = "1" });

        var accepted = ResponseSchemaValidator.Validate(SpecKind.Platform, "GET", path, 200, nullGroupId);
        var rejected = ResponseSchemaValidator.Validate(SpecKind.Platform, "GET", path, 200, nullName);

        Assert.True(accepted.IsValid, accepted.ToString());
        Assert.Equal("/0/name", Assert.Single(rejected.Errors).InstanceLocation);
    }

    [Fact]
    public void Validate_ConcretePathInsteadOfTemplate_IsNotInSpecAndSuggestsTemplate()
    {
        var outcome = ResponseSchemaValidator.Validate(SpecKind.Platform, "GET", "/rest/api/3/issue/PROJ-1", 200, new JsonObject());

        Assert.Equal(ValidationStatus.NotInSpec, outcome.Status);
        Assert.False(outcome.IsValid);
        Assert.Contains("/rest/api/3/issue/{issueIdOrKey}", outcome.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AgilePathAgainstPlatformSpec_SaysWhichSpecDeclaresIt()
    {
        var outcome = ResponseSchemaValidator.Validate(SpecKind.Platform, "GET", "/rest/agile/1.0/board", 200, new JsonObject());

        Assert.Equal(ValidationStatus.NotInSpec, outcome.Status);
        Assert.Contains("SpecKind.Software", outcome.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UndeclaredMethod_IsNotInSpecListingDeclaredMethods()
    {
        var outcome = ResponseSchemaValidator.Validate(SpecKind.Platform, "PATCH", "/rest/api/3/issue/{issueIdOrKey}", 200, null);

        Assert.Equal(ValidationStatus.NotInSpec, outcome.Status);
        Assert.Contains("GET, PUT, DELETE", outcome.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnlistedStatusWithoutDefault_IsNotInSpec()
    {
        var outcome = ResponseSchemaValidator.Validate(SpecKind.Platform, "GET", "/rest/api/3/myself", 500, new JsonObject());

        Assert.Equal(ValidationStatus.NotInSpec, outcome.Status);
        Assert.Contains("lists no 500", outcome.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnlistedStatusWithDefault_UsesDefaultAndReportsIt()
    {
        const string Path = "/rest/featureflags/0.1/flag/{featureFlagId}";
        var errors = new JsonArray(new JsonObject { ["message"] = "boom" });

        var valid = ResponseSchemaValidator.Validate(SpecKind.Software, "GET", Path, 500, errors);
        var invalid = ResponseSchemaValidator.Validate(SpecKind.Software, "GET", Path, 500, new JsonArray());

        Assert.True(valid.IsValid, valid.ToString());
        Assert.True(valid.UsedDefaultResponse);
        Assert.Contains(valid.Notes, note => note.Contains("'default' response was used", StringComparison.Ordinal));
        Assert.Equal("minItems", Assert.Single(invalid.Errors).Keyword);
    }

    [Fact]
    public void Validate_AgileResponseWithoutSchema_IsNoSchema()
    {
        var outcome = ResponseSchemaValidator.Validate(
            SpecKind.Software, "GET", "/rest/agile/1.0/board/{boardId}/sprint", 200, new JsonObject { ["values"] = new JsonArray() });

        Assert.Equal(ValidationStatus.NoSchema, outcome.Status);
        Assert.False(outcome.IsValid);
        Assert.Contains("without a schema", outcome.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ResponseWithoutContent_IsNoSchema()
    {
        var outcome = ResponseSchemaValidator.Validate(SpecKind.Platform, "DELETE", "/rest/api/3/issue/{issueIdOrKey}", 204, null);

        Assert.Equal(ValidationStatus.NoSchema, outcome.Status);
        Assert.Contains("declares no content", outcome.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateComponent_UnknownComponent_IsNotInSpec()
    {
        var outcome = ResponseSchemaValidator.ValidateComponent(SpecKind.Platform, "NoSuchBean", new JsonObject());

        Assert.Equal(ValidationStatus.NotInSpec, outcome.Status);
    }

    [Fact]
    public void Validate_HundredIssueSearchPage_TakesWellUnderOneSecond()
    {
        var page = OpenApiExamples.Get(SpecKind.Platform, "POST", "/rest/api/3/search/jql", 200)!;
        var template = page["issues"]![0]!;
        var issues = new JsonArray();
        for (var i = 0; i < 100; i++)
        {
            var issue = template.DeepClone();
            issue["id"] = (10000 + i).ToString(CultureInfo.InvariantCulture);
            issue["key"] = "ED-" + (i + 1).ToString(CultureInfo.InvariantCulture);
            issues.Add(issue);
        }

        page["issues"] = issues;
        ResponseSchemaValidator.Validate(SpecKind.Platform, "POST", "/rest/api/3/search/jql", 200, page); // build + cache

        // Correctness only: speed is measured in bench/, never asserted in a test.
        var outcome = ResponseSchemaValidator.Validate(SpecKind.Platform, "POST", "/rest/api/3/search/jql", 200, page);
        Assert.True(outcome.IsValid, outcome.ToString());
    }

    [Fact]
    public async Task Validate_ConcurrentCallers_AllGetTheSameAnswer()
    {
        var body = OpenApiExamples.Get(SpecKind.Platform, "GET", "/rest/api/3/project/search", 200)!.ToJsonString();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(
            () => ResponseSchemaValidator.Validate(SpecKind.Platform, "GET", "/rest/api/3/project/search", 200, JsonNode.Parse(body)),
            TestContext.Current.CancellationToken)));

        Assert.All(outcomes, outcome => Assert.True(outcome.IsValid, outcome.ToString()));
    }
}
