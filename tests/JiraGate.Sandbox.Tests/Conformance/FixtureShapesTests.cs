using System.Text.Json;
using System.Text.Json.Nodes;

namespace JiraGate.Sandbox.Tests.Conformance;

public sealed class FixtureShapesTests
{
    private const string Boards = "go-jira/agile-boards-get.json";

    public static TheoryData<string> AllFixtures()
    {
        var root = Path.Combine(SharedReference.Directory, "fixtures");
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public void Check_FixtureAgainstItself_HasNoDifferences(string fixture)
    {
        var errors = FixtureShapes.Check(fixture, Load(fixture));

        Assert.Empty(errors);
    }

    [Fact]
    public void AllFixtures_SharedFolder_HasRecordedResponses()
    {
        Assert.True(AllFixtures().Count >= 30, $"only {AllFixtures().Count} fixtures found");
    }

    [Fact]
    public void Check_KeyRemovedFromLaterElement_ReportsMissingWithPath()
    {
        var boards = Load(Boards);
        Assert.True(boards["values"]![3]!.AsObject().Remove("name"));

        var errors = FixtureShapes.Check(Boards, boards);

        var error = Assert.Single(errors);
        Assert.StartsWith("$.values[3].name: missing", error, StringComparison.Ordinal);
        Assert.Contains("string", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TopLevelKeyRemoved_ReportsMissing()
    {
        var boards = Load(Boards);
        boards.AsObject().Remove("isLast");

        Assert.Equal("$.isLast: missing (in go-jira/agile-boards-get.json it is boolean true)", Assert.Single(FixtureShapes.Check(Boards, boards)));
    }

    [Fact]
    public void Check_KindChanged_ReportsExpectedAndActualKinds()
    {
        var boards = Load(Boards);
        boards["values"]![0]!["id"] = "4";

        var error = Assert.Single(FixtureShapes.Check(Boards, boards));

        Assert.Equal("$.values[0].id: expected number (as in go-jira/agile-boards-get.json: 4), got string \"4\"", error);
    }

    [Fact]
    public void Check_NullWhereFixtureHasValue_IsAKindMismatch()
    {
        var boards = Load(Boards);
        boards["values"]![1]!["type"] = null;

        Assert.StartsWith("$.values[1].type: expected string", Assert.Single(FixtureShapes.Check(Boards, boards)), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ExtraPropertiesAndEmptyArrays_AreAccepted()
    {
        var boards = Load(Boards);
        boards["values"]![0]!["favourite"] = new JsonObject { ["since"] = 2020 };
        boards["extra"] = "fine";
        var empty = Load(Boards);
        empty["values"] = new JsonArray();

        Assert.Empty(FixtureShapes.Check(Boards, boards));
        Assert.Empty(FixtureShapes.Check(Boards, empty));
    }

    [Fact]
    public void Check_FieldSomeFixtureElementsOmit_IsOptionalButKindChecked()
    {
        const string Sprints = "jira-ruby/agile-board-sprints-get.json"; // the future sprint has no dates
        var sprints = Load(Sprints);
        foreach (var sprint in sprints["values"]!.AsArray())
        {
            sprint!.AsObject().Remove("startDate");
        }

        var omitted = FixtureShapes.Check(Sprints, sprints);
        sprints["values"]![0]!["startDate"] = 1428732120000;
        var wrongKind = FixtureShapes.Check(Sprints, sprints);

        Assert.Empty(omitted);
        Assert.StartsWith("$.values[0].startDate: expected string", Assert.Single(wrongKind), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_OptionalObjectPresent_MustHaveTheFieldsEveryFixtureOccurrenceHas()
    {
        var boards = Load(Boards); // only some boards carry a location
        boards["values"]![0]!["location"] = new JsonObject { ["projectId"] = 10000 };

        var errors = FixtureShapes.Check(Boards, boards);

        Assert.Contains("$.values[0].location.projectKey: missing (in go-jira/agile-boards-get.json it is string \"AP\")", errors);
    }

    [Fact]
    public void Check_IgnoredPaths_SkipExactAndWildcardPathsWithSubtrees()
    {
        var boards = Load(Boards);
        boards["total"] = "6";
        foreach (var board in boards["values"]!.AsArray())
        {
            board!["id"] = board["id"]!.ToJsonString();
        }

        var unfiltered = FixtureShapes.Check(Boards, boards);
        var filtered = FixtureShapes.Check(Boards, boards, ["total", "$.values[*].id"]);

        Assert.Equal(1 + boards["values"]!.AsArray().Count, unfiltered.Count);
        Assert.Empty(filtered);
    }

    [Fact]
    public void Check_IgnoredIndexPath_OnlySkipsThatElement()
    {
        var boards = Load(Boards);
        boards["values"]![0]!["id"] = "4";
        boards["values"]![1]!["id"] = "5";

        var error = Assert.Single(FixtureShapes.Check(Boards, boards, ["$.values[0].id"]));

        Assert.StartsWith("$.values[1].id:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RootKindDiffers_ReportsRoot()
    {
        var error = Assert.Single(FixtureShapes.Check(Boards, new JsonArray()));

        Assert.StartsWith("$: expected object", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RootArrayFixture_ComparesEveryElementWithTheFirst()
    {
        const string Priorities = "jira-ruby/dc-v2-priorities-get.json";
        var priorities = Load(Priorities);
        priorities[4]!["statusColor"] = 0;

        Assert.StartsWith("$[4].statusColor: expected string", Assert.Single(FixtureShapes.Check(Priorities, priorities)), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_NonIdentifierPropertyNames_UseBracketNotation()
    {
        var expected = JsonElement.Parse("""{"avatarUrls":{"48x48":"u","it's":"v"},"skipped":null}""");
        var actual = JsonElement.Parse("""{"avatarUrls":{}}""");

        var errors = FixtureShapes.Compare(expected, actual);

        Assert.Equal(["$.avatarUrls['48x48']: missing (in fixture it is string \"u\")", "$.avatarUrls['it\\'s']: missing (in fixture it is string \"v\")"], errors);
    }

    [Fact]
    public void Check_UnknownFixture_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => FixtureShapes.Check("go-jira/no-such-file.json", new JsonObject()));
    }

    [Fact]
    public void Check_PathEscapingFixtureFolder_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => FixtureShapes.Check("../openapi/jira-software.json", new JsonObject()));
    }

    private static JsonNode Load(string fixture) =>
        JsonNode.Parse(FixtureShapes.Load(fixture).RootElement.GetRawText())!;
}
