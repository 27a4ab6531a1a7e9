namespace JiraGate.Cli.Tests.Admin;

public sealed class PolicyCommandTests : IDisposable
{
    private readonly TempDataDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.Root, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Validate_ValidFile_ListsPoliciesAndExitsZero()
    {
        var file = Write("ok.yaml", """
            - name: readers
              connector: jira
              operations: ["issues:read*"]
              risk_max: low
              approval: none
            """);
        var r = await _dir.RunAsync("policy", "validate", file);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("readers", r.Out);
        var json = (await _dir.RunAsync("policy", "validate", file, "--json")).Json();
        Assert.True(json.GetProperty("valid").GetBoolean());
        Assert.Equal("readers", json.GetProperty("policies")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Validate_InvalidFile_PrintsFileLineColumnAndExitsSeven()
    {
        var file = Write("bad.yaml", """
            - name: broken
              connector: jira
              operations: ["issues:read"]
              risk_max: extreme
              approval: none
            """);
        var r = await _dir.RunAsync("policy", "validate", file);
        Assert.Equal(ExitCodes.CheckFailed, r.ExitCode);
        Assert.Matches(@"bad\.yaml:4:\d+: ", r.Err);
        var json = await _dir.RunAsync("policy", "validate", file, "--json");
        Assert.Equal(ExitCodes.CheckFailed, json.ExitCode);
        var error = json.Json().GetProperty("errors")[0];
        Assert.Equal(4, error.GetProperty("line").GetInt32());
        Assert.EndsWith("bad.yaml", error.GetProperty("file").GetString());
    }

    [Fact]
    public async Task Validate_MissingFile_IsUsageError()
    {
        var r = await _dir.RunAsync("policy", "validate", Path.Combine(_dir.Root, "nope.yaml"));
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.Contains("does not exist", r.Err);
    }

    [Fact]
    public async Task Explain_ByPolicies_NamesPolicyGlobAndRule()
    {
        var r = await _dir.RunAsync("policy", "explain", "--policies", "jira-soc-triage", "issues:delete", "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        var json = r.Json();
        Assert.Equal("deny", json.GetProperty("effect").GetString());
        Assert.Equal("issues:delete", json.GetProperty("operation").GetString());
        Assert.NotEqual(0, json.GetProperty("trace").GetArrayLength());

        var granted = (await _dir.RunAsync("policy", "explain", "--policies", "jira-soc-triage", "issues:create", "--json")).Json();
        Assert.Equal("allow", granted.GetProperty("effect").GetString());
        Assert.Equal("jira-soc-triage", granted.GetProperty("policy").GetString());
        Assert.Equal("granted", granted.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Explain_ByAgent_UsesTheAgentsBoundPolicies()
    {
        Assert.Equal(0, (await _dir.RunAsync("agents", "add", "ops", "--org", "acme", "--owner", "olga", "--policy", "jira-full-management")).ExitCode);
        var r = await _dir.RunAsync("policy", "explain", "--agent", "ops", "issues:delete");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("jira-full-management", r.Out);
        Assert.Contains("hitl", r.Out);
    }

    [Fact]
    public async Task Explain_NeitherAgentNorPolicies_IsUsageError()
    {
        var r = await _dir.RunAsync("policy", "explain", "issues:read");
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.Contains("--agent", r.Err);
    }

    [Fact]
    public async Task Test_PassingAndFailingSuites_ExitZeroAndSeven()
    {
        var passing = Write("pass.yaml", """
            agents:
              bot: [jira-soc-triage]
            cases:
              - name: triage can create
                agent: bot
                operation: issues:create
                arguments: { project_key: SEC, issue_type: Task, summary: hi }
                expect: allow
              - name: triage cannot delete
                agent: bot
                operation: issues:delete
                arguments: { issue_key: SEC-1 }
                expect: deny
            """);
        var ok = await _dir.RunAsync("policy", "test", passing);
        Assert.True(ok.ExitCode == 0, ok.ToString());
        Assert.Contains("2 passed, 0 failed", ok.Out);

        var failing = Write("fail.yaml", """
            cases:
              - name: readonly may delete (wrong)
                policies: [jira-readonly]
                operation: issues:delete
                arguments: { issue_key: SEC-1 }
                expect: allow
            """);
        var bad = await _dir.RunAsync("policy", "test", failing, "--json");
        Assert.Equal(ExitCodes.CheckFailed, bad.ExitCode);
        var json = bad.Json();
        Assert.False(json.GetProperty("passed").GetBoolean());
        Assert.Equal("deny", json.GetProperty("cases")[0].GetProperty("actual").GetString());
    }
}
