using System.Text.Json.Nodes;
using Xunit.Sdk;

namespace JiraGate.Sandbox.Tests.Conformance;

public sealed class ConformanceAssertTests
{
    [Fact]
    public void MatchesSpec_ValidBody_ReturnsOutcome()
    {
        var body = OpenApiExamples.Get(SpecKind.Platform, "GET", "/rest/api/3/myself", 200);

        var outcome = ConformanceAssert.MatchesSpec(SpecKind.Platform, "GET", "/rest/api/3/myself", 200, body);

        Assert.True(outcome.IsValid);
    }

    [Fact]
    public void MatchesSpec_InvalidBody_FailsWithTheOutcomeText()
    {
        var body = OpenApiExamples.Get(SpecKind.Platform, "GET", "/rest/api/3/myself", 200)!;
        body["active"] = "yes";

        var failure = Assert.Throws<FailException>(() => ConformanceAssert.MatchesSpec(SpecKind.Platform, "GET", "/rest/api/3/myself", 200, body));

        Assert.Contains("/active: [type]", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MatchesSpec_NoSchema_FailsAndPointsToFixtures()
    {
        var failure = Assert.Throws<FailException>(() => ConformanceAssert.MatchesSpec(
            SpecKind.Software, "GET", "/rest/agile/1.0/sprint/{sprintId}", 200, new JsonObject { ["id"] = 1 }));

        Assert.Contains("MatchesFixture", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MatchesFixture_DifferentShape_FailsListingDifferences()
    {
        var sprint = JsonNode.Parse(FixtureShapes.Load("jira-ruby/agile-sprint-get.json").RootElement.GetRawText())!;
        sprint["id"] = "1";

        var failure = Assert.Throws<FailException>(() => ConformanceAssert.MatchesFixture("jira-ruby/agile-sprint-get.json", sprint));
        ConformanceAssert.MatchesFixture("jira-ruby/agile-sprint-get.json", sprint, "$.id");

        Assert.Contains("$.id: expected number", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MatchesExampleShape_PropertyTheSchemaDoesNotRequire_IsStillCaught()
    {
        var body = OpenApiExamples.Get(SpecKind.Platform, "GET", "/rest/api/3/myself", 200)!;
        body.AsObject().Remove("displayName");
        ConformanceAssert.MatchesSpec(SpecKind.Platform, "GET", "/rest/api/3/myself", 200, body); // User declares no required

        var failure = Assert.Throws<FailException>(() => ConformanceAssert.MatchesExampleShape(
            SpecKind.Platform, "GET", "/rest/api/3/myself", 200, body));

        Assert.Contains("$.displayName: missing", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenApiExamples_StringEncodedExample_IsParsedIntoAFreshCopy()
    {
        var first = OpenApiExamples.Get(SpecKind.Software, "GET", "/rest/agile/1.0/board/{boardId}/sprint", 200)!;
        first["isLast"] = "mutated";
        var second = OpenApiExamples.Get(SpecKind.Software, "GET", "/rest/agile/1.0/board/{boardId}/sprint", 200)!;

        Assert.False(second["isLast"]!.GetValue<bool>());
    }

    [Fact]
    public void OpenApiExamples_ResponseWithoutExample_ThrowsExplaining()
    {
        var error = Assert.Throws<InvalidOperationException>(() => OpenApiExamples.Get(SpecKind.Platform, "POST", "/rest/api/3/issue", 401));

        Assert.Contains("declares no example", error.Message, StringComparison.Ordinal);
    }
}
