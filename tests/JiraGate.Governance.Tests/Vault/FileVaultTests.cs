using System.Text;
using System.Text.Json.Nodes;
using JiraGate.Governance.Vault;
using Microsoft.Extensions.Time.Testing;

namespace JiraGate.Governance.Tests.Vault;

public sealed class FileVaultTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly VaultKey _key = VaultKey.Generate();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string VaultPath => _dir.File("vault.json");

    private FileVault Open(VaultKey? key = null) => new(VaultPath, key ?? _key, _time);

    public void Dispose()
    {
        _key.Dispose();
        _dir.Dispose();
    }

    [Theory]
    [MemberData(nameof(VaultSamples.Kinds), MemberType = typeof(VaultSamples))]
    public async Task SetThenGet_EveryKind_RoundTripsAndFileHoldsNoPlaintext(string kind)
    {
        var (entry, canaries) = VaultSamples.All()[kind];
        await Open().SetAsync("jira/" + kind, entry, Ct);

        var read = await Open().TryGetAsync("jira/" + kind, Ct);
        Assert.NotNull(read);
        Assert.Equal(VaultSamples.Fingerprint(entry), VaultSamples.Fingerprint(read));
        var file = await File.ReadAllTextAsync(VaultPath, Ct);
        Assert.All(canaries, c => Assert.DoesNotContain(c, file, StringComparison.Ordinal));
        Assert.All(canaries, c => Assert.DoesNotContain(c, read.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_Missing_IsNull()
    {
        Assert.Null(await Open().TryGetAsync("nope", Ct));
        await Assert.ThrowsAsync<VaultException>(() => Open().GetAsync("nope", Ct));
    }

    [Fact]
    public async Task Set_SameValueTwice_UsesFreshNonce()
    {
        var entry = VaultSamples.All()["pat"].Entry;
        await Open().SetAsync("a", entry, Ct);
        var first = JsonNode.Parse(await File.ReadAllTextAsync(VaultPath, Ct))!["entries"]!["a"]!["nonce"]!.GetValue<string>();
        await Open().SetAsync("a", entry, Ct);
        var second = JsonNode.Parse(await File.ReadAllTextAsync(VaultPath, Ct))!["entries"]!["a"]!["nonce"]!.GetValue<string>();
        Assert.NotEqual(first, second);
        Assert.Equal(12, Convert.FromBase64String(second).Length);
    }

    [Fact]
    public async Task Open_WrongKey_ClearErrorWithoutSecretsOrKey()
    {
        await Open().SetAsync("jira/acme", VaultSamples.All()["api_token"].Entry, Ct);
        using var wrong = VaultKey.Generate();

        var error = await Assert.ThrowsAsync<VaultKeyMismatchException>(() => Open(wrong).TryGetAsync("jira/acme", Ct));
        Assert.Contains("does not open", error.Message, StringComparison.Ordinal);
        Assert.Contains(wrong.KeyId, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(wrong.Bytes), error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(_key.Bytes), error.ToString(), StringComparison.Ordinal);
        await Assert.ThrowsAsync<VaultKeyMismatchException>(() => Open(wrong).SetAsync("x", VaultSamples.All()["pat"].Entry, Ct));
    }

    [Fact]
    public async Task Get_CiphertextTampered_Detected()
    {
        await Open().SetAsync("jira/acme", VaultSamples.All()["api_token"].Entry, Ct);
        var doc = JsonNode.Parse(await File.ReadAllTextAsync(VaultPath, Ct))!;
        var cipher = Convert.FromBase64String(doc["entries"]!["jira/acme"]!["ciphertext"]!.GetValue<string>());
        cipher[3] ^= 0x01;
        doc["entries"]!["jira/acme"]!["ciphertext"] = Convert.ToBase64String(cipher);
        await File.WriteAllTextAsync(VaultPath, doc.ToJsonString(), Ct);

        var error = await Assert.ThrowsAsync<VaultTamperedException>(() => Open().TryGetAsync("jira/acme", Ct));
        Assert.Contains("jira/acme", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_EntryMovedToAnotherPath_Detected()
    {
        var vault = Open();
        await vault.SetAsync("jira/prod", VaultSamples.All()["api_token"].Entry, Ct);
        await vault.SetAsync("jira/sandbox", VaultSamples.All()["pat"].Entry, Ct);
        var doc = JsonNode.Parse(await File.ReadAllTextAsync(VaultPath, Ct))!;
        doc["entries"]!["jira/sandbox"] = doc["entries"]!["jira/prod"]!.DeepClone();
        await File.WriteAllTextAsync(VaultPath, doc.ToJsonString(), Ct);

        await Assert.ThrowsAsync<VaultTamperedException>(() => Open().TryGetAsync("jira/sandbox", Ct));
        Assert.NotNull(await Open().TryGetAsync("jira/prod", Ct));
    }

    [Fact]
    public async Task Get_ExpiryEditedInFile_Detected()
    {
        await Open().SetAsync("jira/acme", VaultSamples.All()["api_token"].Entry, Ct);
        var doc = JsonNode.Parse(await File.ReadAllTextAsync(VaultPath, Ct))!;
        doc["entries"]!["jira/acme"]!["expires_at"] = "2099-01-01T00:00:00+00:00";
        await File.WriteAllTextAsync(VaultPath, doc.ToJsonString(), Ct);

        await Assert.ThrowsAsync<VaultTamperedException>(() => Open().TryGetAsync("jira/acme", Ct));
        await Assert.ThrowsAsync<VaultTamperedException>(() => Open().ListAsync(Ct));
    }

    [Fact]
    public async Task Set_CrashBeforeRename_VaultUnchangedAndReadable()
    {
        await Open().SetAsync("jira/acme", VaultSamples.All()["pat"].Entry, Ct);
        var before = await File.ReadAllBytesAsync(VaultPath, Ct);
        var crashing = Open();
        crashing.BeforeReplace = temp =>
        {
            Assert.True(File.Exists(temp));
            throw new IOException("simulated crash");
        };

        await Assert.ThrowsAsync<IOException>(() => crashing.SetAsync("jira/acme", VaultSamples.All()["basic"].Entry, Ct));

        Assert.Equal(before, await File.ReadAllBytesAsync(VaultPath, Ct));
        Assert.IsType<PersonalAccessTokenEntry>(await Open().TryGetAsync("jira/acme", Ct));
        Assert.Empty(Directory.GetFiles(_dir.Path, "*.tmp"));
    }

    [Fact]
    public async Task Update_ManyConcurrentWriters_NoUpdateLost()
    {
        // Two vault objects on one file, 40 concurrent read-modify-write increments each.
        var a = Open();
        var b = Open();
        await a.SetAsync("counter", new GenericSecretEntry { Value = new SecretValue("0") }, Ct);
        var tasks = Enumerable.Range(0, 80).Select(i => Task.Run(() => (i % 2 == 0 ? a : b).UpdateAsync("counter", current =>
        {
            var n = int.Parse(((GenericSecretEntry)current!).Value.Reveal(), System.Globalization.CultureInfo.InvariantCulture);
            return new GenericSecretEntry { Value = new SecretValue((n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        }, Ct), Ct));
        await Task.WhenAll(tasks);

        var final = (GenericSecretEntry)(await Open().TryGetAsync("counter", Ct))!;
        Assert.Equal("80", final.Value.Reveal());
    }

    [Fact]
    public async Task Delete_RemovesEntryOnly()
    {
        var vault = Open();
        await vault.SetAsync("a", VaultSamples.All()["pat"].Entry, Ct);
        await vault.SetAsync("b", VaultSamples.All()["basic"].Entry, Ct);
        Assert.True(await vault.DeleteAsync("a", Ct));
        Assert.False(await vault.DeleteAsync("a", Ct));
        Assert.Null(await vault.TryGetAsync("a", Ct));
        Assert.NotNull(await vault.TryGetAsync("b", Ct));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task File_CreatedOwnerOnly()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        await Open().SetAsync("a", VaultSamples.All()["pat"].Entry, Ct);
        var mode = File.GetUnixFileMode(VaultPath);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/abs")]
    [InlineData("trailing/")]
    [InlineData("a//b")]
    [InlineData("spaces here")]
    [InlineData("../escape")]
    public async Task Set_BadPath_Refused(string path)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Open().SetAsync(path, VaultSamples.All()["pat"].Entry, Ct));
    }

    [Fact]
    public async Task List_ExpiryStatesAndWarnings_FollowTheClock()
    {
        var vault = new FileVault(VaultPath, _key, _time, new VaultOptions { ExpiryWarning = TimeSpan.FromDays(14) });
        var now = _time.GetUtcNow();
        await vault.SetAsync("never", new PersonalAccessTokenEntry { Token = new SecretValue("t1") }, Ct);
        await vault.SetAsync("soon", new PersonalAccessTokenEntry { Token = new SecretValue("t2"), ExpiresAt = now.AddDays(5) }, Ct);
        await vault.SetAsync("later", new PersonalAccessTokenEntry { Token = new SecretValue("t3"), ExpiresAt = now.AddDays(60) }, Ct);
        await vault.SetAsync("gone", new PersonalAccessTokenEntry { Token = new SecretValue("t4"), ExpiresAt = now.AddDays(-1) }, Ct);

        var list = await vault.ListAsync(Ct);
        Assert.Equal(["gone", "later", "never", "soon"], list.Select(e => e.Path));
        var states = list.ToDictionary(e => e.Path, e => e.ExpiryState);
        Assert.Equal(VaultExpiryState.Expired, states["gone"]);
        Assert.Equal(VaultExpiryState.Valid, states["later"]);
        Assert.Equal(VaultExpiryState.NoExpiry, states["never"]);
        Assert.Equal(VaultExpiryState.ExpiringSoon, states["soon"]);
        Assert.Equal(["gone", "soon"], (await vault.ListExpiringAsync(TimeSpan.FromDays(30), Ct)).Select(e => e.Path));

        _time.Advance(TimeSpan.FromDays(50));
        Assert.Equal(VaultExpiryState.ExpiringSoon, (await vault.ListAsync(Ct)).Single(e => e.Path == "later").ExpiryState);
        Assert.Equal(["gone", "soon", "later"], (await vault.ListExpiringAsync(TimeSpan.FromDays(30), Ct)).Select(e => e.Path));
    }

    [Fact]
    public async Task List_ShowsMetadataWithoutSecrets()
    {
        var vault = Open();
        foreach (var (kind, (entry, _)) in VaultSamples.All())
        {
            await vault.SetAsync("e/" + kind, entry, Ct);
        }
        var listed = string.Join("\n", (await vault.ListAsync(Ct)).Select(e => e.ToString() + " " + e.Description));
        Assert.Contains("bot@acme.com", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY", vault.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_NotAVault_ClearError()
    {
        await File.WriteAllTextAsync(VaultPath, "{not json", Encoding.UTF8, Ct);
        var error = await Assert.ThrowsAsync<VaultException>(() => Open().TryGetAsync("a", Ct));
        Assert.Contains("not a JiraGate vault", error.Message, StringComparison.Ordinal);
    }
}
