using System.Text;
using System.Text.Json;
using JiraGate.Governance.Pipeline;
using JiraGate.Governance.Policies;
using JiraGate.Mcp.Tests.Fakes;

namespace JiraGate.Mcp.Tests;

public sealed class PagingTests
{
    private static string SearchResult(int issues)
    {
        var sb = new StringBuilder("""{"total":""").Append(issues).Append(""","issues":[""");
        for (var i = 1; i <= issues; i++)
        {
            sb.Append(i > 1 ? "," : "").Append($$"""{"key":"SEC-{{i}}","summary":"Suspicious login number {{i}} from an unknown device in a far away place","status":"Open","priority":"High"}""");
        }

        return sb.Append("]}").ToString();
    }

    private static Dictionary<string, object?> Search(string? cursor = null) => cursor is null
        ? new() { ["jql"] = "project = SEC", ["max_results"] = 100 }
        : new() { ["jql"] = "project = SEC", ["max_results"] = 100, ["cursor"] = cursor };

    [Fact]
    public async Task CallTool_ResultOverTheCap_PagesWithinTheCapAndTheCursorRoundTripGivesEveryItemOnce()
    {
        var pipeline = new FakePipeline { Handler = call => FakePipeline.Ok(call.Operation, SearchResult(200)) };
        await using var host = await McpTestHost.StartAsync(SeedPolicies.SocTriage, pipeline);

        var keys = new List<string>();
        var result = await host.CallAsync("jira_issues_read", Search());
        var pages = 1;
        while (true)
        {
            Assert.NotEqual(true, result.IsError);
            Assert.InRange(ToolText.Bytes(result), 1, 8 * 1024);
            var json = ToolText.Json(result);
            Assert.Equal(200, json.GetProperty("total").GetInt32());
            keys.AddRange(json.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("key").GetString()!));
            var page = json.GetProperty("_page");
            Assert.Equal("issues", page.GetProperty("items").GetString());
            Assert.Equal(200, page.GetProperty("total").GetInt32());
            if (!page.TryGetProperty("next_cursor", out var cursor))
            {
                break;
            }

            result = await host.CallAsync("jira_issues_read", Search(cursor.GetString()));
            pages++;
        }

        Assert.True(pages > 1);
        Assert.Equal(Enumerable.Range(1, 200).Select(i => $"SEC-{i}"), keys);
        Assert.Single(pipeline.Calls); // later pages come from the stored result, not from Jira again
    }

    [Fact]
    public async Task Cursor_SameCursorTwice_SamePage()
    {
        var pipeline = new FakePipeline { Handler = call => FakePipeline.Ok(call.Operation, SearchResult(100)) };
        await using var host = await McpTestHost.StartAsync(SeedPolicies.SocTriage, pipeline);
        var first = ToolText.Json(await host.CallAsync("jira_issues_read", Search()));
        var cursor = first.GetProperty("_page").GetProperty("next_cursor").GetString();

        var a = ToolText.Of(await host.CallAsync("jira_issues_read", Search(cursor)));
        var b = ToolText.Of(await host.CallAsync("jira_issues_read", Search(cursor)));

        Assert.Equal(a, b);
    }

    [Fact]
    public async Task Cursor_FromAnotherToolExpiredOrForged_InvalidInput()
    {
        var pipeline = new FakePipeline { Handler = call => FakePipeline.Ok(call.Operation, SearchResult(100)) };
        await using var host = await McpTestHost.StartAsync(SeedPolicies.SocTriage, pipeline);
        var cursor = ToolText.Json(await host.CallAsync("jira_issues_read", Search())).GetProperty("_page").GetProperty("next_cursor").GetString();

        var otherTool = await host.CallAsync("jira_projects_read", new Dictionary<string, object?> { ["cursor"] = cursor });
        var forged = await host.CallAsync("jira_issues_read", Search("jgc_00000000000000000000000000000000_1"));
        host.Time.Advance(TimeSpan.FromMinutes(31));
        var expired = await host.CallAsync("jira_issues_read", Search(cursor));

        Assert.Equal(OperationErrorCodes.InvalidInput, ToolText.ErrorCode(otherTool));
        Assert.Equal(OperationErrorCodes.InvalidInput, ToolText.ErrorCode(forged));
        Assert.Equal(OperationErrorCodes.InvalidInput, ToolText.ErrorCode(expired));
        Assert.Single(pipeline.Calls);
    }

    [Fact]
    public async Task Cursor_AnotherAgents_InvalidInput()
    {
        var pipeline = new FakePipeline { Handler = call => FakePipeline.Ok(call.Operation, SearchResult(100)) };
        await using var host = await McpTestHost.StartAsync(SeedPolicies.SocTriage, pipeline);
        var cursor = ToolText.Json(await host.CallAsync("jira_issues_read", Search())).GetProperty("_page").GetProperty("next_cursor").GetString()!;
        var server = host.Services.GetRequiredService<JiraGateMcpServer>();

        var other = await server.CallToolAsync(
            new() { AgentId = "jira-readonly", OrgId = "org-acme" },
            "jira_issues_read",
            new Dictionary<string, JsonElement> { ["cursor"] = JsonSerializer.SerializeToElement(cursor) },
            TestContext.Current.CancellationToken);

        Assert.Equal(OperationErrorCodes.InvalidInput, ToolText.ErrorCode(other));
    }

    [Fact]
    public async Task CallTool_OneHugeTextWithoutList_SplitIntoTextPartsThatJoinBackExactly()
    {
        var description = string.Concat(Enumerable.Repeat("Ünïcödé line with a quote \" and emoji 🙂. ", 1000));
        var value = JsonSerializer.Serialize(new Dictionary<string, string> { ["key"] = "SEC-1", ["description"] = description });
        var pipeline = new FakePipeline { Handler = call => FakePipeline.Ok(call.Operation, value) };
        await using var host = await McpTestHost.StartAsync(SeedPolicies.SocTriage, pipeline);

        var text = new StringBuilder();
        var result = await host.CallAsync("jira_issues_read_detail", new Dictionary<string, object?> { ["issue_key"] = "SEC-1", ["profile"] = "full" });
        for (var parts = 0; parts < 100; parts++)
        {
            Assert.InRange(ToolText.Bytes(result), 1, 8 * 1024);
            var page = ToolText.Of(result);
            var trailer = page.LastIndexOf("\n[part ", StringComparison.Ordinal);
            Assert.True(trailer > 0, page[^100..]);
            text.Append(page[..trailer]);
            var cursorAt = page.IndexOf("\"cursor\": \"", trailer, StringComparison.Ordinal);
            if (cursorAt < 0)
            {
                break;
            }

            var start = cursorAt + "\"cursor\": \"".Length;
            var cursor = page[start..page.IndexOf('"', start)];
            result = await host.CallAsync("jira_issues_read_detail", new Dictionary<string, object?> { ["issue_key"] = "SEC-1", ["cursor"] = cursor });
        }

        using var joined = JsonDocument.Parse(text.ToString());
        Assert.Equal(description, joined.RootElement.GetProperty("description").GetString());
    }

    [Fact]
    public async Task CallTool_SmallResult_NoPageObjectAndNothingStored()
    {
        await using var host = await McpTestHost.StartAsync(SeedPolicies.SocTriage, new FakePipeline { Handler = call => FakePipeline.Ok(call.Operation, SearchResult(3)) });

        var json = ToolText.Json(await host.CallAsync("jira_issues_read", Search()));

        Assert.False(json.TryGetProperty("_page", out _));
        Assert.Equal(3, json.GetProperty("issues").GetArrayLength());
    }

    [Fact]
    public async Task CallTool_SmallerCapOption_Honoured()
    {
        await using var host = await McpTestHost.StartAsync(
            SeedPolicies.SocTriage,
            new FakePipeline { Handler = call => FakePipeline.Ok(call.Operation, SearchResult(50)) },
            o => o.MaxResultBytes = 2048);

        var result = await host.CallAsync("jira_issues_read", Search());

        Assert.InRange(ToolText.Bytes(result), 1, 2048);
        Assert.True(ToolText.Json(result).GetProperty("_page").TryGetProperty("next_cursor", out _));
    }
}
