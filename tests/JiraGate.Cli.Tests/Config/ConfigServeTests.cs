using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Model;

namespace JiraGate.Cli.Tests.Config;

/// <summary>serve --config against other in-process sandboxes: calls go to the agent's connection; the file's agents are created once.</summary>
public sealed class ConfigServeTests : IDisposable
{
    private readonly ConfigHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static bool Has(SandboxHost sandbox, string summary) => sandbox.Site.Read(s => s.Issues.Any(i => i.Summary == summary));

    private static string Create(string summary) => $$"""{"project_key":"SEC","issue_type":"Bug","summary":"{{summary}}"}""";

    [Fact]
    public async Task Serve_OneConnection_CallsGoToThatSiteWithTheVaultCredentials()
    {
        await using var second = await SandboxHost.StartAsync(new SandboxOptions { Port = 0 }, Ct);
        await _h.VaultSetApiTokenAsync("jira/second", DemoCredentials.Ada.Email, DemoCredentials.Ada.ApiToken);
        _h.Write($"""
            connections:
              second:
                base_url: {second.BaseUrl}
                credential: jira/second
                max_concurrency: 4
            agents:
              - id: soc
                policies: [jira-soc-triage]
                description: SOC triage bot
            """);

        await using var gateway = await _h.StartAsync();
        var banner = gateway.Banner;
        Assert.Equal("config", banner.GetProperty("mode").GetString());
        // No in-process sandbox is started: the only Jira is the configured one.
        Assert.Equal(second.BaseUrl.ToString().TrimEnd('/'), banner.GetProperty("jira").GetString());
        var key = gateway.KeyOf("soc");
        Assert.StartsWith("jg_agent_", key, StringComparison.Ordinal);

        var summary = "routed-" + Guid.NewGuid().ToString("n");
        var before = second.Site.Version;
        var (status, body) = await gateway.CallAsync(key!, "issues:create", Create(summary));
        Assert.True(status == 200, body.ToString());
        Assert.True(Has(second, summary));
        Assert.True(second.Site.Version > before);
        // Signed in with the vault's credentials (Ada), not the sandbox's service account.
        var reporter = second.Site.Read(s => s.Issues.Single(i => i.Summary == summary).ReporterAccountId);
        Assert.Equal(second.Site.Read(s => s.UserByEmail(DemoCredentials.Ada.Email)!.AccountId), reporter);
        Assert.DoesNotContain(DemoCredentials.Ada.ApiToken, gateway.Output + gateway.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_TwoConnections_EachAgentsCallsGoToItsOwnSite()
    {
        await using var a = await SandboxHost.StartAsync(new SandboxOptions { Port = 0 }, Ct);
        await using var b = await SandboxHost.StartAsync(new SandboxOptions { Port = 0 }, Ct);
        await _h.VaultSetApiTokenAsync("jira/a", DemoCredentials.Ada.Email, DemoCredentials.Ada.ApiToken);
        await _h.VaultSetApiTokenAsync("jira/b", DemoCredentials.Bot.Email, DemoCredentials.Bot.ApiToken);
        _h.Write($"""
            connections:
              a: {"{"} base_url: "{a.BaseUrl}", credential: jira/a, deployment: cloud {"}"}
              b: {"{"} base_url: "{b.BaseUrl}", credential: jira/b {"}"}
            agents:
              - id: agent-a
                connection: a
                policies: [jira-soc-triage]
              - id: agent-b
                connection: b
                policies: [jira-soc-triage]
            """);

        await using var gateway = await _h.StartAsync();
        var toA = "to-a-" + Guid.NewGuid().ToString("n");
        var toB = "to-b-" + Guid.NewGuid().ToString("n");
        Assert.Equal(200, (await gateway.CallAsync(gateway.KeyOf("agent-a")!, "issues:create", Create(toA))).Status);
        Assert.Equal(200, (await gateway.CallAsync(gateway.KeyOf("agent-b")!, "issues:create", Create(toB))).Status);

        Assert.True(Has(a, toA));
        Assert.False(Has(a, toB));
        Assert.True(Has(b, toB));
        Assert.False(Has(b, toA));
        var connections = gateway.Banner.GetProperty("connections").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Equal(["a", "b"], connections);
    }

    [Fact]
    public async Task Serve_DataCenterConnectionWithAPat_CallsGoThere()
    {
        await using var dc = await SandboxHost.StartAsync(new SandboxOptions { Port = 0, Flavor = SandboxFlavor.DataCenter }, Ct);
        await _h.VaultSetAsync("jira/dc", DemoCredentials.Bot.PersonalAccessToken, "--kind", "pat");
        _h.Write($"""
            connections:
              dc:
                base_url: {dc.BaseUrl}
                credential: jira/dc
                deployment: data_center
            agents:
              - id: soc
                policies: [jira-soc-triage]
            """);

        await using var gateway = await _h.StartAsync();
        Assert.Equal("data_center", gateway.Banner.GetProperty("connections")[0].GetProperty("deployment").GetString());
        var summary = "dc-" + Guid.NewGuid().ToString("n");
        var (status, body) = await gateway.CallAsync(gateway.KeyOf("soc")!, "issues:create", Create(summary));
        Assert.True(status == 200, body.ToString());
        Assert.True(Has(dc, summary));
        Assert.DoesNotContain(DemoCredentials.Bot.PersonalAccessToken, gateway.Output + gateway.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_OAuthClientConnection_SignsInAsTheServiceAccountThroughTheGateway()
    {
        await using var cloud = await SandboxHost.StartAsync(new SandboxOptions { Port = 0 }, Ct);
        await _h.VaultSetAsync("jira/oauth", DemoCredentials.OAuthClientSecret, "--kind", "oauth-client", "--client-id", DemoCredentials.OAuthClientId);
        // The sandbox is also the OAuth server and the API gateway (requests go to /ex/jira/{cloud id}/…).
        _h.Write($"""
            connections:
              oauth:
                base_url: {cloud.BaseUrl}
                credential: jira/oauth
                api_gateway_url: {cloud.BaseUrl}
                auth_server_url: {cloud.BaseUrl}
            agents:
              - id: soc
                policies: [jira-soc-triage]
            """);

        await using var gateway = await _h.StartAsync();
        var summary = "oauth-" + Guid.NewGuid().ToString("n");
        var (status, body) = await gateway.CallAsync(gateway.KeyOf("soc")!, "issues:create", Create(summary));
        Assert.True(status == 200, body.ToString());
        var reporter = cloud.Site.Read(s => s.Issues.Single(i => i.Summary == summary).ReporterAccountId);
        Assert.Equal("app", cloud.Site.Read(s => s.UserByAccountId(reporter)!.AccountType));
        Assert.DoesNotContain(DemoCredentials.OAuthClientSecret, gateway.Output + gateway.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_ConfigAgents_CreatedOnceThenUpdatedToTheFile_KeyNeverShownAgain()
    {
        var legacy = await _h.Dir.RunAsync("agents", "add", "legacy", "--org", "default", "--owner", "olga", "--policy", "jira-readonly");
        Assert.True(legacy.ExitCode == 0, legacy.ToString());
        _h.Write("""
            agents:
              - id: soc
                policies: [jira-soc-triage]
            """);
        string key;
        await using (var first = await _h.StartAsync())
        {
            key = first.KeyOf("soc")!;
            Assert.StartsWith("jg_agent_", key, StringComparison.Ordinal);
            var banner = first.Banner;
            Assert.Equal("created", banner.GetProperty("agents")[0].GetProperty("state").GetString());
            Assert.Equal("legacy", Assert.Single(banner.GetProperty("agents_not_in_file").EnumerateArray()).GetString());
            Assert.Equal(0, banner.GetProperty("approvers").GetInt32());
            Assert.False(banner.TryGetProperty("demo_agent", out _));
            Assert.Contains("issues:create", await OperationsAsync(first, key), StringComparison.Ordinal);
        }

        _h.Write("""
            agents:
              - id: soc
                policies: [jira-readonly]
            """);
        await using (var second = await _h.StartAsync())
        {
            Assert.DoesNotContain("jg_agent_", second.Output, StringComparison.Ordinal);
            Assert.Null(second.KeyOf("soc"));
            Assert.Equal("updated", second.Banner.GetProperty("agents")[0].GetProperty("state").GetString());
            var operations = await OperationsAsync(second, key);
            Assert.DoesNotContain("issues:create", operations, StringComparison.Ordinal);
            Assert.Contains("boards:read", operations, StringComparison.Ordinal);
        }

        await using (var third = await _h.StartAsync(json: false))
        {
            Assert.DoesNotContain("jg_agent_", third.Output, StringComparison.Ordinal);
            Assert.Contains("agent soc", third.Output, StringComparison.Ordinal);
            Assert.Contains("(unchanged)", third.Output, StringComparison.Ordinal);
            Assert.Contains("Not in jiragate.yaml, left as they are: legacy", third.Output, StringComparison.Ordinal);
            Assert.Contains("No approver yet", third.Output, StringComparison.Ordinal);
            Assert.Contains("jiragate approvers add", third.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("demo-agent", third.Output, StringComparison.Ordinal);
        }
    }

    private static async Task<string> OperationsAsync(RunningGateway gateway, string key)
    {
        var (status, body) = await gateway.GetAsync(key, "v1/operations");
        Assert.Equal(200, status);
        return body;
    }
}
