namespace JiraGate.Cli.Tests.Admin;

public sealed class VaultCommandTests : IDisposable
{
    private const string Token = "ATATT-not-a-real-token-42";
    private readonly TempDataDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Set_FromStdin_GetRedactsUnlessReveal()
    {
        var set = await _dir.RunWithStdinAsync(Token + "\n", "vault", "set", "jira/acme", "--kind", "api-token", "--email", "ada@example.com");
        Assert.True(set.ExitCode == 0, set.ToString());
        Assert.DoesNotContain(Token, set.Out + set.Err);

        var get = await _dir.RunAsync("vault", "get", "jira/acme");
        Assert.True(get.ExitCode == 0, get.ToString());
        Assert.Contains("ada@example.com", get.Out);
        Assert.Contains("[redacted]", get.Out);
        Assert.DoesNotContain(Token, get.Out + get.Err);
        var json = await _dir.RunAsync("vault", "get", "jira/acme", "--json");
        Assert.DoesNotContain(Token, json.Out);
        Assert.False(json.Json().GetProperty("revealed").GetBoolean());

        var revealed = await _dir.RunAsync("vault", "get", "jira/acme", "--reveal", "--json");
        var token = revealed.Json().GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "token");
        Assert.Equal(Token, token.GetProperty("value").GetString());
    }

    [Fact]
    public async Task Set_FromEnv_ListAndRemove()
    {
        var variable = "JG_TEST_SECRET_" + Guid.NewGuid().ToString("n");
        Environment.SetEnvironmentVariable(variable, "pat-value-123");
        try
        {
            var set = await _dir.RunAsync("vault", "set", "jira/dc", "--kind", "pat", "--from-env", variable, "--expires", "365d");
            Assert.True(set.ExitCode == 0, set.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
        var list = await _dir.RunAsync("vault", "list", "--json");
        var entry = list.Json().EnumerateArray().Single(e => e.GetProperty("path").GetString() == "jira/dc");
        Assert.Equal("pat", entry.GetProperty("kind").GetString());
        Assert.Equal("valid", entry.GetProperty("expiry_state").GetString());
        Assert.DoesNotContain("pat-value-123", list.Out);

        Assert.Equal(0, (await _dir.RunAsync("vault", "rm", "jira/dc")).ExitCode);
        Assert.Equal(ExitCodes.Usage, (await _dir.RunAsync("vault", "get", "jira/dc")).ExitCode);
        Assert.Equal(ExitCodes.Usage, (await _dir.RunAsync("vault", "rm", "jira/dc")).ExitCode);
    }

    [Fact]
    public async Task List_WarnsAboutExpiredEntries()
    {
        await _dir.RunWithStdinAsync("old", "vault", "set", "jira/old", "--kind", "pat", "--expires", "2020-01-01");
        var list = await _dir.RunAsync("vault", "list");
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("jira/old", list.Out);
        Assert.Contains("expired", list.Out);
        Assert.Contains("warning: jira/old expired", list.Err);
    }

    [Fact]
    public async Task Set_MissingRequiredFieldOrEnv_IsUsageError()
    {
        var noEmail = await _dir.RunWithStdinAsync(Token, "vault", "set", "jira/acme", "--kind", "api-token");
        Assert.Equal(ExitCodes.Usage, noEmail.ExitCode);
        Assert.Contains("--email", noEmail.Err);
        var noEnv = await _dir.RunAsync("vault", "set", "jira/acme", "--kind", "pat", "--from-env", "JG_TEST_UNSET_" + Guid.NewGuid().ToString("n"));
        Assert.Equal(ExitCodes.Usage, noEnv.ExitCode);
        var badKind = await _dir.RunAsync("vault", "set", "jira/acme", "--kind", "password");
        Assert.NotEqual(0, badKind.ExitCode);
    }
}
