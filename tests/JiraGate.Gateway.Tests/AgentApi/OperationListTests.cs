using JiraGate.Gateway.Tests.Infrastructure;

namespace JiraGate.Gateway.Tests.AgentApi;

public sealed class OperationListTests
{
    [Fact]
    public async Task ListOperations_SocTriage_ListsExactlyWhatJiraSocTriageGrants()
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var response = await host.Client(GatewayTestHost.SocAgent).GetAsync("/v1/operations", TestContext.Current.CancellationToken);
        var body = await ProblemAssert.JsonAsync(response, 200);

        // By hand from the seed: issues:read*, issues:create/update/transition/assign, comments:*, projects:read*,
        // users:read*, risk_max medium (so no issues:delete), approval none. issues:bulk_create matches no glob.
        string[] expected =
        [
            "issues:read", "issues:read_detail", "issues:create", "issues:update", "issues:transition", "issues:assign", "issues:read_transitions",
            "comments:read", "comments:create", "comments:update", "comments:delete",
            "projects:read", "projects:read_detail", "projects:read_components", "projects:read_versions",
            "users:read", "users:read_detail", "users:read_groups",
        ];
        Assert.Equal(GatewayTestHost.SocAgent, body.GetProperty("agent").GetString());
        var operations = body.GetProperty("operations").EnumerateArray().ToArray();
        Assert.Equal(expected, operations.Select(o => o.GetProperty("name").GetString()));
        Assert.All(operations, o => Assert.Equal("none", o.GetProperty("approval").GetString()));
        Assert.All(operations, o => Assert.Equal("object", o.GetProperty("parameters").GetProperty("type").GetString()));
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace(o.GetProperty("description").GetString())));
        var create = operations.Single(o => o.GetProperty("name").GetString() == "issues:create");
        Assert.Equal("Issues", create.GetProperty("family").GetString());
        Assert.Equal("medium", create.GetProperty("risk").GetString());
        Assert.Equal(0, host.Fake!.Calls);
    }

    [Fact]
    public async Task ListOperations_FullManagement_CarriesApprovalModePerRisk()
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var response = await host.Client(GatewayTestHost.FullAgent).GetAsync("/v1/operations", TestContext.Current.CancellationToken);
        var body = await ProblemAssert.JsonAsync(response, 200);

        var modes = body.GetProperty("operations").EnumerateArray()
            .ToDictionary(o => o.GetProperty("name").GetString()!, o => o.GetProperty("approval").GetString());
        Assert.Equal(18, modes.Count);
        Assert.Equal("none", modes["issues:read"]);
        Assert.Equal("auto", modes["issues:create"]);
        Assert.Equal("auto", modes["attachments:upload"]);
        Assert.Equal("hitl", modes["issues:delete"]);
        Assert.DoesNotContain("boards:read", modes.Keys);
        var delete = body.GetProperty("operations").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "issues:delete");
        Assert.Equal("#jira-approvals", delete.GetProperty("hitl_channel").GetString());
        Assert.Equal("high", delete.GetProperty("risk").GetString());
    }
}
