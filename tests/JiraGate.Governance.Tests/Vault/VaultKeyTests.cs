using JiraGate.Governance.Vault;

namespace JiraGate.Governance.Tests.Vault;

public sealed class VaultKeyTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void FromEnvironment_Valid_Loads()
    {
        var base64 = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)i).ToArray());
        using var key = VaultKey.FromEnvironment(name => name == VaultKey.EnvironmentVariable ? base64 : null);
        Assert.NotNull(key);
        Assert.Equal(16, key.KeyId.Length);
        Assert.DoesNotContain(base64, key.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_Unset_IsNull() => Assert.Null(VaultKey.FromEnvironment(_ => null));

    [Theory]
    [InlineData("not base64 !!CANARYKEY")]
    [InlineData("Q0FOQVJZS0VZ")] // 9 bytes
    public void FromEnvironment_Malformed_ClearErrorWithoutTheValue(string value)
    {
        var error = Assert.Throws<VaultException>(() => VaultKey.FromEnvironment(_ => value));
        Assert.Contains(VaultKey.EnvironmentVariable, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateFile_ThenLoad_SameKeyAndMode0600()
    {
        var path = _dir.File("keys/master.key");
        using var created = await VaultKey.CreateFileAsync(path, Ct);
        using var loaded = await VaultKey.LoadFileAsync(path, Ct);

        Assert.Equal(created.KeyId, loaded.KeyId);
        Assert.True(created.Bytes.SequenceEqual(loaded.Bytes));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public async Task CreateFile_Exists_NeverOverwrites()
    {
        var path = _dir.File("master.key");
        using var first = await VaultKey.CreateFileAsync(path, Ct);
        var before = await File.ReadAllTextAsync(path, Ct);
        await Assert.ThrowsAsync<VaultException>(() => VaultKey.CreateFileAsync(path, Ct));
        Assert.Equal(before, await File.ReadAllTextAsync(path, Ct));
    }

    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, "0640")]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead, "0604")]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, "0644")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task LoadFile_ReadableByOthers_RefusedWithChmodHint(UnixFileMode mode, string octal)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        var path = _dir.File("master.key");
        (await VaultKey.CreateFileAsync(path, Ct)).Dispose();
        var content = await File.ReadAllTextAsync(path, Ct);
        File.SetUnixFileMode(path, mode);

        var error = await Assert.ThrowsAsync<VaultException>(() => VaultKey.LoadFileAsync(path, Ct));
        Assert.Contains(octal, error.Message, StringComparison.Ordinal);
        Assert.Contains("chmod 600", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(content.Trim(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task LoadFile_ReadOnlyForOwner_Accepted()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        var path = _dir.File("master.key");
        (await VaultKey.CreateFileAsync(path, Ct)).Dispose();
        File.SetUnixFileMode(path, UnixFileMode.UserRead);
        using var key = await VaultKey.LoadFileAsync(path, Ct);
        Assert.NotNull(key);
    }

    [Fact]
    public async Task LoadFile_Missing_SaysHowToCreate()
    {
        var error = await Assert.ThrowsAsync<VaultException>(() => VaultKey.LoadFileAsync(_dir.File("none.key"), Ct));
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_EnvironmentWinsOverFile_AndCreatesFileWhenAsked()
    {
        var envKey = Convert.ToBase64String(new byte[32]);
        using var fromEnv = await VaultKey.ResolveAsync(_dir.File("k"), createIfMissing: true, _ => envKey, Ct);
        Assert.False(File.Exists(_dir.File("k")));

        using var created = await VaultKey.ResolveAsync(_dir.File("k"), createIfMissing: true, _ => null, Ct);
        Assert.True(File.Exists(_dir.File("k")));
        using var reloaded = await VaultKey.ResolveAsync(_dir.File("k"), createIfMissing: false, _ => null, Ct);
        Assert.Equal(created.KeyId, reloaded.KeyId);
        Assert.NotEqual(fromEnv.KeyId, created.KeyId);

        await Assert.ThrowsAsync<VaultException>(() => VaultKey.ResolveAsync(null, false, _ => null, Ct));
    }
}
