using JiraGate.Jira.Tests.Infrastructure;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Model;

namespace JiraGate.Jira.Tests.HotPath;

/// <summary>
/// The path the benchmark measures, end to end against the sandbox in both flavours: every page is read through the
/// pooled body and parsed in place, exactly the asked-for issues come back in order, and errors still carry Jira's words.
/// </summary>
public sealed class SearchStreamingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task SearchAsync_ManyPages_StreamsExactlyTheLimitInKeyOrder(SandboxFlavor flavor)
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { Flavor = flavor, Seed = new SeedOptions(Issues: 3000, Seed: 42) }, Ct);
        using var services = JiraTestServices.ForSandbox(host, JiraTestServices.Alice(flavor));
        var jira = services.GetRequiredService<JiraClient>();

        var keys = new List<string>();
        await foreach (var issue in jira.Issues.SearchAsync("project = SEC ORDER BY key ASC",
            new SearchOptions { Fields = ["summary", "status", "assignee", "updated"], PageSize = 100, Limit = 1050 }, Ct))
        {
            Assert.NotNull(issue.Fields.Summary);
            Assert.NotNull(issue.Fields.Status?.Name);
            Assert.NotNull(issue.Fields.Updated);
            keys.Add(issue.Key);
        }

        Assert.Equal(1050, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        var numbers = keys.Select(k => int.Parse(k["SEC-".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(numbers.Order(), numbers);
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task SearchPageAsync_BadJql_ValidationErrorWithJirasMessage(SandboxFlavor flavor)
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { Flavor = flavor }, Ct);
        using var services = JiraTestServices.ForSandbox(host, JiraTestServices.Alice(flavor));
        var jira = services.GetRequiredService<JiraClient>();

        var ex = await Assert.ThrowsAsync<JiraValidationException>(() => jira.Issues.SearchPageAsync("project = = SEC", cancellationToken: Ct));
        Assert.NotEmpty(ex.ErrorMessages);
    }
}
