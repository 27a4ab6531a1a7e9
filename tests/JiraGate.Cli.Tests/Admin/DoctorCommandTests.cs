using Microsoft.Extensions.Time.Testing;
using JiraGate.Cli.Admin;

namespace JiraGate.Cli.Tests.Admin;

/// <summary>doctor against the in-process sandbox (no configuration), as <c>serve</c> uses it.</summary>
public sealed class DoctorCommandTests : IDisposable
{
    private readonly TempDataDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static IEnumerable<(string Name, string Status)> Checks(CliResult r) =>
        r.Json().GetProperty("checks").EnumerateArray().Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("status").GetString()!));

    [Fact]
    public async Task Doctor_FreshMachine_SandboxChecksPass()
    {
        var r = await _dir.RunAsync("doctor", "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        var checks = Checks(r).ToDictionary(c => c.Name, c => c.Status);
        Assert.Equal("skip", checks["database"]);
        Assert.Equal("ok", checks["connectivity"]);
        Assert.Equal("ok", checks["auth"]);
        Assert.Equal("ok", checks["permissions"]);
        Assert.Equal("ok", checks["clock"]);
        Assert.True(r.Json().GetProperty("healthy").GetBoolean());
        Assert.Contains("sandbox", r.Json().GetProperty("target").GetString());
    }

    [Fact]
    public async Task Doctor_WithDataDir_ReadableOutput()
    {
        await _dir.RunAsync("agents", "add", "bot", "--org", "acme", "--owner", "olga", "--policy", "jira-readonly");
        var r = await _dir.RunAsync("doctor");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("✓ database", r.Out);
        Assert.Contains("✓ audit chain", r.Out);
        Assert.Contains("✓ permissions", r.Out);
        Assert.Contains("All checks passed.", r.Out);
    }

    [Fact]
    public async Task Doctor_TamperedAuditChain_FailsWithSeven()
    {
        await _dir.RunAsync("agents", "add", "bot", "--org", "acme", "--owner", "olga", "--policy", "jira-readonly");
        await _dir.CallAsync("bot", "acme", "issues:read", """{"jql":"project = SEC","max_results":5}""");
        _dir.Execute("UPDATE audit_records SET agent = 'someone-else' WHERE seq = 1");
        var r = await _dir.RunAsync("doctor");
        Assert.Equal(ExitCodes.CheckFailed, r.ExitCode);
        Assert.Contains("✗ audit chain", r.Out);
        Assert.Contains("fix:", r.Out);
    }

    [Fact]
    public async Task Doctor_ExpiredToken_Fails()
    {
        await _dir.RunWithStdinAsync("t", "vault", "set", "jira/old", "--kind", "pat", "--expires", "2020-01-01");
        var r = await _dir.RunAsync("doctor", "--json");
        Assert.Equal(ExitCodes.CheckFailed, r.ExitCode);
        Assert.Contains(("token expiry", "fail"), Checks(r));
    }

    [Fact]
    public async Task Doctor_ClockAnHourOff_Fails()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow() + TimeSpan.FromHours(1));
        CliResult r;
        using (AdminClock.Use(clock))
        {
            r = await _dir.RunAsync("doctor");
        }
        Assert.Equal(ExitCodes.CheckFailed, r.ExitCode);
        Assert.Contains("✗ clock", r.Out);
        Assert.Contains("ahead of", r.Out);
    }
}
