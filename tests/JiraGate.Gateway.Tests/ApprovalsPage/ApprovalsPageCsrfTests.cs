using System.Net;
using JiraGate.Governance.Approvals;

namespace JiraGate.Gateway.Tests.ApprovalsPage;

public sealed class ApprovalsPageCsrfTests
{
    private const string DeleteArgs = """{"issue_key":"SEC-456"}""";

    [Fact]
    public async Task Approve_WithoutToken_400AndNothingChanges()
    {
        FakePipeline? pipeline = null;
        await using var host = await PageHost.StartAsync(s => s.AddSingleton<JiraGate.Governance.Pipeline.IOperationPipeline>(sp => pipeline = new FakePipeline(sp.GetRequiredService<ApprovalService>())));
        var approval = await host.RequestAsync("issues:delete", DeleteArgs);
        using var client = host.NewClient();
        await client.SignInAsync(host.AliceKey);
        await client.GetAsync($"/approvals/{approval.Id}");

        var page = await client.PostAsync($"/approvals/{approval.Id}/approve", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Nothing was changed", page.Html, StringComparison.Ordinal);
        Assert.Equal(ApprovalState.Pending, (await host.GetAsync(approval.Id)).State);
        Assert.Equal(0, pipeline?.Executions ?? 0);
    }

    [Fact]
    public async Task Approve_TokenOfAnotherSession_400()
    {
        await using var host = await PageHost.StartAsync();
        var approval = await host.RequestAsync("issues:delete", DeleteArgs);
        using var attacker = host.NewClient();
        await attacker.SignInAsync(host.OliviaKey);
        await attacker.GetAsync("/approvals");
        using var victim = host.NewClient();
        await victim.SignInAsync(host.AliceKey);
        await victim.GetAsync("/approvals");

        var page = await victim.PostAsync($"/approvals/{approval.Id}/approve",
            new Dictionary<string, string> { ["__csrf"] = attacker.Token! }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(ApprovalState.Pending, (await host.GetAsync(approval.Id)).State);
    }

    [Fact]
    public async Task SignIn_WithoutToken_400()
    {
        await using var host = await PageHost.StartAsync();
        using var client = host.NewClient();

        var page = await client.PostAsync("/approvals/sign-in", new Dictionary<string, string> { ["key"] = host.AliceKey }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.DoesNotContain(page.SetCookies, c => c.StartsWith("jiragate_approver=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignOut_WithoutToken_400AndStillSignedIn()
    {
        await using var host = await PageHost.StartAsync();
        using var client = host.NewClient();
        await client.SignInAsync(host.AliceKey);

        var page = await client.PostAsync("/approvals/sign-out", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/approvals")).Status);
    }

    [Fact]
    public async Task Pages_CarryNoScriptPolicyAndNoFraming()
    {
        await using var host = await PageHost.StartAsync();
        using var client = host.NewClient();

        var page = await client.GetAsync("/approvals/sign-in");

        Assert.Contains("default-src 'none'", page.Headers["Content-Security-Policy"], StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", page.Headers["Content-Security-Policy"], StringComparison.Ordinal);
        Assert.Equal("DENY", page.Headers["X-Frame-Options"]);
        Assert.Equal("nosniff", page.Headers["X-Content-Type-Options"]);
        Assert.DoesNotContain("<script", page.Html, StringComparison.OrdinalIgnoreCase);
        var css = await client.GetAsync("/approvals/assets/approvals.css");
        Assert.Equal(HttpStatusCode.OK, css.Status);
        Assert.Contains(":focus-visible", css.Html, StringComparison.Ordinal);
    }
}
