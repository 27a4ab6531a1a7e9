using System.Net;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Tests.Infrastructure;
using static JiraGate.Sandbox.Tests.Agile.AgileTestData;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;

namespace JiraGate.Sandbox.Tests.Agile;

public sealed class SprintEndpointTests(SandboxFixture sandbox)
{
    private async Task<HttpResponseMessage> GetAsync(DemoCredentials.DemoUser user, string path)
    {
        using var client = sandbox.Client(user);
        return await client.GetAsync(path, Ct);
    }

    private async Task<JsonNode> GetOkAsync(DemoCredentials.DemoUser user, string path) =>
        (await (await GetAsync(user, path)).ExpectAsync(HttpStatusCode.OK))!;

    [Fact]
    public async Task BoardSprints_Alice_ListsClosedActiveFutureWithoutTotal()
    {
        var body = (await GetOkAsync(DemoCredentials.Alice, "/rest/agile/1.0/board/42/sprint")).AsObject();
        Assert.Equal([SecClosed, SecActive, SecFuture], Ids(body));
        Assert.False(body.ContainsKey("total"));
        Assert.True(body["isLast"]!.GetValue<bool>());
        Assert.Equal(50, body["maxResults"]!.GetValue<int>());
        var states = body["values"]!.AsArray().Select(v => v!["state"]!.GetValue<string>()).ToList();
        Assert.Equal(["closed", "active", "future"], states);
        var closed = body["values"]![0]!;
        Assert.Equal(42, closed["originBoardId"]!.GetValue<long>());
        Assert.EndsWith("/rest/agile/1.0/sprint/1", closed["self"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(closed["completeDate"]);
        Assert.Null(body["values"]![2]!["startDate"]);
    }

    [Theory]
    [InlineData("active", new long[] { EngActive })]
    [InlineData("future,closed", new long[] { EngClosed, EngFuture })]
    [InlineData("ACTIVE", new long[] { EngActive })]
    public async Task BoardSprints_StateFilter_NarrowsTheList(string state, long[] expected)
    {
        var body = await GetOkAsync(DemoCredentials.Grace, "/rest/agile/1.0/board/43/sprint?state=" + state);
        Assert.Equal(expected, Ids(body));
    }

    [Fact]
    public async Task BoardSprints_PagingWalk_EveryoneOnceAndIsLastOnTheLastPage()
    {
        var seen = new List<long>();
        for (var startAt = 0; startAt < 10; startAt += 2)
        {
            var body = await GetOkAsync(DemoCredentials.Alice, $"/rest/agile/1.0/board/42/sprint?startAt={startAt}&maxResults=2");
            Assert.Equal(2, body["maxResults"]!.GetValue<int>());
            seen.AddRange(Ids(body));
            if (body["isLast"]!.GetValue<bool>())
            {
                break;
            }
        }
        Assert.Equal([SecClosed, SecActive, SecFuture], seen);
    }

    [Fact]
    public async Task BoardSprints_KanbanBoard_Gets400InJirasWords()
    {
        var response = await GetAsync(DemoCredentials.Alice, "/rest/agile/1.0/board/44/sprint");
        var body = await response.ExpectErrorAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The board does not support sprints", body["errorMessages"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task BoardSprints_InvalidState_Gets400()
    {
        var response = await GetAsync(DemoCredentials.Alice, "/rest/agile/1.0/board/42/sprint?state=open");
        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "open");
    }

    [Theory]
    [InlineData("/rest/agile/1.0/board/42/sprint")]
    [InlineData("/rest/agile/1.0/board/999/sprint")]
    public async Task BoardSprints_HiddenOrUnknownBoard_Gets404(string path)
    {
        var response = await GetAsync(DemoCredentials.Grace, path);
        await response.ExpectErrorAsync(HttpStatusCode.NotFound, "Board does not exist or you do not have permission to see it.");
    }

    [Fact]
    public async Task GetSprint_Alice_GetsTheSprintBean()
    {
        var body = await GetOkAsync(DemoCredentials.Alice, "/rest/agile/1.0/sprint/2");
        Assert.Equal(2, body["id"]!.GetValue<long>());
        Assert.Equal("active", body["state"]!.GetValue<string>());
        Assert.Equal("SEC Sprint 2", body["name"]!.GetValue<string>());
        Assert.Equal(42, body["originBoardId"]!.GetValue<long>());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", body["startDate"]!.GetValue<string>());
        Assert.NotNull(body["goal"]);
    }

    [Fact]
    public async Task GetSprint_GraceOnAnEngSprint_Succeeds()
    {
        var body = await GetOkAsync(DemoCredentials.Grace, "/rest/agile/1.0/sprint/5");
        Assert.Equal("ENG Sprint 2", body["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/rest/agile/1.0/sprint/1")]
    [InlineData("/rest/agile/1.0/sprint/2")]
    [InlineData("/rest/agile/1.0/sprint/3")]
    [InlineData("/rest/agile/1.0/sprint/777")]
    public async Task GetSprint_HiddenOrUnknown_Gets404(string path)
    {
        var response = await GetAsync(DemoCredentials.Grace, path);
        await response.ExpectErrorAsync(HttpStatusCode.NotFound, "Sprint does not exist or you do not have permission to see it.");
    }

    [Fact]
    public async Task GetSprint_MalformedId_Gets404()
    {
        var response = await GetAsync(DemoCredentials.Alice, "/rest/agile/1.0/sprint/two");
        await response.ExpectErrorAsync(HttpStatusCode.NotFound);
    }
}
