using System.Net;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Tests.Infrastructure;
using static JiraGate.Sandbox.Tests.Agile.AgileTestData;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;

namespace JiraGate.Sandbox.Tests.Agile;

public sealed class BoardEndpointTests(SandboxFixture sandbox)
{
    private async Task<JsonNode> GetOkAsync(DemoCredentials.DemoUser user, string path)
    {
        using var client = sandbox.Client(user);
        return (await (await client.GetAsync(path, Ct)).ExpectAsync(HttpStatusCode.OK))!;
    }

    private async Task<HttpResponseMessage> GetAsync(DemoCredentials.DemoUser user, string path)
    {
        using var client = sandbox.Client(user);
        return await client.GetAsync(path, Ct);
    }

    [Fact]
    public async Task ListBoards_Alice_SeesAllThreeBoardsWithTotalAndLocation()
    {
        var body = await GetOkAsync(DemoCredentials.Alice, "/rest/agile/1.0/board");
        Assert.Equal([SecBoard, EngBoard, OpsKanban], Ids(body));
        Assert.Equal(3, body["total"]!.GetValue<int>());
        Assert.Equal(0, body["startAt"]!.GetValue<int>());
        Assert.Equal(50, body["maxResults"]!.GetValue<int>());
        Assert.True(body["isLast"]!.GetValue<bool>());
        var sec = body["values"]![0]!;
        Assert.Equal("scrum", sec["type"]!.GetValue<string>());
        Assert.EndsWith("/rest/agile/1.0/board/42", sec["self"]!.GetValue<string>(), StringComparison.Ordinal);
        var location = sec["location"]!;
        Assert.Equal(10000, location["projectId"]!.GetValue<long>());
        Assert.Equal("SEC", location["projectKey"]!.GetValue<string>());
        Assert.Equal("Security Operations (SEC)", location["displayName"]!.GetValue<string>());
        Assert.Equal("software", location["projectTypeKey"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListBoards_Grace_DoesNotSeeTheSecBoard()
    {
        var body = await GetOkAsync(DemoCredentials.Grace, "/rest/agile/1.0/board");
        Assert.Equal([EngBoard, OpsKanban], Ids(body));
        Assert.Equal(2, body["total"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("?type=kanban", new long[] { OpsKanban })]
    [InlineData("?type=scrum", new long[] { SecBoard, EngBoard })]
    [InlineData("?type=scrum,kanban", new long[] { SecBoard, EngBoard, OpsKanban })]
    [InlineData("?type=simple", new long[0])]
    [InlineData("?name=eng", new long[] { EngBoard })]
    [InlineData("?name=BOARD", new long[] { SecBoard, EngBoard, OpsKanban })]
    [InlineData("?projectKeyOrId=OPS", new long[] { OpsKanban })]
    [InlineData("?projectKeyOrId=10001", new long[] { EngBoard })]
    [InlineData("?projectKeyOrId=HR", new long[0])]
    [InlineData("?orderBy=-name", new long[] { SecBoard, OpsKanban, EngBoard })]
    [InlineData("?orderBy=name", new long[] { EngBoard, OpsKanban, SecBoard })]
    public async Task ListBoards_Filters_NarrowTheList(string query, long[] expected)
    {
        var body = await GetOkAsync(DemoCredentials.Ada, "/rest/agile/1.0/board" + query);
        Assert.Equal(expected, Ids(body));
        Assert.Equal(expected.Length, body["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task ListBoards_PagingWalk_ReturnsEveryBoardOnceWithIsLast()
    {
        var seen = new List<long>();
        for (var startAt = 0; ; startAt++)
        {
            var body = await GetOkAsync(DemoCredentials.Alice, $"/rest/agile/1.0/board?startAt={startAt}&maxResults=1");
            Assert.Equal(1, body["maxResults"]!.GetValue<int>());
            Assert.Equal(3, body["total"]!.GetValue<int>());
            seen.AddRange(Ids(body));
            if (body["isLast"]!.GetValue<bool>())
            {
                break;
            }
            Assert.True(startAt < 5, "isLast never came");
        }
        Assert.Equal([SecBoard, EngBoard, OpsKanban], seen);
    }

    [Fact]
    public async Task ListBoards_HugeMaxResults_IsShrunkAndReported()
    {
        var body = await GetOkAsync(DemoCredentials.Alice, "/rest/agile/1.0/board?maxResults=5000");
        Assert.Equal(50, body["maxResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task ListBoards_StartAtBeyondEnd_IsAnEmptyLastPage()
    {
        var body = await GetOkAsync(DemoCredentials.Alice, "/rest/agile/1.0/board?startAt=99");
        Assert.Empty(body["values"]!.AsArray());
        Assert.True(body["isLast"]!.GetValue<bool>());
        Assert.Equal(3, body["total"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("?projectKeyOrId=NOPE", "No project could be found with key")]
    [InlineData("?projectKeyOrId=99999", "No project could be found with id")]
    [InlineData("?type=board", "board")]
    [InlineData("?orderBy=id", "orderBy")]
    [InlineData("?startAt=-1", "startAt")]
    [InlineData("?maxResults=-5", "maxResults")]
    [InlineData("?maxResults=ten", "maxResults")]
    [InlineData("?startAt=1e3", "startAt")]
    public async Task ListBoards_BadParameters_Get400(string query, string fragment)
    {
        var response = await GetAsync(DemoCredentials.Alice, "/rest/agile/1.0/board" + query);
        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, fragment);
    }

    [Fact]
    public async Task ListBoards_ProjectTheCallerCannotBrowse_LooksMissing()
    {
        var response = await GetAsync(DemoCredentials.Grace, "/rest/agile/1.0/board?projectKeyOrId=SEC");
        var body = await response.ExpectErrorAsync(HttpStatusCode.BadRequest);
        Assert.Equal("No project could be found with key 'SEC'.", body["errorMessages"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task ListBoards_Anonymous_Gets401()
    {
        using var client = sandbox.Anonymous();
        await (await client.GetAsync("/rest/agile/1.0/board", Ct)).ExpectErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task GetBoard_Alice_GetsTheBoardBean()
    {
        var body = await GetOkAsync(DemoCredentials.Alice, "/rest/agile/1.0/board/42");
        Assert.Equal(42, body["id"]!.GetValue<long>());
        Assert.Equal("SEC board", body["name"]!.GetValue<string>());
        Assert.Equal("SEC", body["location"]!["projectKey"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/rest/agile/1.0/board/42", "Board does not exist or you do not have permission to see it.")]
    [InlineData("/rest/agile/1.0/board/4242", "Board does not exist or you do not have permission to see it.")]
    [InlineData("/rest/agile/1.0/board/abc", null)]
    [InlineData("/rest/agile/1.0/board/..%2F42", null)]
    [InlineData("/rest/agile/1.0/board/42.json", null)]
    [InlineData("/rest/agile/1.0/boards", null)]
    public async Task GetBoard_UnknownOrHiddenOrMalformed_Gets404(string path, string? fragment)
    {
        var response = await GetAsync(DemoCredentials.Grace, path);
        await response.ExpectErrorAsync(HttpStatusCode.NotFound, fragment);
    }
}
