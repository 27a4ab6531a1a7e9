using System.Text;
using System.Text.Json;
using JiraGate.Governance.Execution;
using JiraGate.Governance.Pipeline;
using JiraGate.Governance.Policies;
using JiraGate.Jira;
using JiraGate.Jira.Authentication;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;
using ModelContextProtocol.Protocol;

namespace JiraGate.Gateway.Tests.Mcp;

/// <summary>
/// The seed-000 SOC scenario as an agent runs it over MCP: real HTTP to /mcp, the SDK's client, the real pipeline
/// (policies, audit) and the Jira executor against the in-process sandbox. TARGETS.md: ≤ 8 tool calls, ≤ 12 KB of tool output.
/// </summary>
public sealed class McpSocScenarioTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SocScenario_OverMcpAgainstTheSandbox_EveryStepOkWithinTheAgentFitBudget()
    {
        await using var sandbox = await SandboxHost.StartAsync(cancellationToken: Ct);
        await using var host = await GovernedMcpHost.StartAsync(null, services =>
        {
            services.AddJiraClient(o =>
            {
                o.BaseUrl = sandbox.BaseUrl;
                o.Credentials = new ApiTokenCredentials(DemoCredentials.Ada.Email, DemoCredentials.Ada.ApiToken);
                o.ApiGatewayBaseUrl = sandbox.BaseUrl;
            });
            services.AddSingleton<IOperationExecutor>(sp => new JiraOperationExecutor(sp.GetRequiredService<JiraClient>()));
        });
        // The seed's example needs boards and sprints too, which jira-soc-triage alone does not grant.
        var key = await host.AddAgentAsync("agent-001", SeedPolicies.SocTriage, SeedPolicies.ReadOnly);
        await using var client = await host.ConnectAsync(key);
        var outputs = new List<(string Tool, string Text)>();

        async Task<JsonElement> Call(string tool, Dictionary<string, object?> arguments)
        {
            var result = await client.CallToolAsync(tool, arguments, cancellationToken: Ct);
            var text = string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));
            outputs.Add((tool, text));
            Assert.True(result.IsError != true, tool + ": " + text);
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.Clone();
        }

        await Call("jira_issues_read", new() { ["jql"] = "project = SEC AND status = Open", ["max_results"] = 20 });
        var created = await Call("jira_issues_create", new()
        {
            ["project_key"] = "SEC",
            ["summary"] = "Investigate suspicious login from 198.51.100.42",
            ["issue_type"] = "Bug",
            ["priority"] = "High",
            ["labels"] = new[] { "security", "automated" },
        });
        Assert.StartsWith("SEC-", created.GetProperty("key").GetString(), StringComparison.Ordinal);
        var transitions = await Call("jira_issues_read_transitions", new() { ["issue_key"] = "SEC-456" });
        Assert.Contains("31", transitions.GetRawText(), StringComparison.Ordinal);
        await Call("jira_issues_transition", new() { ["issue_key"] = "SEC-456", ["transition_id"] = "31" });
        await Call("jira_comments_create", new() { ["issue_key"] = "SEC-456", ["body"] = "Automated enrichment complete. See attached IOC report." });
        var boards = await Call("jira_boards_read", new() { ["project_key"] = "SEC" });
        Assert.Contains("42", boards.GetRawText(), StringComparison.Ordinal);
        await Call("jira_boards_read_sprints", new() { ["board_id"] = "42", ["state"] = "active" });

        var bytes = outputs.Select(o => Encoding.UTF8.GetByteCount(o.Text)).ToArray();
        var report = string.Join(", ", outputs.Select((o, i) => $"{o.Tool} {bytes[i]} B"));
        Assert.True(outputs.Count <= 8, report);
        Assert.All(bytes, b => Assert.InRange(b, 1, 8 * 1024));
        Assert.True(bytes.Sum() <= 12 * 1024, $"total {bytes.Sum()} B: {report}");
        TestContext.Current.SendDiagnosticMessage("SOC scenario over MCP: {0} calls, {1} B in total ({2})", outputs.Count, bytes.Sum(), report);

        var denied = await client.CallToolAsync("jira_issues_delete", new Dictionary<string, object?> { ["issue_key"] = "SEC-456" }, cancellationToken: Ct);
        Assert.True(denied.IsError);
        Assert.Contains(OperationErrorCodes.PolicyDenied, ((TextContentBlock)denied.Content[0]).Text, StringComparison.Ordinal);
    }
}
