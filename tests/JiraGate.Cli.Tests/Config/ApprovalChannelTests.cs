namespace JiraGate.Cli.Tests.Config;

/// <summary>approval_channels: each pending approval goes to every channel whose risks and policies match, with a link to this gateway.</summary>
public sealed class ApprovalChannelTests : IDisposable
{
    private readonly ConfigHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PendingApproval_SentToMatchingChannelsOnly_WithTheApprovalsLink()
    {
        await using var hooks = await WebhookListener.StartAsync(Ct);
        await _h.VaultSetAsync("slack/high", hooks.HookUrl("high-CANARY-h1").ToString(), "--kind", "secret");
        await _h.VaultSetAsync("slack/low", hooks.HookUrl("low").ToString(), "--kind", "secret");
        await _h.VaultSetAsync("slack/soc", hooks.HookUrl("soc").ToString(), "--kind", "secret");
        await _h.VaultSetAsync("slack/fm", hooks.HookUrl("fm").ToString(), "--kind", "secret");
        _h.Write("""
            agents:
              - id: manager
                policies: [jira-full-management]
            approval_channels:
              - name: high-risk
                kind: webhook
                url_credential: slack/high
                risks: [high]
              - name: low-risk
                kind: webhook
                url_credential: slack/low
                risks: [low, medium]
              - name: soc-only
                kind: webhook
                url_credential: slack/soc
                policies: [jira-soc-triage]
              - name: full-management-high
                kind: webhook
                url_credential: slack/fm
                risks: [high]
                policies: [jira-full-management]
            """);

        await using var gateway = await _h.StartAsync();
        Assert.DoesNotContain("CANARY-h1", gateway.Output, StringComparison.Ordinal);
        Assert.Equal(4, gateway.Banner.GetProperty("approval_channels").GetArrayLength());

        var (status, body) = await gateway.CallAsync(gateway.KeyOf("manager")!, "issues:delete", """{"issue_key":"SEC-456"}""");
        Assert.True(status == 202, body.ToString());
        var approvalId = body.GetProperty("approval_id").GetString()!;

        // Bounded: a notice that never comes fails the test instead of hanging it.
        await Task.WhenAll(hooks.FirstAsync("high-CANARY-h1"), hooks.FirstAsync("fm")).WaitAsync(TimeSpan.FromMinutes(1), Ct);
        var message = Assert.Single(hooks.Received("high-CANARY-h1"));
        Assert.Contains(new Uri(gateway.Gateway, "approvals/" + approvalId).ToString(), message, StringComparison.Ordinal);
        Assert.Contains("issues:delete", message, StringComparison.Ordinal);
        Assert.Single(hooks.Received("fm"));
        // The channels were chosen before any was sent: the non-matching ones were never picked.
        Assert.Empty(hooks.Received("low"));
        Assert.Empty(hooks.Received("soc"));
        Assert.DoesNotContain("CANARY-h1", gateway.Output + gateway.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notifier_ChannelThatFails_DoesNotStopTheOthers()
    {
        await using var hooks = await WebhookListener.StartAsync(Ct);
        await _h.VaultSetAsync("slack/broken", new Uri(hooks.BaseUrl, "no-such-path").ToString(), "--kind", "secret");
        await _h.VaultSetAsync("slack/ok", hooks.HookUrl("ok").ToString(), "--kind", "secret");
        _h.Write("""
            agents:
              - id: manager
                policies: [jira-full-management]
            approval_channels:
              - { name: broken, kind: webhook, url_credential: slack/broken }
              - { name: ok, kind: webhook, url_credential: slack/ok }
            """);
        await using var gateway = await _h.StartAsync();
        var (status, _) = await gateway.CallAsync(gateway.KeyOf("manager")!, "issues:delete", """{"issue_key":"SEC-456"}""");
        Assert.Equal(202, status);
        await hooks.FirstAsync("ok").WaitAsync(TimeSpan.FromMinutes(1), Ct);
        Assert.Single(hooks.Received("ok"));
    }
}
