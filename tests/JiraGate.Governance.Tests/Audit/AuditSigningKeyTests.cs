using JiraGate.Governance.Audit;
using JiraGate.Governance.Tests.Vault;
using JiraGate.Governance.Vault;

namespace JiraGate.Governance.Tests.Audit;

public sealed class AuditSigningKeyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LoadOrCreate_FirstUse_GeneratesOnceAndReloadsSameKey()
    {
        using var dir = new TempDirectory();
        using var masterKey = VaultKey.Generate();
        var vault = new FileVault(dir.File("vault.json"), masterKey);

        using var first = await AuditSigningKey.LoadOrCreateAsync(vault, cancellationToken: Ct);
        using var second = await AuditSigningKey.LoadOrCreateAsync(new FileVault(dir.File("vault.json"), masterKey), cancellationToken: Ct);

        Assert.Equal(first.KeyId, second.KeyId);
        Assert.Equal(first.PublicKeyBase64, second.PublicKeyBase64);
        var entry = Assert.IsType<GenericSecretEntry>(await vault.TryGetAsync(AuditSigningKey.DefaultVaultPath, Ct));
        Assert.DoesNotContain(entry.Value.Reveal(), entry.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(entry.Value.Reveal(), first.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_Verify_RoundTripAndTamperRefused()
    {
        using var key = AuditSigningKey.Generate();
        var data = "payload"u8.ToArray();
        var signature = key.Sign(data);
        Assert.True(AuditSigningKey.Verify(key.PublicKey.Span, data, signature));
        data[0] ^= 1;
        Assert.False(AuditSigningKey.Verify(key.PublicKey.Span, data, signature));
        Assert.False(AuditSigningKey.Verify(new byte[5], data, signature));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task LoadOrCreate_EntryOfWrongKind_Refused()
    {
        using var dir = new TempDirectory();
        using var masterKey = VaultKey.Generate();
        var vault = new FileVault(dir.File("vault.json"), masterKey);
        await vault.SetAsync(AuditSigningKey.DefaultVaultPath, new PersonalAccessTokenEntry { Token = new SecretValue("pat-CANARY") }, Ct);
        var error = await Assert.ThrowsAsync<VaultException>(() => AuditSigningKey.LoadOrCreateAsync(vault, cancellationToken: Ct));
        Assert.DoesNotContain("CANARY", error.Message, StringComparison.Ordinal);
    }
}
