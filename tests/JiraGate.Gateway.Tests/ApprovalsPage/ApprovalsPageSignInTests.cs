using System.Net;
using JiraGate.Gateway.ApprovalsPage;

namespace JiraGate.Gateway.Tests.ApprovalsPage;

public sealed class ApprovalsPageSignInTests
{
    [Fact]
    public async Task List_WithoutSession_RedirectsToSignIn()
    {
        await using var host = await PageHost.StartAsync();
        using var client = host.NewClient();

        var page = await client.GetAsync("/approvals");

        Assert.Equal(HttpStatusCode.SeeOther, page.Status);
        Assert.Equal("/approvals/sign-in?return=%2Fapprovals", page.Location);
    }

    [Fact]
    public async Task SignIn_GoodApproverKey_StartsHttpOnlyStrictSessionAndShowsQueue()
    {
        await using var host = await PageHost.StartAsync();
        using var client = host.NewClient();

        var signIn = await client.SignInAsync(host.AliceKey);

        Assert.Equal(HttpStatusCode.SeeOther, signIn.Status);
        Assert.Equal("/approvals?signed_in=1", signIn.Location);
        var session = Assert.Single(signIn.SetCookies, c => c.StartsWith(ApprovalsPageDefaults.SessionCookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/approvals", session, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", session.Replace("samesite", "", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase); // plain http here
        Assert.DoesNotContain(host.AliceKey, session, StringComparison.Ordinal);

        var list = await client.GetAsync("/approvals");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains("Signed in as <strong>Alice Analyst</strong>", list.Html, StringComparison.Ordinal);
        Assert.Contains("Nothing is waiting for a decision", list.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wrong-secret", "was not accepted")]
    [InlineData("unknown-id", "was not accepted")]
    [InlineData("empty", "not an approver key")]
    public async Task SignIn_BadKey_401WithReasonAndNoSession(string kind, string expected)
    {
        await using var host = await PageHost.StartAsync();
        using var client = host.NewClient();
        var good = host.AliceKey;
        var key = kind switch
        {
            // Well-formed: the same length and shape, one character of the secret (or of the key id) changed.
            "wrong-secret" => good[..^1] + (good[^1] == 'a' ? 'b' : 'a'),
            "unknown-id" => good[..8] + (good[8] == 'a' ? 'b' : 'a') + good[9..],
            _ => "",
        };

        var page = await client.SignInAsync(key);

        Assert.Equal(HttpStatusCode.Unauthorized, page.Status);
        Assert.Contains(expected, page.Html, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(page.SetCookies, c => c.StartsWith(ApprovalsPageDefaults.SessionCookieName + "=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.SeeOther, (await client.GetAsync("/approvals")).Status);
    }

    [Fact]
    public async Task SignIn_AgentKey_RefusedAsNotAnApproverKey()
    {
        await using var host = await PageHost.StartAsync();
        using var client = host.NewClient();

        var page = await client.SignInAsync(host.AgentKey);

        Assert.Equal(HttpStatusCode.Unauthorized, page.Status);
        Assert.Contains("an agent&#x27;s key cannot approve", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(host.AgentKey, page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_KeyRevoked_EndsAtOnce()
    {
        await using var host = await PageHost.StartAsync();
        using var client = host.NewClient();
        await client.SignInAsync(host.AliceKey);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/approvals")).Status);

        await host.Approvers.RevokeKeysAsync("alice", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.SeeOther, (await client.GetAsync("/approvals")).Status);
    }

    [Fact]
    public async Task SignOut_EndsSession()
    {
        await using var host = await PageHost.StartAsync();
        using var client = host.NewClient();
        await client.SignInAsync(host.AliceKey);
        await client.GetAsync("/approvals");

        var page = await client.PostAsync("/approvals/sign-out");

        Assert.Equal(HttpStatusCode.SeeOther, page.Status);
        Assert.Equal("/approvals/sign-in?signed_out=1", page.Location);
        Assert.Equal(HttpStatusCode.SeeOther, (await client.GetAsync("/approvals")).Status);
    }

    [Fact]
    public async Task SignIn_ReturnToOtherSite_Ignored()
    {
        await using var host = await PageHost.StartAsync();
        using var client = host.NewClient();
        await client.GetAsync("/approvals/sign-in");

        var page = await client.PostAsync("/approvals/sign-in", new Dictionary<string, string> { ["key"] = host.AliceKey, ["return"] = "//evil.example/approvals" });

        Assert.Equal("/approvals?signed_in=1", page.Location);
    }

    [Theory]
    [InlineData(null, "/approvals")]
    [InlineData("/approvals/apr_abc", "/approvals/apr_abc")]
    [InlineData("https://evil.example/", "/approvals")]
    [InlineData("//evil.example/approvals", "/approvals")]
    [InlineData("/approvalsx", "/approvals")]
    [InlineData("/other", "/approvals")]
    [InlineData("/approvals/\\evil", "/approvals")]
    public void SafeReturn_OnlyPathsOfThePage(string? candidate, string expected) =>
        Assert.Equal(expected, ApprovalsPageHandlers.SafeReturn(candidate));
}
