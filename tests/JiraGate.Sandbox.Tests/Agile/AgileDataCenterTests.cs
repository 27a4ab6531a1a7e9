using System.Net;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Tests.Infrastructure;
using static JiraGate.Sandbox.Tests.Agile.AgileTestData;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;

namespace JiraGate.Sandbox.Tests.Agile;

/// <summary>Data Center serves /rest/agile/1.0 with the same shapes, users by name/key, and has no /rest/software/1.0.</summary>
public sealed class AgileDataCenterTests
{
    [Fact]
    public async Task DataCenter_AgileRoutes_ServeBoardsSprintsAndIssues()
    {
        await using var host = await SandboxFixture.StartAsync(SandboxFlavor.DataCenter);
        using var client = host.CreateClient(DemoCredentials.Alice);

        var boards = (await (await client.GetAsync("/rest/agile/1.0/board", Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal([SecBoard, EngBoard, OpsKanban], Ids(boards));

        var sprints = (await (await client.GetAsync("/rest/agile/1.0/board/42/sprint?state=active", Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal([SecActive], Ids(sprints));

        var sprint = (await (await client.GetAsync("/rest/agile/1.0/sprint/2", Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal("SEC Sprint 2", sprint["name"]!.GetValue<string>());

        var walked = await WalkOffsetAsync(client, "/rest/agile/1.0/sprint/2/issue?fields=summary", 60);
        Assert.Equal(SprintKeys(host.Site, DemoCredentials.Alice, SecActive), walked);
    }

    [Fact]
    public async Task DataCenter_IssueLists_RenderDataCenterUsersAndAllowPagesUpTo1000()
    {
        await using var host = await SandboxFixture.StartAsync(SandboxFlavor.DataCenter);
        using var client = host.CreateClient(DemoCredentials.Alice);
        var body = (await (await client.GetAsync("/rest/agile/1.0/board/42/issue?fields=summary,reporter&maxResults=5000", Ct))
            .ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(1000, body["maxResults"]!.GetValue<int>());
        var reporter = body["issues"]![0]!["fields"]!["reporter"]!;
        Assert.NotNull(reporter["name"]);
        Assert.NotNull(reporter["key"]);
        Assert.Null(reporter["accountId"]);
    }

    [Theory]
    [InlineData("/rest/software/1.0/board/42/backlog")]
    [InlineData("/rest/software/1.0/board/42/issue")]
    [InlineData("/rest/software/1.0/sprint/2/issue")]
    public async Task DataCenter_SoftwareRoutes_Are404(string path)
    {
        await using var host = await SandboxFixture.StartAsync(SandboxFlavor.DataCenter);
        using var client = host.CreateClient(DemoCredentials.Alice);
        await (await client.GetAsync(path, Ct)).ExpectErrorAsync(HttpStatusCode.NotFound, "null for uri");
    }

    [Fact]
    public async Task DataCenter_PersonalAccessToken_Grace_Gets404OnSecBoard()
    {
        await using var host = await SandboxFixture.StartAsync(SandboxFlavor.DataCenter);
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", DemoCredentials.Grace.PersonalAccessToken);
        await (await client.GetAsync("/rest/agile/1.0/board/42", Ct)).ExpectErrorAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/rest/agile/1.0/board/43", Ct)).ExpectAsync(HttpStatusCode.OK);
    }
}
