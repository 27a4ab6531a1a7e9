using JiraGate.Cli.Hosting;
using JiraGate.Jira;

namespace JiraGate.Cli.Tests.Config;

/// <summary>docs/jiragate.example.yaml (shown in the README) is a working config once its vault entries exist.</summary>
public sealed class ExampleConfigTests : IDisposable
{
    private readonly ConfigHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static string ExamplePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", "jiragate.example.yaml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("docs/jiragate.example.yaml not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void Example_Parses_WithoutAMistake()
    {
        var config = ServeConfig.Load(ExamplePath());
        Assert.Empty(config.Errors);
        Assert.Equal(["prod", "onprem"], config.Connections.Select(c => c.Name));
        Assert.Equal(["soc-triage", "release-bot"], config.Agents.Select(a => a.Id));
        Assert.Equal(["jira-approvals", "secops"], config.Channels.Select(c => c.Name));
    }

    [Fact]
    public async Task Example_WithItsVaultEntries_LoadsCompletely()
    {
        File.Copy(ExamplePath(), _h.ConfigPath);
        // The README's commands, as written there.
        await _h.VaultSetApiTokenAsync("jira/prod", "jira-bot@acme.com", "CANARY-example-token");
        await _h.VaultSetAsync("jira/onprem", "CANARY-example-pat", "--kind", "pat");
        await _h.VaultSetAsync("slack/approvals", "https://hooks.slack.com/services/T000/B000/CANARY", "--kind", "secret");
        await _h.VaultSetAsync("slack/secops", "https://hooks.slack.com/services/T000/B001/CANARY", "--kind", "secret");

        var (config, errors) = await _h.LoadAsync();
        Assert.Empty(errors);
        Assert.Equal(Path.Combine(_h.Dir.Root, ".jiragate"), config!.DataDir);
        Assert.Equal([JiraDeployment.Cloud, JiraDeployment.DataCenter], config.Sites.Select(s => s.Deployment));
        Assert.Equal(16, config.Sites[0].MaxConcurrency);
        Assert.Equal(["prod", "onprem"], config.Agents.Select(a => a.ResolvedConnection));
        Assert.Equal(["high"], config.Channels[0].Risks);
        Assert.DoesNotContain("CANARY", string.Join(" ", config.Sites.Select(s => s.Description)), StringComparison.Ordinal);
    }
}
