namespace JiraGate.Cli.Tests.Admin;

public sealed class AuditCommandTests : IDisposable
{
    private const string Search = """{"jql":"project = SEC","max_results":5}""";
    private readonly TempDataDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task SeedAsync()
    {
        Assert.Equal(0, (await _dir.RunAsync("agents", "add", "bot", "--org", "acme", "--owner", "olga", "--policy", "jira-soc-triage")).ExitCode);
        Assert.Equal("Ok", await _dir.CallAsync("bot", "acme", "issues:read", Search));
        Assert.Equal("Denied", await _dir.CallAsync("bot", "acme", "issues:delete", """{"issue_key":"SEC-1"}"""));
    }

    [Fact]
    public async Task Verify_IntactChain_ExitsZero()
    {
        await SeedAsync();
        var r = await _dir.RunAsync("audit", "verify");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("intact", r.Out);
        var json = (await _dir.RunAsync("audit", "verify", "--json")).Json();
        Assert.True(json.GetProperty("valid").GetBoolean());
        Assert.True(json.GetProperty("records_checked").GetInt64() >= 3);
    }

    [Fact]
    public async Task Verify_RecordEditedInTheDatabase_NamesItAndExitsSeven()
    {
        await SeedAsync();
        _dir.Execute("UPDATE audit_records SET operation = 'issues:delete' WHERE seq = 2");
        var r = await _dir.RunAsync("audit", "verify");
        Assert.Equal(ExitCodes.CheckFailed, r.ExitCode);
        Assert.Contains("#2", r.Out);
        var json = await _dir.RunAsync("audit", "verify", "--json");
        Assert.Equal(ExitCodes.CheckFailed, json.ExitCode);
        Assert.False(json.Json().GetProperty("valid").GetBoolean());
        Assert.Equal(2, json.Json().GetProperty("first_bad_seq").GetInt64());
    }

    [Fact]
    public async Task Verify_NoDataDirectory_SaysHowToCreateIt()
    {
        var r = await _dir.RunAsync("audit", "verify");
        Assert.Equal(ExitCodes.Unavailable, r.ExitCode);
        Assert.Contains("jiragate serve", r.Err);
    }

    [Fact]
    public async Task List_FiltersAndJsonShape()
    {
        await SeedAsync();
        var all = (await _dir.RunAsync("audit", "list", "--json")).Json();
        Assert.True(all.GetArrayLength() >= 3);
        var denied = (await _dir.RunAsync("audit", "list", "--operation", "issues:delete", "--json")).Json();
        Assert.All(denied.EnumerateArray(), e => Assert.Equal("issues:delete", e.GetProperty("operation").GetString()));
        Assert.NotEqual(0, denied.GetArrayLength());
        var none = await _dir.RunAsync("audit", "list", "--agent", "nobody");
        Assert.Contains("No audit records match", none.Out);
        var table = await _dir.RunAsync("audit", "list", "--since", "1h");
        Assert.Contains("issues:read", table.Out);
        Assert.Equal(ExitCodes.Usage, (await _dir.RunAsync("audit", "list", "--since", "yesterday-ish")).ExitCode);
    }

    [Fact]
    public async Task Export_WritesJsonLinesToAFile()
    {
        await SeedAsync();
        var file = Path.Combine(_dir.Root, "audit.jsonl");
        var r = await _dir.RunAsync("audit", "export", "--output", file);
        Assert.True(r.ExitCode == 0, r.ToString());
        var lines = File.ReadAllLines(file).Where(l => l.Length > 0).ToList();
        Assert.True(lines.Count >= 3);
        Assert.All(lines, l => System.Text.Json.JsonDocument.Parse(l).Dispose());
        var stdout = await _dir.RunAsync("audit", "export");
        Assert.Equal(lines.Count, stdout.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Tail_ShowsTheLastRecords()
    {
        await SeedAsync();
        var json = (await _dir.RunAsync("audit", "tail", "-n", "1", "--json")).Json();
        Assert.Equal(1, json.GetArrayLength());
        var last = json[0].GetProperty("seq").GetInt64();
        var all = (await _dir.RunAsync("audit", "list", "--json")).Json();
        Assert.Equal(all[all.GetArrayLength() - 1].GetProperty("seq").GetInt64(), last);
    }
}
