using JiraGate.Governance.Catalog;

namespace JiraGate.Governance.Tests.Catalog;

public sealed class ArgumentValidatorTests
{
    private static ArgumentValidationResult Validate(string op, string json) =>
        ArgumentValidator.Validate(OperationCatalog.Default[op], OperationCatalogTests.Parse(json));

    [Fact]
    public void Validate_MissingRequiredArguments_OneErrorPerName()
    {
        var r = Validate("issues:create", "{}");
        Assert.Equal(["issue_type", "project_key", "summary"], r.Errors.Where(e => e.Keyword == "required").Select(e => e.Argument).Order());
        Assert.All(r.Errors, e => Assert.Equal("is required", e.Message));
    }

    [Fact]
    public void Validate_UnknownArgument_NamesItAndListsKnownOnes()
    {
        var e = Assert.Single(Validate("issues:read_transitions", """{"issue_key": "SEC-1", "isue_key": "x"}""").Errors);
        Assert.Equal("isue_key", e.Argument);
        Assert.Contains("known: issue_key", e.Message);
    }

    [Fact]
    public void Validate_BadIssueKey_IsAPatternErrorOnIssueKey()
    {
        var e = Assert.Single(Validate("comments:create", """{"issue_key": "SEC 1", "body": "x"}""").Errors);
        Assert.Equal(("issue_key", "pattern"), (e.Argument, e.Keyword));
        Assert.Equal("issue_key: " + e.Message, e.ToString());
    }

    [Fact]
    public void Validate_TransitionWithNoTarget_SaysGiveExactlyOne()
    {
        var e = Assert.Single(Validate("issues:transition", """{"issue_key": "SEC-1"}""").Errors);
        Assert.Equal("", e.Argument);
        Assert.Equal("give exactly one of transition_id, status, transition_name", e.Message);
    }

    [Fact]
    public void Validate_NestedBulkItems_NameItemAndField()
    {
        var r = Validate("issues:bulk_create", """{"issues": [{"project_key": "SEC", "summary": "ok", "issue_type": "Bug"}, {"project_key": "sec", "summary": "x", "issue_type": "Bug", "bogus": 1}]}""");
        Assert.Contains(r.Errors, e => e.Argument == "issues[1].project_key" && e.Keyword == "pattern");
        Assert.Contains(r.Errors, e => e.Argument == "issues[1].bogus" && e.Keyword == "additionalProperties");
        Assert.DoesNotContain(r.Errors, e => e.Argument.StartsWith("issues[0]", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_TooManyLabels_IsMaxItemsOnLabels()
    {
        var labels = string.Join(",", Enumerable.Range(0, 51).Select(i => $"\"l{i}\""));
        var e = Assert.Single(Validate("issues:create", $$"""{"project_key": "SEC", "summary": "s", "issue_type": "Bug", "labels": [{{labels}}]}""").Errors);
        Assert.Equal(("labels", "maxItems"), (e.Argument, e.Keyword));
    }

    [Fact]
    public void Validate_NonObjectArguments_AreRejected_UndefinedCountsAsEmpty()
    {
        var e = Assert.Single(Validate("fields:read", "[1]").Errors);
        Assert.Contains("must be a JSON object", e.Message);
        Assert.True(ArgumentValidator.Validate(OperationCatalog.Default["fields:read"], default).IsValid);
        Assert.False(ArgumentValidator.Validate(OperationCatalog.Default["issues:read"], default).IsValid);
    }

    [Fact]
    public void Validate_ValidCall_ReturnsSharedValidResult()
    {
        Assert.Same(ArgumentValidationResult.Valid, Validate("issues:read", """{"jql": "project = SEC", "max_results": 10}"""));
    }
}
