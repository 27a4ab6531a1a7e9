using JiraGate.Governance.Agents;
using JiraGate.Governance.Approvals;

namespace JiraGate.Governance.Tests.Approvals;

public sealed class ApprovalServiceCollectionTests
{
    [Fact]
    public async Task AddJiraGateApprovals_WithStoresAndWebhooks_ResolvesEverything()
    {
        using var stores = await TestStores.CreateAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IAgentStore>(stores.Agents);
        services.AddSingleton<IApproverStore>(stores.Approvers);
        services.AddSingleton<IApprovalStore>(stores.Approvals);
        services.AddJiraGateApprovals(o => o.ExpiryByRisk["high"] = TimeSpan.FromMinutes(15));
        services.AddJiraGateApprovalWebhooks(o => o.ChannelWebhooks["#jira-approvals"] = new Uri("https://hooks.example.test/x"));
        using var provider = services.BuildServiceProvider();
        Assert.NotNull(provider.GetRequiredService<ApprovalService>());
        Assert.NotNull(provider.GetRequiredService<AgentRegistry>());
        Assert.NotNull(provider.GetRequiredService<ApproverRegistry>());
        Assert.IsType<WebhookApprovalNotifier>(provider.GetRequiredService<IApprovalNotifier>());
    }

    [Fact]
    public void AddJiraGateApprovals_WithoutWebhooks_UsesTheNullNotifier()
    {
        var services = new ServiceCollection();
        services.AddJiraGateApprovals();
        using var provider = services.BuildServiceProvider();
        Assert.Same(NullApprovalNotifier.Instance, provider.GetRequiredService<IApprovalNotifier>());
    }
}
