using JiraGate.Jira.Authentication;
using JiraGate.Jira.Models;
using JiraGate.Jira.Tests.Infrastructure;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Model;
using Microsoft.Extensions.Time.Testing;

namespace JiraGate.Jira.Tests.Webhooks;

/// <summary>
/// Dynamic webhooks (/rest/api/3/webhook) of an OAuth app on a Cloud sandbox, on a fake clock shared by the
/// sandbox and the client, so 30-day expiry and refresh are exact. Each write is read back.
/// </summary>
public sealed class DynamicWebhooksTests : IAsyncLifetime
{
    private const string HookUrl = "http://127.0.0.1:9/hooks/app";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly RecordingHandler _wire = new();
    private SandboxHost _host = null!;
    private ServiceProvider _services = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private WebhooksClient Webhooks => _services.GetRequiredService<JiraClient>().Webhooks;

    public async ValueTask InitializeAsync()
    {
        _host = await JiraTestServices.StartAsync(SandboxFlavor.Cloud, o => o.TimeProvider = _time);
        _services = JiraTestServices.ForSandbox(_host, new OAuthCredentials(new SandboxOAuthTokenSource(_host)),
            builder: b => b.HttpClient.AddHttpMessageHandler(() => _wire), time: _time);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _host.DisposeAsync();
    }

    private static DynamicWebhookDetails Details(string jql = "project = SEC", params string[] events) => new()
    {
        Events = events.Length == 0 ? ["jira:issue_created", "jira:issue_updated"] : events,
        JqlFilter = jql,
    };

    private async Task<long> RegisterOneAsync(string jql = "project = SEC")
    {
        var result = await Webhooks.RegisterDynamicWebhooksAsync(new DynamicWebhookRegistration { Url = HookUrl, Webhooks = [Details(jql)] }, Ct);
        return Assert.Single(result.CreatedWebhookIds);
    }

    [Fact]
    public void Mode_OAuthConnection_IsDynamic() => Assert.Equal(WebhookMode.Dynamic, Webhooks.Mode);

    [Fact]
    public async Task RegisterDynamicWebhooksAsync_Valid_ListedWithFiltersAndThirtyDayExpiry()
    {
        var result = await Webhooks.RegisterDynamicWebhooksAsync(new DynamicWebhookRegistration
        {
            Url = HookUrl,
            Webhooks = [new DynamicWebhookDetails
            {
                Events = ["jira:issue_updated"],
                JqlFilter = "project = SEC AND status != Done",
                FieldIdsFilter = ["summary", "assignee"],
            }],
        }, Ct);

        Assert.True(result.AllSucceeded);
        var id = Assert.Single(result.CreatedWebhookIds);
        var page = await Webhooks.ListDynamicWebhooksPageAsync(cancellationToken: Ct);
        var hook = Assert.Single(page.Items);
        Assert.True(page.IsLast);
        Assert.Equal(id, hook.Id);
        Assert.Equal(HookUrl, hook.Url);
        Assert.Equal(["jira:issue_updated"], hook.Events);
        Assert.Equal("project = SEC AND status != Done", hook.JqlFilter);
        Assert.Equal(["summary", "assignee"], hook.FieldIdsFilter!);
        Assert.Equal(_time.GetUtcNow().AddDays(30), hook.ExpirationDate);
        // OAuth goes through the gateway, to the app-only v3 path.
        Assert.Contains(_wire.Attempts, a => a.Method == "POST" && a.Uri.AbsolutePath.EndsWith("/rest/api/3/webhook", StringComparison.Ordinal)
            && a.Uri.AbsolutePath.StartsWith("/ex/jira/", StringComparison.Ordinal) && a.Authorization!.StartsWith("Bearer ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RegisterDynamicWebhooksAsync_PartialSuccess_PerEntryErrorsAndOnlyGoodOnesCreated()
    {
        var result = await Webhooks.RegisterDynamicWebhooksAsync(new DynamicWebhookRegistration
        {
            Url = HookUrl,
            Webhooks = [Details(), Details("watchCount > 1"), Details("project = ENG", "jira:issue_exploded")],
        }, Ct);

        Assert.False(result.AllSucceeded);
        Assert.Equal(3, result.Entries.Count);
        Assert.True(result.Entries[0].Succeeded);
        Assert.False(result.Entries[1].Succeeded);
        Assert.Contains(result.Entries[1].Errors!, e => e.Contains("watchCount", StringComparison.Ordinal));
        Assert.Contains(result.Entries[2].Errors!, e => e.Contains("jira:issue_exploded", StringComparison.Ordinal));
        Assert.Equal(2, result.Failed.Count);
        var listed = await Webhooks.ListDynamicWebhooksAsync(cancellationToken: Ct).ToListAsync(Ct);
        Assert.Equal(result.CreatedWebhookIds, listed.Select(h => h.Id));
    }

    [Fact]
    public async Task RegisterDynamicWebhooksAsync_NoWebhooks_Validation()
    {
        var ex = await Assert.ThrowsAsync<JiraValidationException>(() =>
            Webhooks.RegisterDynamicWebhooksAsync(new DynamicWebhookRegistration { Url = HookUrl, Webhooks = [] }, Ct));
        Assert.Contains("webhooks", ex.Errors.Keys);
    }

    [Fact]
    public async Task ListDynamicWebhooksAsync_PageSizeTwoLimitThree_YieldsExactlyThreeFromTwoPages()
    {
        for (var i = 0; i < 5; i++)
        {
            await RegisterOneAsync();
        }

        var three = await Webhooks.ListDynamicWebhooksAsync(new DynamicWebhookListOptions { PageSize = 2, Limit = 3 }, Ct).ToListAsync(Ct);
        var all = await Webhooks.ListDynamicWebhooksAsync(new DynamicWebhookListOptions { PageSize = 2 }, Ct).ToListAsync(Ct);

        Assert.Equal(3, three.Count);
        Assert.Equal(5, all.Count);
        Assert.Equal(5, all.Select(h => h.Id).Distinct().Count());
        Assert.Equal(all.Take(3).Select(h => h.Id), three.Select(h => h.Id));
        // 2 pages for the limited walk (2 + 1), 3 for the whole one (2 + 2 + 1).
        Assert.Equal(5, _wire.Attempts.Count(a => a.Method == "GET" && a.Uri.AbsolutePath.EndsWith("/rest/api/3/webhook", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DeleteDynamicWebhooksAsync_OneOfTwo_OnlyTheOtherListed()
    {
        var keep = await RegisterOneAsync();
        var drop = await RegisterOneAsync("project = ENG");

        await Webhooks.DeleteDynamicWebhooksAsync([drop], Ct);

        var listed = await Webhooks.ListDynamicWebhooksAsync(cancellationToken: Ct).ToListAsync(Ct);
        Assert.Equal([keep], listed.Select(h => h.Id));
    }

    [Fact]
    public async Task DeleteDynamicWebhooksAsync_NoIds_RefusedBeforeSending()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Webhooks.DeleteDynamicWebhooksAsync([], Ct));
        Assert.Empty(_wire.Attempts);
    }

    [Fact]
    public async Task RefreshDynamicWebhooksAsync_TenDaysIn_ExpiryMovesToThirtyDaysFromNow()
    {
        var id = await RegisterOneAsync();
        _time.Advance(TimeSpan.FromDays(10));

        var expires = await Webhooks.RefreshDynamicWebhooksAsync([id], Ct);

        Assert.Equal(_time.GetUtcNow().AddDays(30), expires);
        var hook = Assert.Single(await Webhooks.ListDynamicWebhooksAsync(cancellationToken: Ct).ToListAsync(Ct));
        Assert.Equal(expires, hook.ExpirationDate);
    }

    [Fact]
    public async Task RefreshExpiringAsync_DefaultMargin_RefreshesOnlyThoseDueWithinFiveDays()
    {
        var old = await RegisterOneAsync();
        _time.Advance(TimeSpan.FromDays(20));
        var young = await RegisterOneAsync("project = ENG");
        _time.Advance(TimeSpan.FromDays(6)); // old expires in 4 days, young in 24

        var result = await Webhooks.RefreshExpiringAsync(cancellationToken: Ct);

        Assert.Equal(2, result.Checked);
        Assert.Equal([old], result.RefreshedWebhookIds);
        Assert.Equal(_time.GetUtcNow().AddDays(30), result.NewExpirationDate);
        var hooks = (await Webhooks.ListDynamicWebhooksAsync(cancellationToken: Ct).ToListAsync(Ct)).ToDictionary(h => h.Id);
        Assert.Equal(_time.GetUtcNow().AddDays(30), hooks[old].ExpirationDate);
        Assert.Equal(_time.GetUtcNow().AddDays(24), hooks[young].ExpirationDate);
        Assert.Equal(hooks[young].ExpirationDate, result.NextExpirationDate);
    }

    [Fact]
    public async Task RefreshExpiringAsync_NothingDue_SendsNoRefresh()
    {
        await RegisterOneAsync();
        _time.Advance(TimeSpan.FromDays(1));

        var result = await Webhooks.RefreshExpiringAsync(new RefreshExpiringWebhooksOptions { Margin = TimeSpan.FromDays(7) }, Ct);

        Assert.Empty(result.RefreshedWebhookIds);
        Assert.Null(result.NewExpirationDate);
        Assert.Equal(0, _wire.Count("PUT", "/webhook/refresh"));
    }

    [Fact]
    public async Task ExpiredWebhook_NotRefreshedInTime_IsGone()
    {
        // Why the refresh matters: after 30 days Jira drops the webhook and refreshing it does nothing.
        var id = await RegisterOneAsync();
        _time.Advance(TimeSpan.FromDays(31));

        Assert.Empty(await Webhooks.ListDynamicWebhooksAsync(cancellationToken: Ct).ToListAsync(Ct));
        var result = await Webhooks.RefreshExpiringAsync(cancellationToken: Ct);
        Assert.Equal(0, result.Checked);
        Assert.DoesNotContain(id, result.RefreshedWebhookIds);
    }
}
