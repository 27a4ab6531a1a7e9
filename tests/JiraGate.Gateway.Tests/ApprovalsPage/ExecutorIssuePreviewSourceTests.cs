using System.Text.Json;
using JiraGate.Gateway.ApprovalsPage;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Pipeline;

namespace JiraGate.Gateway.Tests.ApprovalsPage;

public sealed class ExecutorIssuePreviewSourceTests
{
    [Fact]
    public async Task GetIssueAsync_ForAnAgentsRequest_ReadsThroughThatAgentsConnection()
    {
        var executor = new ScopeRecordingExecutor();
        var source = new ExecutorIssuePreviewSource(executor);
        var agent = new AgentIdentity { AgentId = "soc-bot", OrgId = "org-acme" };

        var issue = await source.GetIssueAsync("SEC-456", [], agent, TestContext.Current.CancellationToken);

        Assert.Equal(("SEC-456", "Suspicious login"), (issue!.Key, issue.Summary));
        var (operation, scope) = Assert.Single(executor.Calls);
        Assert.Equal("issues:read_detail", operation);
        Assert.Same(agent, scope.Agent);
        Assert.True(scope.IsUnrestricted);
    }

    [Fact]
    public async Task GetIssueAsync_NoAgent_UnrestrictedScopeWithoutAgent()
    {
        var executor = new ScopeRecordingExecutor();

        await new ExecutorIssuePreviewSource(executor).GetIssueAsync("SEC-456", [], null, TestContext.Current.CancellationToken);

        Assert.Null(Assert.Single(executor.Calls).Scope.Agent);
    }

    private sealed class ScopeRecordingExecutor : IOperationExecutor
    {
        public List<(string Operation, ExecutionScope Scope)> Calls { get; } = [];

        public Task<OperationOutput> ExecuteAsync(OperationDescriptor operation, JsonElement arguments, ExecutionScope scope, CancellationToken cancellationToken = default)
        {
            Calls.Add((operation.Name, scope));
            using var doc = JsonDocument.Parse("""{"key":"SEC-456","summary":"Suspicious login","status":"Open"}""");
            return Task.FromResult(new OperationOutput { Value = doc.RootElement.Clone() });
        }
    }
}
