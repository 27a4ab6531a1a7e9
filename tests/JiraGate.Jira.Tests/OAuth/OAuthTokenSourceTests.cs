using System.Collections.Concurrent;
using System.Net;
using JiraGate.Jira.Authentication.OAuth;
using JiraGate.Sandbox.Data;
using static JiraGate.Jira.Tests.OAuth.OAuthSandbox;

namespace JiraGate.Jira.Tests.OAuth;

public sealed class OAuthTokenSourceTests
{
    /// <summary>Saved token sets, in order, as a real store would keep the last one.</summary>
    private sealed class Store
    {
        public ConcurrentQueue<OAuthTokenSet> Saved { get; } = new();

        public ValueTask SaveAsync(OAuthTokenSet tokens, CancellationToken cancellationToken)
        {
            Saved.Enqueue(tokens);
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task GetAccessToken_FreshToken_IsReturnedWithoutTokenRequest()
    {
        await using var sandbox = await StartAsync();
        var tokens = await sandbox.SignInAsync();
        var store = new Store();
        var source = new OAuthTokenSource(sandbox.Client, tokens, store.SaveAsync);

        Assert.Equal(tokens.AccessToken, await source.GetAccessTokenAsync(false, Ct));
        Assert.Equal(0, sandbox.Probe.TokenRequests);
        Assert.Empty(store.Saved);
    }

    [Fact]
    public async Task ForceRefresh_RotatesTheRefreshToken_AndSavesBeforeHandingOutTheAccessToken()
    {
        await using var sandbox = await StartAsync();
        var original = await sandbox.SignInAsync();
        var saveEntered = new TaskCompletionSource<OAuthTokenSet>(TaskCreationOptions.RunContinuationsAsynchronously);
        var saveMayFinish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var source = new OAuthTokenSource(sandbox.Client, original, async (tokens, _) =>
        {
            saveEntered.TrySetResult(tokens);
            await saveMayFinish.Task;
        });

        var pending = source.GetAccessTokenAsync(forceRefresh: true, Ct).AsTask();
        var saved = await saveEntered.Task.WaitAsync(Ct);
        Assert.False(pending.IsCompleted); // nothing handed out while the save is still running
        saveMayFinish.SetResult();
        var access = await pending;

        Assert.Equal(saved.AccessToken, access);
        Assert.NotEqual(original.AccessToken, access);
        Assert.NotNull(saved.RefreshToken);
        Assert.NotEqual(original.RefreshToken, saved.RefreshToken);
        Assert.Equal((HttpStatusCode.OK, SiteSeeder.AccountIdFor("alice")), await sandbox.MyselfAsync(access));
        // The old refresh token is spent; the saved one is the live one.
        var spent = await Assert.ThrowsAsync<JiraOAuthException>(() => sandbox.Client.RefreshAsync(original.RefreshToken!, Ct));
        Assert.Equal("invalid_grant", spent.Error);
        Assert.NotNull((await sandbox.Client.RefreshAsync(saved.RefreshToken, Ct)).RefreshToken);
    }

    [Fact]
    public async Task TwentyConcurrentForcedRefreshes_CauseOneRefresh_AndAllGetItsToken()
    {
        await using var sandbox = await StartAsync();
        var original = await sandbox.SignInAsync();
        var store = new Store();
        var source = new OAuthTokenSource(sandbox.Client, original, store.SaveAsync);

        sandbox.Probe.Hold(); // the one refresh waits at the token endpoint until all 20 callers are in
        var callers = Enumerable.Range(0, 20).Select(_ => source.GetAccessTokenAsync(forceRefresh: true, Ct).AsTask()).ToArray();
        await sandbox.Probe.Arrived.Task.WaitAsync(Ct);
        Assert.All(callers, c => Assert.False(c.IsCompleted));
        sandbox.Probe.Release();
        var tokens = await Task.WhenAll(callers);

        Assert.Equal(1, sandbox.Probe.TokenRequests);
        var token = Assert.Single(tokens.Distinct(StringComparer.Ordinal));
        Assert.NotEqual(original.AccessToken, token);
        Assert.Equal(token, Assert.Single(store.Saved).AccessToken);
        Assert.Equal((HttpStatusCode.OK, SiteSeeder.AccountIdFor("alice")), await sandbox.MyselfAsync(token));
    }

    [Fact]
    public async Task Expiry_RefreshesWithinTheSkewBeforeExpiry_AndTheNewTokenOutlivesTheOld()
    {
        await using var sandbox = await StartAsync();
        var original = await sandbox.SignInAsync();
        var store = new Store();
        var source = new OAuthTokenSource(sandbox.Client, original, store.SaveAsync);

        sandbox.Time.Advance(TimeSpan.FromMinutes(54)); // 6 minutes left: outside the 5-minute skew
        Assert.Equal(original.AccessToken, await source.GetAccessTokenAsync(false, Ct));
        Assert.Equal(0, sandbox.Probe.TokenRequests);

        sandbox.Time.Advance(TimeSpan.FromMinutes(2)); // 4 minutes left: inside the skew
        var renewed = await source.GetAccessTokenAsync(false, Ct);
        Assert.NotEqual(original.AccessToken, renewed);
        Assert.Equal(1, sandbox.Probe.TokenRequests);
        Assert.Equal(sandbox.Time.GetUtcNow() + TimeSpan.FromHours(1), source.ExpiresAt);
        Assert.Single(store.Saved);

        sandbox.Time.Advance(TimeSpan.FromMinutes(5)); // the original has now expired on the sandbox's clock
        Assert.Equal(HttpStatusCode.Unauthorized, (await sandbox.MyselfAsync(original.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.OK, (await sandbox.MyselfAsync(renewed)).Status);
        Assert.Equal(renewed, await source.GetAccessTokenAsync(false, Ct));
        Assert.Equal(1, sandbox.Probe.TokenRequests);
    }

    [Fact]
    public async Task Expired_TwentyConcurrentCallers_ShareOneRefresh()
    {
        await using var sandbox = await StartAsync();
        var source = new OAuthTokenSource(sandbox.Client, await sandbox.SignInAsync(), new Store().SaveAsync);
        sandbox.Time.Advance(TimeSpan.FromHours(2));

        sandbox.Probe.Hold();
        var callers = Enumerable.Range(0, 20).Select(_ => source.GetAccessTokenAsync(false, Ct).AsTask()).ToArray();
        await sandbox.Probe.Arrived.Task.WaitAsync(Ct);
        sandbox.Probe.Release();
        var tokens = await Task.WhenAll(callers);

        Assert.Equal(1, sandbox.Probe.TokenRequests);
        Assert.Equal(HttpStatusCode.OK, (await sandbox.MyselfAsync(Assert.Single(tokens.Distinct(StringComparer.Ordinal)))).Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("stale-access-token")]
    public async Task EmptyOrLongExpiredAccessToken_IsRefreshedOnFirstUse(string storedAccessToken)
    {
        await using var sandbox = await StartAsync();
        var stored = await sandbox.SignInAsync();
        var source = new OAuthTokenSource(sandbox.Client,
            new OAuthTokenSet { AccessToken = storedAccessToken, RefreshToken = stored.RefreshToken, ExpiresAt = DateTimeOffset.MinValue }, new Store().SaveAsync);

        var token = await source.GetAccessTokenAsync(false, Ct);

        Assert.Equal(1, sandbox.Probe.TokenRequests);
        Assert.Equal(HttpStatusCode.OK, (await sandbox.MyselfAsync(token)).Status);
    }

    [Fact]
    public async Task UsedRefreshToken_ThrowsReauthorizationRequired_OnceForAllConcurrentCallers()
    {
        await using var sandbox = await StartAsync();
        var original = await sandbox.SignInAsync();
        // Another copy of the grant refreshed first (e.g. a second process that did not share the store).
        await new OAuthTokenSource(sandbox.Client, original, new Store().SaveAsync).GetAccessTokenAsync(true, Ct);
        sandbox.Probe.Reset();
        var stale = new OAuthTokenSource(sandbox.Client, original, new Store().SaveAsync);

        sandbox.Probe.Hold();
        var callers = Enumerable.Range(0, 5).Select(_ => stale.GetAccessTokenAsync(true, Ct).AsTask()).ToArray();
        await sandbox.Probe.Arrived.Task.WaitAsync(Ct);
        sandbox.Probe.Release();

        foreach (var caller in callers)
        {
            var ex = await Assert.ThrowsAsync<JiraOAuthException>(() => caller);
            Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
            Assert.Equal("invalid_grant", ex.Error);
            Assert.True(ex.IsReauthorizationRequired);
            Assert.Contains("already used", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(original.RefreshToken!, ex.ToString(), StringComparison.Ordinal);
        }
        Assert.Equal(1, sandbox.Probe.TokenRequests);
    }

    [Fact]
    public async Task NoRefreshToken_WithoutOfflineAccess_SaysToAskForIt()
    {
        await using var sandbox = await StartAsync(scopes: "read:jira-work");
        var tokens = await sandbox.SignInAsync();
        Assert.Null(tokens.RefreshToken);
        var source = new OAuthTokenSource(sandbox.Client, tokens, new Store().SaveAsync);

        var ex = await Assert.ThrowsAsync<JiraOAuthException>(() => source.GetAccessTokenAsync(true, Ct).AsTask());

        Assert.True(ex.IsReauthorizationRequired);
        Assert.Contains("offline_access", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, sandbox.Probe.TokenRequests);
    }

    [Fact]
    public async Task CallerCancelledDuringRefresh_RefreshStillCompletesAndIsSaved()
    {
        await using var sandbox = await StartAsync();
        var original = await sandbox.SignInAsync();
        var store = new Store();
        var source = new OAuthTokenSource(sandbox.Client, original, store.SaveAsync);

        sandbox.Probe.Hold();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var cancelled = source.GetAccessTokenAsync(true, cts.Token).AsTask();
        await sandbox.Probe.Arrived.Task.WaitAsync(Ct);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

        // A caller arriving now joins the refresh that is still under way instead of spending the token again.
        var joined = source.GetAccessTokenAsync(true, Ct).AsTask();
        sandbox.Probe.Release();
        var token = await joined;
        Assert.Equal(1, sandbox.Probe.TokenRequests);
        Assert.Equal(token, Assert.Single(store.Saved).AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await sandbox.MyselfAsync(token)).Status);
    }

    [Fact]
    public async Task SaveFails_NewTokensAreKept_AndTheSaveIsRetriedWithoutAnotherRefresh()
    {
        await using var sandbox = await StartAsync();
        var original = await sandbox.SignInAsync();
        var attempts = new List<OAuthTokenSet>();
        var source = new OAuthTokenSource(sandbox.Client, original, (tokens, _) =>
        {
            attempts.Add(tokens);
            return attempts.Count == 1 ? throw new IOException("disk full") : ValueTask.CompletedTask;
        });

        await Assert.ThrowsAsync<IOException>(() => source.GetAccessTokenAsync(true, Ct).AsTask());
        Assert.Equal(original.AccessToken, await source.GetAccessTokenAsync(false, Ct)); // the unsaved token is not handed out
        var token = await source.GetAccessTokenAsync(true, Ct);

        Assert.Equal(1, sandbox.Probe.TokenRequests);
        Assert.Equal(2, attempts.Count);
        Assert.Same(attempts[0], attempts[1]);
        Assert.Equal(attempts[1].AccessToken, token);
        Assert.Contains(sandbox.Logs.Lines, l => l.StartsWith("3103 ", StringComparison.Ordinal));
    }
}
