using JiraGate.Jira.Authentication;
using JiraGate.Jira.Jql;
using JiraGate.Jira.RichText;
using JiraGate.Sandbox.Hosting;

namespace JiraGate.Jira.Tests;

/// <summary>The README's client example, run as written (against the sandbox instead of a real site).</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task ReadmeClientExample_Runs()
    {
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions(), TestContext.Current.CancellationToken);
        var siteUrl = sandbox.BaseUrl;
        var ct = TestContext.Current.CancellationToken;

        // --- README example starts ---
        var services = new ServiceCollection();
        services.AddJiraClient(o =>
        {
            o.BaseUrl = siteUrl;                                            // https://acme.atlassian.net
            o.Credentials = new ApiTokenCredentials("alice@example.com", "sandbox-token-alice");
        });
        await using var provider = services.BuildServiceProvider();
        var jira = provider.GetRequiredService<JiraClient>();

        var jql = JqlQuery.Where("project").Eq("SEC").And("status").Eq("Open").OrderBy("created", JqlSort.Descending);
        var summaries = new List<string>();
        await foreach (var issue in jira.Issues.SearchAsync(jql.ToString(), new SearchOptions { Fields = ["summary", "description"], Limit = 5 }, ct))
        {
            summaries.Add($"{issue.Key}: {issue.Fields.Summary}");
        }
        var detail = await jira.Issues.GetIssueAsync("SEC-456", cancellationToken: ct);
        var markdown = AdfConverter.ToMarkdown(System.Text.Json.Nodes.JsonNode.Parse(detail.Fields.Description!.Value.GetRawText()));
        // --- README example ends ---

        Assert.Equal(5, summaries.Count);
        Assert.StartsWith("SEC-", summaries[0], StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(markdown));
    }
}
