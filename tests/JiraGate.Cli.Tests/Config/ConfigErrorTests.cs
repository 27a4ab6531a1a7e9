using JiraGate.Cli.Tests.Serve;

namespace JiraGate.Cli.Tests.Config;

/// <summary>Every mistake of jiragate.yaml is reported at once as file:line:col with the fix; nothing starts.</summary>
public sealed class ConfigErrorTests : IDisposable
{
    private readonly ConfigHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static string Yaml(params string[] lines) => string.Join('\n', lines) + "\n";

    /// <summary>"file:line:col" of the first occurrence of <paramref name="text"/> on 1-based <paramref name="line"/>.</summary>
    private string At(string yaml, int line, string text) =>
        $"{_h.ConfigPath}:{line}:{yaml.Split('\n')[line - 1].IndexOf(text, StringComparison.Ordinal) + 1}: ";

    private async Task<string> ErrorsAsync(string yaml)
    {
        _h.Write(yaml);
        var (config, errors) = await _h.LoadAsync();
        Assert.Null(config);
        return string.Join('\n', errors);
    }

    [Fact]
    public async Task Load_SecretInConnection_RefusedAtItsKeyWithTheVaultCommandAndNeverEchoed()
    {
        var yaml = Yaml("storage:", "  path: ./.jiragate", "connections:", "  prod:", "    base_url: https://acme.atlassian.net",
            "    credential: jira/prod", "    api_token: CANARY-4f1c9e-token");
        var errors = await ErrorsAsync(yaml);
        Assert.Contains(At(yaml, 7, "api_token") + "'connections.prod.api_token' puts a secret in the config file", errors, StringComparison.Ordinal);
        Assert.Contains("jiragate vault set jira/prod", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY-4f1c9e", errors, StringComparison.Ordinal);
        // Reported together with the other mistake: the vault has no such entry yet.
        Assert.Contains(At(yaml, 6, "jira/prod"), errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("gopher://acme.example.com/")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://2852039166/")]
    [InlineData("https://[fe80::1]/")]
    [InlineData("https://0.0.0.0:8443")]
    [InlineData("https://metadata.google.internal/computeMetadata/v1")]
    [InlineData("https://bot:hunter2@acme.atlassian.net")]
    [InlineData("http://jira.internal.example.com")]
    [InlineData("https://acme.atlassian.net/?next=http://169.254.169.254")]
    [InlineData("not a url")]
    public async Task Load_SsrfBaseUrl_RefusedAtTheValue(string url)
    {
        var yaml = Yaml("storage:", "  path: ./.jiragate", "connections:", "  prod:", $"    base_url: \"{url}\"", "    credential: jira/prod");
        var errors = await ErrorsAsync(yaml);
        Assert.Contains(At(yaml, 5, "\"") + "'connections.prod.base_url'", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_AllowInsecureHttpOnAConnection_RefusedWithTheReason()
    {
        var yaml = Yaml("storage:", "  path: ./.jiragate", "connections:", "  prod:", "    base_url: http://jira.example.com",
            "    credential: jira/prod", "    allow_insecure_http: true");
        var errors = await ErrorsAsync(yaml);
        Assert.Contains(At(yaml, 7, "allow_insecure_http") + "'allow_insecure_http' is not accepted for Jira connections", errors, StringComparison.Ordinal);
        Assert.Contains(At(yaml, 5, "http://") + "'connections.prod.base_url' is refused: plain http", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_MissingVaultEntry_ErrorAtCredentialWithTheCommandToFixIt()
    {
        var yaml = Yaml("storage:", "  path: ./.jiragate", "connections:", "  prod:", "    base_url: https://acme.atlassian.net", "    credential: jira/prod");
        var errors = await ErrorsAsync(yaml);
        Assert.Contains(At(yaml, 6, "jira/prod"), errors, StringComparison.Ordinal);
        Assert.Contains("jiragate vault set jira/prod --kind api-token", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_VaultEntryOfTheWrongKind_ErrorAtCredential()
    {
        await _h.VaultSetAsync("jira/prod", "CANARY-pat-77", "--kind", "pat");
        var yaml = Yaml("storage:", "  path: ./.jiragate", "connections:", "  prod:", "    base_url: https://acme.atlassian.net", "    credential: jira/prod");
        var errors = await ErrorsAsync(yaml);
        Assert.Contains(At(yaml, 6, "jira/prod") + "vault entry 'jira/prod' is a pat entry, which Jira Cloud does not accept", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY-pat-77", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_MalformedVaultPath_ErrorAtCredential()
    {
        await _h.VaultSetApiTokenAsync("jira/other", "bot@example.com", "t");
        var yaml = Yaml("storage:", "  path: ./.jiragate", "connections:", "  prod:", "    base_url: https://acme.atlassian.net", "    credential: ../etc/passwd");
        var errors = await ErrorsAsync(yaml);
        Assert.Contains(At(yaml, 6, "../etc") + "'../etc/passwd' is not a vault path", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_AgentWithUnknownPolicy_ErrorAtTheName()
    {
        var yaml = Yaml("storage:", "  path: ./.jiragate", "agents:", "  - id: soc", "    policies: [jira-soc-triage, jira-nope]");
        var errors = await ErrorsAsync(yaml);
        Assert.Contains(At(yaml, 5, "jira-nope") + "policy 'jira-nope' is not loaded. Loaded: jira-soc-triage, jira-readonly, jira-full-management", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_AgentProblems_EachAtItsPlace()
    {
        await _h.VaultSetApiTokenAsync("jira/a", "bot@example.com", "t");
        await _h.VaultSetApiTokenAsync("jira/b", "bot@example.com", "t");
        var yaml = Yaml(
            "storage:",
            "  path: ./.jiragate",
            "connections:",
            "  a: { base_url: https://a.atlassian.net, credential: jira/a }",
            "  b: { base_url: https://b.atlassian.net, credential: jira/b }",
            "agents:",
            "  - id: no-connection",
            "    policies: [jira-readonly]",
            "  - id: wrong-connection",
            "    policies: [jira-readonly]",
            "    connection: c",
            "  - id: typo",
            "    policies: [jira-readonly]",
            "    polices: [x]",
            "  - id: \"bad id!\"",
            "    policies: []",
            "  - policies: [jira-readonly]",
            "  - id: no-policies");
        var errors = await ErrorsAsync(yaml);
        Assert.Contains(At(yaml, 7, "no-connection") + "agent 'no-connection' must name its connection, e.g. 'connection: a' (there are 2: a, b)", errors, StringComparison.Ordinal);
        Assert.Contains($"{_h.ConfigPath}:11:17: connection 'c' is not defined. Defined: a, b.", errors, StringComparison.Ordinal);
        Assert.Contains(At(yaml, 14, "polices") + "unknown key 'agents[typo].polices'. Expected: id, policies, connection, description, org, owner.", errors, StringComparison.Ordinal);
        Assert.Contains(At(yaml, 15, "\"bad") + "agent id 'bad id!' is not valid", errors, StringComparison.Ordinal);
        Assert.Contains(At(yaml, 17, "policies") + "this agent has no 'id'", errors, StringComparison.Ordinal);
        Assert.Contains(At(yaml, 18, "no-policies") + "agent 'no-policies' needs 'policies: [...]'", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_ChannelProblems_EachAtItsPlace()
    {
        await _h.VaultSetAsync("slack/metadata", "http://169.254.169.254/CANARY-hook-path", "--kind", "secret");
        await _h.VaultSetAsync("slack/plain", "http://hooks.example.com/CANARY-plain", "--kind", "secret");
        await _h.VaultSetApiTokenAsync("slack/wrong-kind", "bot@example.com", "t");
        var yaml = Yaml(
            "storage:",
            "  path: ./.jiragate",
            "approval_channels:",
            "  - name: metadata",
            "    kind: webhook",
            "    url_credential: slack/metadata",
            "  - name: plain",
            "    kind: webhook",
            "    url_credential: slack/plain",
            "  - name: risky",
            "    kind: email",
            "    url_credential: slack/missing",
            "    risks: [high, critical]",
            "    policies: [jira-nope]",
            "  - name: literal",
            "    kind: webhook",
            "    webhook_url: https://hooks.slack.com/services/CANARY-literal",
            "  - name: wrong-kind",
            "    url_credential: slack/wrong-kind");
        var errors = await ErrorsAsync(yaml);
        Assert.Contains(At(yaml, 6, "slack/metadata") + "the webhook URL in vault entry 'slack/metadata' is refused: the address is link-local", errors, StringComparison.Ordinal);
        Assert.Contains(At(yaml, 9, "slack/plain") + "the webhook URL in vault entry 'slack/plain' is refused: plain http", errors, StringComparison.Ordinal);
        Assert.Contains(At(yaml, 11, "email") + "'approval_channels[risky].kind' must be 'webhook'", errors, StringComparison.Ordinal);
        Assert.Contains(At(yaml, 12, "slack/missing") + "the vault in ", errors, StringComparison.Ordinal);
        Assert.Contains("jiragate vault set slack/missing --kind secret", errors, StringComparison.Ordinal);
        Assert.Contains(At(yaml, 13, "critical") + "unknown risk 'critical'. Expected any of: low, medium, high.", errors, StringComparison.Ordinal);
        Assert.Contains(At(yaml, 14, "jira-nope") + "policy 'jira-nope' is not loaded", errors, StringComparison.Ordinal);
        Assert.Contains(At(yaml, 17, "webhook_url") + "'approval_channels[literal].webhook_url' puts a secret in the config file", errors, StringComparison.Ordinal);
        Assert.Contains(At(yaml, 15, "literal") + "approval channel 'literal' needs 'url_credential", errors, StringComparison.Ordinal);
        Assert.Contains(At(yaml, 19, "slack/wrong-kind") + "vault entry 'slack/wrong-kind' holds api_token credentials, not a URL; a webhook URL is stored with --kind secret", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_PlainHttpWebhookWithAllowInsecureHttp_Accepted()
    {
        await _h.VaultSetAsync("slack/plain", "http://hooks.example.com/hook", "--kind", "secret");
        _h.Write(Yaml("approval_channels:", "  - name: plain", "    kind: webhook", "    url_credential: slack/plain", "    allow_insecure_http: true"));
        var (config, errors) = await _h.LoadAsync();
        Assert.Empty(errors);
        Assert.Equal("plain", Assert.Single(config!.Channels).Name);
    }

    [Fact]
    public async Task Load_UnknownAndRepeatedSections_Reported()
    {
        var yaml = Yaml("storage:", "  path: ./.jiragate", "  engine: postgres", "  size: 5", "conections: {}");
        var errors = await ErrorsAsync(yaml);
        Assert.Contains(At(yaml, 3, "postgres") + "'storage.engine' must be 'sqlite'", errors, StringComparison.Ordinal);
        Assert.Contains(At(yaml, 4, "size") + "unknown key 'storage.size'. Expected: path, engine.", errors, StringComparison.Ordinal);
        Assert.Contains(At(yaml, 5, "conections") + "unknown section 'conections'. Expected one of: storage, connections, agents, policies, approval_channels.", errors, StringComparison.Ordinal);

        var repeated = Yaml("storage:", "  path: ./a", "storage:", "  path: ./b");
        errors = await ErrorsAsync(repeated);
        Assert.Contains(At(repeated, 3, "storage") + "not valid YAML: Duplicate key storage.", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_ConfigWithManyMistakes_Exit2ListingAllAndCreatingNothing()
    {
        var yaml = Yaml("storage:", "  path: ./state", "connections:", "  prod:", "    base_url: http://169.254.169.254", "    credential: jira/prod",
            "    password: CANARY-pw-91", "agents:", "  - id: soc", "    policies: [nope]");
        _h.Write(yaml);
        var (exit, output, error) = await CliRun.RunAsync("serve", "--config", _h.ConfigPath, "--urls", "http://127.0.0.1:0");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Empty(output);
        Assert.Contains($"error: {_h.ConfigPath} has 4 problem(s); JiraGate did not start:", error, StringComparison.Ordinal);
        Assert.Contains(At(yaml, 5, "http"), error, StringComparison.Ordinal);
        Assert.Contains(At(yaml, 6, "jira/prod"), error, StringComparison.Ordinal);
        Assert.Contains(At(yaml, 7, "password"), error, StringComparison.Ordinal);
        Assert.Contains(At(yaml, 10, "nope"), error, StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY-pw-91", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_h.Dir.Root, "state")));
    }

    [Theory]
    [InlineData("mcp")]
    [InlineData("call")]
    [InlineData("doctor")]
    public async Task OtherCommands_AcceptConfigAndReportItsMistakes(string command)
    {
        var yaml = Yaml("storage:", "  path: ./.jiragate", "agents:", "  - id: soc", "    policies: [nope]");
        _h.Write(yaml);
        string[] args = command switch
        {
            "mcp" => ["mcp", "--agent", "soc", "--config", _h.ConfigPath],
            "call" => ["call", "issues:read", "--agent", "soc", "--config", _h.ConfigPath],
            _ => ["doctor", "--config", _h.ConfigPath],
        };
        var (exit, output, error) = await CliRun.RunAsync(args);
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Empty(output);
        Assert.Contains(At(yaml, 5, "nope") + "policy 'nope' is not loaded", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_ConnectionWithoutConfig_IsAUsageError()
    {
        var r = await _h.Dir.RunAsync("doctor", "--connection", "prod");
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.Contains("--connection names a connection of a config file", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_JiraUrlToMetadataService_Refused()
    {
        var r = await _h.Dir.RunAsync("doctor", "--jira-url", "http://169.254.169.254/", "--jira-credential", "jira/x");
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.Contains("--jira-url is refused", r.Err, StringComparison.Ordinal);
    }
}
