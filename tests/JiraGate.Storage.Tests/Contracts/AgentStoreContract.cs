using System.Security.Cryptography;
using JiraGate.Governance.Agents;

namespace JiraGate.Storage.Tests.Contracts;

/// <summary>What every <see cref="IAgentStore"/> and <see cref="IApproverStore"/> must do. One subclass per engine.</summary>
public abstract class AgentStoreContract
{
    protected static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<IAgentStore> CreateAgentStoreAsync();

    protected abstract Task<IApproverStore> CreateApproverStoreAsync();

    protected static Agent NewAgent(string id = "agent-001", string org = "org-acme") => new()
    {
        Id = id,
        OrgId = org,
        DisplayName = "SOC bot",
        Owner = "alice",
        Policies = ["jira-soc-triage", "jira-readonly"],
        CreatedAt = T0,
        UpdatedAt = T0,
    };

    protected static StoredApiKey NewKey(string holder, string keyId) => new()
    {
        KeyId = keyId,
        HolderId = holder,
        Hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(keyId)),
        CreatedAt = T0,
    };

    [Fact]
    public async Task CreateAsync_NewAgent_RoundTripsEveryField()
    {
        var store = await CreateAgentStoreAsync();
        Assert.True(await store.CreateAsync(NewAgent(), NewKey("agent-001", "k1"), Ct));
        var agent = await store.GetAsync("agent-001", Ct);
        Assert.NotNull(agent);
        Assert.Equal("org-acme", agent.OrgId);
        Assert.Equal("SOC bot", agent.DisplayName);
        Assert.Equal("alice", agent.Owner);
        Assert.Equal(["jira-soc-triage", "jira-readonly"], agent.Policies);
        Assert.True(agent.Enabled);
        Assert.Equal(T0, agent.CreatedAt);
        var key = await store.FindKeyAsync("k1", Ct);
        Assert.NotNull(key);
        Assert.Equal("agent-001", key.HolderId);
        Assert.Equal(SHA256.HashData("k1"u8), key.Hash.ToArray());
        Assert.Null(key.ExpiresAt);
        Assert.Null(key.RevokedAt);
    }

    [Fact]
    public async Task CreateAsync_TakenId_ReturnsFalseAndWritesNothing()
    {
        var store = await CreateAgentStoreAsync();
        Assert.True(await store.CreateAsync(NewAgent(), NewKey("agent-001", "k1"), Ct));
        Assert.False(await store.CreateAsync(NewAgent() with { DisplayName = "other" }, NewKey("agent-001", "k2"), Ct));
        Assert.Equal("SOC bot", (await store.GetAsync("agent-001", Ct))!.DisplayName);
        Assert.Null(await store.FindKeyAsync("k2", Ct));
    }

    [Fact]
    public async Task GetAsync_Unknown_ReturnsNull()
    {
        var store = await CreateAgentStoreAsync();
        Assert.Null(await store.GetAsync("nobody", Ct));
        Assert.Null(await store.FindKeyAsync("nokey", Ct));
    }

    [Fact]
    public async Task ListAsync_ByOrg_ReturnsThatOrgOrderedById()
    {
        var store = await CreateAgentStoreAsync();
        await store.CreateAsync(NewAgent("b", "org-1"), NewKey("b", "kb"), Ct);
        await store.CreateAsync(NewAgent("a", "org-1"), NewKey("a", "ka"), Ct);
        await store.CreateAsync(NewAgent("c", "org-2"), NewKey("c", "kc"), Ct);
        Assert.Equal(["a", "b"], (await store.ListAsync("org-1", Ct)).Select(a => a.Id));
        Assert.Equal(["a", "b", "c"], (await store.ListAsync(null, Ct)).Select(a => a.Id));
    }

    [Fact]
    public async Task UpdateAsync_ChangesFieldsButNotOrgOrCreation()
    {
        var store = await CreateAgentStoreAsync();
        await store.CreateAsync(NewAgent(), NewKey("agent-001", "k1"), Ct);
        var changed = NewAgent() with { DisplayName = "renamed", Owner = "bob", Policies = [], Enabled = false, UpdatedAt = T0.AddHours(1), OrgId = "org-evil", CreatedAt = T0.AddDays(9) };
        Assert.True(await store.UpdateAsync(changed, Ct));
        var agent = (await store.GetAsync("agent-001", Ct))!;
        Assert.Equal(("renamed", "bob", false, "org-acme", T0, T0.AddHours(1)), (agent.DisplayName, agent.Owner, agent.Enabled, agent.OrgId, agent.CreatedAt, agent.UpdatedAt));
        Assert.Empty(agent.Policies);
        Assert.False(await store.UpdateAsync(NewAgent("ghost"), Ct));
    }

    [Fact]
    public async Task AddKeyAsync_RetiresOtherLiveKeysAtTheGivenTime()
    {
        var store = await CreateAgentStoreAsync();
        await store.CreateAsync(NewAgent(), NewKey("agent-001", "k1"), Ct);
        Assert.True(await store.AddKeyAsync(NewKey("agent-001", "k2"), T0.AddMinutes(10), Ct));
        Assert.Equal(T0.AddMinutes(10), (await store.FindKeyAsync("k1", Ct))!.ExpiresAt);
        Assert.Null((await store.FindKeyAsync("k2", Ct))!.ExpiresAt);
        // A later rotation never extends an earlier expiry.
        Assert.True(await store.AddKeyAsync(NewKey("agent-001", "k3"), T0.AddHours(5), Ct));
        Assert.Equal(T0.AddMinutes(10), (await store.FindKeyAsync("k1", Ct))!.ExpiresAt);
        Assert.Equal(T0.AddHours(5), (await store.FindKeyAsync("k2", Ct))!.ExpiresAt);
        Assert.Equal(["k1", "k2", "k3"], (await store.ListKeysAsync("agent-001", Ct)).Select(k => k.KeyId).Order());
    }

    [Fact]
    public async Task AddKeyAsync_UnknownHolder_ReturnsFalse()
    {
        var store = await CreateAgentStoreAsync();
        Assert.False(await store.AddKeyAsync(NewKey("ghost", "k9"), T0, Ct));
        Assert.Null(await store.FindKeyAsync("k9", Ct));
    }

    [Fact]
    public async Task RevokeKeysAsync_RevokesEveryUnrevokedKeyOnce()
    {
        var store = await CreateAgentStoreAsync();
        await store.CreateAsync(NewAgent(), NewKey("agent-001", "k1"), Ct);
        await store.AddKeyAsync(NewKey("agent-001", "k2"), T0.AddMinutes(5), Ct);
        Assert.Equal(2, await store.RevokeKeysAsync("agent-001", T0.AddMinutes(1), Ct));
        Assert.Equal(0, await store.RevokeKeysAsync("agent-001", T0.AddMinutes(2), Ct));
        Assert.All(await store.ListKeysAsync("agent-001", Ct), k => Assert.Equal(T0.AddMinutes(1), k.RevokedAt));
    }

    [Fact]
    public async Task ApproverStore_CreateUpdateAndKeys_Work()
    {
        var store = await CreateApproverStoreAsync();
        var approver = new Approver { Id = "carol", OrgId = "org-acme", DisplayName = "Carol", Email = "carol@example.com", CreatedAt = T0, UpdatedAt = T0 };
        Assert.True(await store.CreateAsync(approver, NewKey("carol", "a1"), Ct));
        Assert.False(await store.CreateAsync(approver, NewKey("carol", "a2"), Ct));
        Assert.Equal(approver, await store.GetAsync("carol", Ct));
        Assert.True(await store.UpdateAsync(approver with { Enabled = false, Email = null, UpdatedAt = T0.AddHours(1) }, Ct));
        var stored = (await store.GetAsync("carol", Ct))!;
        Assert.False(stored.Enabled);
        Assert.Null(stored.Email);
        Assert.True(await store.AddKeyAsync(NewKey("carol", "a3"), T0, Ct));
        Assert.Equal(T0, (await store.FindKeyAsync("a1", Ct))!.ExpiresAt);
        Assert.Equal(2, await store.RevokeKeysAsync("carol", T0, Ct));
        Assert.Single(await store.ListAsync("org-acme", Ct));
        Assert.Empty(await store.ListAsync("org-other", Ct));
    }
}
