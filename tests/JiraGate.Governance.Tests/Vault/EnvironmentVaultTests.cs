using JiraGate.Governance.Vault;
using Microsoft.Extensions.Time.Testing;

namespace JiraGate.Governance.Tests.Vault;

public sealed class EnvironmentVaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Variables(string path, VaultEntry entry)
    {
        var vars = new Dictionary<string, string?> { [EnvironmentVault.VariableName(path, "kind")] = VaultEntryKinds.ToName(entry.Kind) };
        foreach (var (field, value) in entry.ToFields())
        {
            vars[EnvironmentVault.VariableName(path, field)] = value;
        }
        if (entry.ExpiresAt is { } at)
        {
            vars[EnvironmentVault.VariableName(path, "expires_at")] = at.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }
        return vars;
    }

    [Theory]
    [MemberData(nameof(VaultSamples.Kinds), MemberType = typeof(VaultSamples))]
    public async Task Get_EveryKind_FromVariables(string kind)
    {
        var (entry, canaries) = VaultSamples.All()[kind];
        var vault = new EnvironmentVault(Variables("jira/acme", entry));

        var read = await vault.TryGetAsync("jira/acme", Ct);
        Assert.NotNull(read);
        Assert.Equal(VaultSamples.Fingerprint(entry), VaultSamples.Fingerprint(read));
        Assert.All(canaries, c => Assert.DoesNotContain(c, read.ToString() + vault, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_DocumentedScheme_Works()
    {
        var vault = new EnvironmentVault(new Dictionary<string, string?>
        {
            ["JIRAGATE_VAULT__JIRA_ACME__KIND"] = "api_token",
            ["JIRAGATE_VAULT__JIRA_ACME__EMAIL"] = "bot@acme.com",
            ["JIRAGATE_VAULT__JIRA_ACME__TOKEN"] = "tok",
            ["UNRELATED"] = "x",
        });
        var entry = Assert.IsType<ApiTokenEntry>(await vault.TryGetAsync("jira/acme", Ct));
        Assert.Equal("bot@acme.com", entry.Email);
        Assert.Equal("tok", entry.ApiToken.Reveal());
        Assert.IsType<ApiTokenEntry>(await vault.TryGetAsync("jira-acme", Ct));
        Assert.Null(await vault.TryGetAsync("jira/other", Ct));
    }

    [Fact]
    public async Task Get_MissingKindOrField_ClearErrorNamingVariable()
    {
        var noKind = new EnvironmentVault(new Dictionary<string, string?> { ["JIRAGATE_VAULT__X__TOKEN"] = "CANARY-tok" });
        var error = await Assert.ThrowsAsync<VaultException>(() => noKind.TryGetAsync("x", Ct));
        Assert.Contains("JIRAGATE_VAULT__X__KIND", error.Message, StringComparison.Ordinal);

        var noToken = new EnvironmentVault(new Dictionary<string, string?> { ["JIRAGATE_VAULT__X__KIND"] = "pat" });
        var missing = await Assert.ThrowsAsync<VaultException>(() => noToken.TryGetAsync("x", Ct));
        Assert.Contains("token", missing.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY", error.Message + missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetAndDelete_Refused_UpdateKeptInMemory()
    {
        var (entry, _) = VaultSamples.All()["oauth_client"];
        var vault = new EnvironmentVault(Variables("oauth", entry));
        await Assert.ThrowsAsync<VaultException>(() => vault.SetAsync("oauth", entry, Ct));
        await Assert.ThrowsAsync<VaultException>(() => vault.DeleteAsync("oauth", Ct));

        await vault.UpdateAsync("oauth", current => ((OAuthClientEntry)current!).WithTokens(new JiraGate.Jira.Authentication.OAuth.OAuthTokenSet
        {
            AccessToken = "new-access", RefreshToken = "new-refresh", ExpiresAt = DateTimeOffset.UnixEpoch,
        }), Ct);
        var updated = (OAuthClientEntry)(await vault.TryGetAsync("oauth", Ct))!;
        Assert.Equal("new-refresh", updated.RefreshToken!.Reveal());
    }

    [Fact]
    public async Task List_ExpiryStates()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 25, 0, 0, 0, TimeSpan.Zero));
        var vars = Variables("a", VaultSamples.All()["api_token"].Entry); // expires 2026-06-01
        foreach (var (k, v) in Variables("b", VaultSamples.All()["pat"].Entry))
        {
            vars[k] = v;
        }
        var vault = new EnvironmentVault(vars, time);

        var list = await vault.ListAsync(Ct);
        Assert.Equal(VaultExpiryState.ExpiringSoon, list.Single(e => e.Path == "A").ExpiryState);
        Assert.Equal(VaultExpiryState.NoExpiry, list.Single(e => e.Path == "B").ExpiryState);
        Assert.Equal(["A"], (await vault.ListExpiringAsync(TimeSpan.FromDays(7), Ct)).Select(e => e.Path));
        Assert.Empty(await vault.ListExpiringAsync(TimeSpan.FromDays(3), Ct));
        Assert.DoesNotContain("CANARY", string.Join(" ", list), StringComparison.Ordinal);
    }
}
