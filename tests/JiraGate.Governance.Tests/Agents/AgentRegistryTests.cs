using System.Text;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Tests.Approvals;
using Microsoft.Extensions.Time.Testing;

namespace JiraGate.Governance.Tests.Agents;

public sealed class AgentRegistryTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private TestStores _stores = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _stores?.Dispose();

    private async Task<AgentRegistry> RegistryAsync()
    {
        _stores = await TestStores.CreateAsync();
        return new AgentRegistry(_stores.Agents, _time);
    }

    private static NewAgent Soc(string id = "agent-001") =>
        new() { Id = id, OrgId = "org-acme", DisplayName = "SOC bot", Owner = "alice", Policies = ["jira-soc-triage"] };

    [Fact]
    public async Task RegisterAsync_NewAgent_KeyHasPrefixAndAuthenticatesAsTheAgent()
    {
        var registry = await RegistryAsync();
        var registration = await registry.RegisterAsync(Soc(), Ct);
        var key = registration.Key.Reveal();
        Assert.Matches("^jg_agent_[a-z2-7]{16}_[a-z2-7]{52}$", key);
        Assert.Equal(registration.Key.KeyId, key.Substring(9, 16));

        var auth = await registry.AuthenticateAsync(key, Ct);
        Assert.True(auth.Succeeded);
        Assert.Equal(new AgentIdentity { AgentId = "agent-001", OrgId = "org-acme" }, auth.Holder!.Identity);
        Assert.Equal(["jira-soc-triage"], auth.Holder.Policies);
    }

    [Fact]
    public async Task RegisterAsync_ManyKeys_AreAllDistinct()
    {
        var registry = await RegistryAsync();
        var keys = new HashSet<string>();
        for (var i = 0; i < 20; i++)
        {
            keys.Add((await registry.RegisterAsync(Soc($"agent-{i}"), Ct)).Key.Reveal());
        }
        Assert.Equal(20, keys.Count);
    }

    [Fact]
    public async Task RegisterAsync_TakenId_ThrowsWithoutAnyKey()
    {
        var registry = await RegistryAsync();
        var first = await registry.RegisterAsync(Soc(), Ct);
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => registry.RegisterAsync(Soc(), Ct));
        Assert.DoesNotContain("jg_agent_", ex.ToString());
        Assert.True((await registry.AuthenticateAsync(first.Key.Reveal(), Ct)).Succeeded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("-leading-dash")]
    [InlineData("ünïcode")]
    public async Task RegisterAsync_MalformedId_Throws(string id)
    {
        var registry = await RegistryAsync();
        await Assert.ThrowsAnyAsync<ArgumentException>(() => registry.RegisterAsync(Soc(id), Ct));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer something")]
    [InlineData("jg_agent_short")]
    [InlineData("jg_appr_aaaaaaaaaaaaaaaa_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("jg_agent_AAAAAAAAAAAAAAAA_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task AuthenticateAsync_Malformed_IsMalformedNotAnException(string? key)
    {
        var registry = await RegistryAsync();
        var auth = await registry.AuthenticateAsync(key, Ct);
        Assert.Equal(KeyAuthenticationStatus.Malformed, auth.Status);
        Assert.False(auth.Succeeded);
        Assert.Null(auth.Holder);
    }

    [Fact]
    public async Task AuthenticateAsync_WellFormedButUnknownOrWrongSecret_IsUnknown()
    {
        var registry = await RegistryAsync();
        var registration = await registry.RegisterAsync(Soc(), Ct);
        var key = registration.Key.Reveal();
        var wrongSecret = key[..^1] + (key[^1] == 'a' ? 'b' : 'a');
        Assert.Equal(KeyAuthenticationStatus.Unknown, (await registry.AuthenticateAsync(wrongSecret, Ct)).Status);
        var unknownId = "jg_agent_" + new string('a', 16) + key[25..];
        Assert.Equal(KeyAuthenticationStatus.Unknown, (await registry.AuthenticateAsync(unknownId, Ct)).Status);
    }

    [Fact]
    public async Task RotateKeyAsync_NoGrace_OldKeyFailsAtOnceNewWorks()
    {
        var registry = await RegistryAsync();
        var old = (await registry.RegisterAsync(Soc(), Ct)).Key.Reveal();
        var rotated = await registry.RotateKeyAsync("agent-001", cancellationToken: Ct);
        Assert.NotNull(rotated);
        Assert.Equal(KeyAuthenticationStatus.Expired, (await registry.AuthenticateAsync(old, Ct)).Status);
        Assert.True((await registry.AuthenticateAsync(rotated.Reveal(), Ct)).Succeeded);
    }

    [Fact]
    public async Task RotateKeyAsync_WithGrace_OldKeyWorksUntilTheGraceEnds()
    {
        var registry = await RegistryAsync();
        var old = (await registry.RegisterAsync(Soc(), Ct)).Key.Reveal();
        var rotated = (await registry.RotateKeyAsync("agent-001", TimeSpan.FromMinutes(10), Ct))!.Reveal();
        _time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromMilliseconds(1));
        Assert.True((await registry.AuthenticateAsync(old, Ct)).Succeeded);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(KeyAuthenticationStatus.Expired, (await registry.AuthenticateAsync(old, Ct)).Status);
        Assert.True((await registry.AuthenticateAsync(rotated, Ct)).Succeeded);
    }

    [Fact]
    public async Task RotateKeyAsync_UnknownAgent_ReturnsNull()
    {
        var registry = await RegistryAsync();
        Assert.Null(await registry.RotateKeyAsync("ghost", cancellationToken: Ct));
    }

    [Fact]
    public async Task RevokeKeysAsync_EveryKeyFails()
    {
        var registry = await RegistryAsync();
        var first = (await registry.RegisterAsync(Soc(), Ct)).Key.Reveal();
        var second = (await registry.RotateKeyAsync("agent-001", TimeSpan.FromHours(1), Ct))!.Reveal();
        Assert.Equal(2, await registry.RevokeKeysAsync("agent-001", Ct));
        Assert.Equal(KeyAuthenticationStatus.Revoked, (await registry.AuthenticateAsync(first, Ct)).Status);
        Assert.Equal(KeyAuthenticationStatus.Revoked, (await registry.AuthenticateAsync(second, Ct)).Status);
    }

    [Fact]
    public async Task UpdateAsync_Disabled_KeyFailsUntilEnabledAgain()
    {
        var registry = await RegistryAsync();
        var key = (await registry.RegisterAsync(Soc(), Ct)).Key.Reveal();
        _time.Advance(TimeSpan.FromMinutes(1));
        var disabled = await registry.UpdateAsync("agent-001", new AgentChanges { Enabled = false }, Ct);
        Assert.False(disabled!.Enabled);
        Assert.Equal(_time.GetUtcNow(), disabled.UpdatedAt);
        Assert.Equal(KeyAuthenticationStatus.Disabled, (await registry.AuthenticateAsync(key, Ct)).Status);
        await registry.UpdateAsync("agent-001", new AgentChanges { Enabled = true, Owner = "bob" }, Ct);
        var auth = await registry.AuthenticateAsync(key, Ct);
        Assert.True(auth.Succeeded);
        Assert.Equal("bob", auth.Holder!.Owner);
        Assert.Null(await registry.UpdateAsync("ghost", new AgentChanges(), Ct));
    }

    [Fact]
    public async Task Keys_NeverInToStringResultsOrTheDatabaseBytes()
    {
        var registry = await RegistryAsync();
        var registration = await registry.RegisterAsync(Soc(), Ct);
        var rotated = (await registry.RotateKeyAsync("agent-001", TimeSpan.FromHours(1), Ct))!;
        var approvers = new ApproverRegistry(_stores.Approvers, _time);
        var approverKey = (await approvers.RegisterAsync(new NewApprover { Id = "carol", OrgId = "org-acme" }, Ct)).Key;
        var auth = await registry.AuthenticateAsync(rotated.Reveal(), Ct);
        var failed = await registry.AuthenticateAsync(registration.Key.Reveal()[..^1] + "2", Ct);

        var printed = string.Join("\n", registration.Key, rotated, approverKey, registration, registration.Agent, auth, failed, auth.Holder);
        var raw = _stores.RawBytes();
        foreach (var issued in new[] { registration.Key, rotated, approverKey })
        {
            var key = issued.Reveal();
            var secret = key[(key.LastIndexOf('_') + 1)..];
            Assert.DoesNotContain(secret, printed, StringComparison.Ordinal);
            Assert.True(raw.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, "a key's secret is in the database file");
            Assert.True(raw.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)) < 0, "a key's secret is in the database file (UTF-16)");
            Assert.Contains(issued.KeyId, issued.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ApproverRegistry_KeyLifecycle_AndAgentKeysAreNotApproverKeys()
    {
        var registry = await RegistryAsync();
        var agentKey = (await registry.RegisterAsync(Soc(), Ct)).Key.Reveal();
        var approvers = new ApproverRegistry(_stores.Approvers, _time);
        var registration = await approvers.RegisterAsync(new NewApprover { Id = "carol", OrgId = "org-acme", Email = "carol@example.com" }, Ct);
        var key = registration.Key.Reveal();
        Assert.StartsWith("jg_appr_", key, StringComparison.Ordinal);

        var auth = await approvers.AuthenticateAsync(key, Ct);
        Assert.True(auth.Succeeded);
        Assert.Equal(new ApproverIdentity { ApproverId = "carol", OrgId = "org-acme" }, auth.Holder!.Identity);
        Assert.Equal(KeyAuthenticationStatus.Malformed, (await approvers.AuthenticateAsync(agentKey, Ct)).Status);
        Assert.Equal(KeyAuthenticationStatus.Malformed, (await registry.AuthenticateAsync(key, Ct)).Status);

        await approvers.SetEnabledAsync("carol", false, Ct);
        Assert.Equal(KeyAuthenticationStatus.Disabled, (await approvers.AuthenticateAsync(key, Ct)).Status);
        await approvers.SetEnabledAsync("carol", true, Ct);
        var rotated = (await approvers.RotateKeyAsync("carol", cancellationToken: Ct))!.Reveal();
        Assert.Equal(KeyAuthenticationStatus.Expired, (await approvers.AuthenticateAsync(key, Ct)).Status);
        Assert.Equal(2, await approvers.RevokeKeysAsync("carol", Ct));
        Assert.Equal(KeyAuthenticationStatus.Revoked, (await approvers.AuthenticateAsync(rotated, Ct)).Status);
    }
}
