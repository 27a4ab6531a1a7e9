using System.Text.Json;
using System.Text.RegularExpressions;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Policies;
using JiraGate.Mcp.Tests.Fakes;
using JiraGate.Mcp.Tools;

namespace JiraGate.Mcp.Tests;

public sealed partial class ToolListTests
{
    public static TheoryData<string> Seeds => [SeedPolicies.SocTriage, SeedPolicies.ReadOnly, SeedPolicies.FullManagement];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task ListTools_SeedPolicy_EqualsExactlyWhatThePolicyEngineGrants(string policy)
    {
        await using var host = await McpTestHost.StartAsync(policy);
        var compiled = SeedPolicySource.Compile(policy);
        var engine = new PolicyEngine();
        var expected = OperationCatalog.Default.All
            .Where(op => engine.Decide(compiled, op).IsGranted)
            .Select(op => McpToolNames.ForOperation(op.Name))
            .Append(McpToolNames.ApprovalStatus)
            .Order(StringComparer.Ordinal)
            .ToArray();

        var tools = await host.Client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(expected, tools.Select(t => t.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.InRange(tools.Count, 2, 40);
    }

    [Fact]
    public async Task ListTools_SocTriage_MatchesTheSeedsGlobsByHand()
    {
        await using var host = await McpTestHost.StartAsync(SeedPolicies.SocTriage);

        var names = (await host.Client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken)).Select(t => t.Name).ToHashSet();

        // issues:read* (3), create, update, transition, assign, comments:* (all four are medium or low),
        // projects:read* (4), users:read* (3), plus the approval tool.
        string[] expected =
        [
            "jira_issues_read", "jira_issues_read_detail", "jira_issues_read_transitions", "jira_issues_create", "jira_issues_update",
            "jira_issues_transition", "jira_issues_assign", "jira_comments_read", "jira_comments_create", "jira_comments_update", "jira_comments_delete",
            "jira_projects_read", "jira_projects_read_detail", "jira_projects_read_components", "jira_projects_read_versions",
            "jira_users_read", "jira_users_read_detail", "jira_users_read_groups", "jira_approval_status",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("jira_issues_delete", names);
        Assert.DoesNotContain("jira_boards_read", names);
    }

    [Fact]
    public async Task ListTools_NoPoliciesInForce_OnlyTheApprovalTool()
    {
        await using var host = await McpTestHost.StartAsync("agent-without-policy");

        var tools = await host.Client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([McpToolNames.ApprovalStatus], tools.Select(t => t.Name));
    }

    [Fact]
    public async Task ListTools_FullManagement_SchemaDescriptionAndAnnotationsFollowTheCatalog()
    {
        await using var host = await McpTestHost.StartAsync(SeedPolicies.FullManagement);
        var tools = (await host.Client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken)).ToDictionary(t => t.Name);

        foreach (var (name, tool) in tools)
        {
            Assert.Matches(ToolName(), name);
            Assert.True(name.Length <= 64, name);
            if (name == McpToolNames.ApprovalStatus)
            {
                continue;
            }

            var op = McpToolNames.ToOperation(name)!;
            var schema = tool.ProtocolTool.InputSchema;
            var catalogProperties = op.ParametersSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name);
            Assert.Equal(
                catalogProperties.Append("profile").Append("cursor").Order(StringComparer.Ordinal),
                schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            foreach (var p in op.ParametersSchema.GetProperty("properties").EnumerateObject())
            {
                Assert.True(JsonElement.DeepEquals(p.Value, schema.GetProperty("properties").GetProperty(p.Name)), $"{name}.{p.Name}");
            }

            if (op.ParametersSchema.TryGetProperty("required", out var required))
            {
                Assert.True(JsonElement.DeepEquals(required, schema.GetProperty("required")), name);
            }

            Assert.StartsWith(op.Description + ".", tool.Description, StringComparison.Ordinal);
            Assert.True(tool.ProtocolTool.Annotations!.OpenWorldHint);
        }

        var delete = tools["jira_issues_delete"];
        Assert.Contains("Risk: high.", delete.Description, StringComparison.Ordinal);
        Assert.Contains("Needs human approval in #jira-approvals; returns an approval id", delete.Description, StringComparison.Ordinal);
        Assert.True(delete.ProtocolTool.Annotations!.DestructiveHint);
        Assert.False(delete.ProtocolTool.Annotations.ReadOnlyHint);
        Assert.True(delete.ProtocolTool.Annotations.IdempotentHint);

        var create = tools["jira_issues_create"];
        Assert.Contains("Risk: medium. Runs at once", create.Description, StringComparison.Ordinal);
        Assert.False(create.ProtocolTool.Annotations!.ReadOnlyHint);
        Assert.False(create.ProtocolTool.Annotations.DestructiveHint);
        Assert.False(create.ProtocolTool.Annotations.IdempotentHint);

        var read = tools["jira_issues_read_detail"];
        Assert.Contains("Risk: low. Runs at once.", read.Description, StringComparison.Ordinal);
        Assert.True(read.ProtocolTool.Annotations!.ReadOnlyHint);
        Assert.False(read.ProtocolTool.Annotations.DestructiveHint);
        Assert.True(read.ProtocolTool.Annotations.IdempotentHint);

        Assert.True(tools["jira_attachments_delete"].ProtocolTool.Annotations!.DestructiveHint);
        Assert.True(tools[McpToolNames.ApprovalStatus].ProtocolTool.Annotations!.ReadOnlyHint);
    }

    [Fact]
    public void ForOperation_EveryCatalogOperation_IsAValidDistinctToolName()
    {
        var names = OperationCatalog.Default.All.Select(op => McpToolNames.ForOperation(op.Name)).ToArray();

        Assert.All(names, n => Assert.Matches(ToolName(), n));
        Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("jira_issues_read_detail", McpToolNames.ForOperation("issues:read_detail"));
        Assert.Equal("issues:read_detail", McpToolNames.ToOperation("jira_issues_read_detail")!.Name);
    }

    [GeneratedRegex("^[a-z0-9_]{1,64}$")]
    private static partial Regex ToolName();
}
