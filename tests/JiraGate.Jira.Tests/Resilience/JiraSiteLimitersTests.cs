using JiraGate.Jira.Resilience;
using JiraGate.Jira.Tests.Infrastructure;

namespace JiraGate.Jira.Tests.Resilience;

public sealed class JiraSiteLimitersTests
{
    [Fact]
    public void For_SameSite_SharesOneGate()
    {
        using var limiters = new JiraSiteLimiters();
        Assert.Same(limiters.For("https://acme.atlassian.net", 4), limiters.For("https://ACME.atlassian.net", 8));
        Assert.NotSame(limiters.For("https://acme.atlassian.net", 4), limiters.For("https://other.atlassian.net", 4));
    }

    [Fact]
    public async Task AcquireAsync_BeyondConcurrency_WaitsForASlot()
    {
        using var limiters = new JiraSiteLimiters();
        var gate = limiters.For("site", 1);
        var ct = TestContext.Current.CancellationToken;
        using var first = await gate.AcquireAsync(TimeProvider.System, ct);
        Assert.True(first.IsAcquired);
        var second = gate.AcquireAsync(TimeProvider.System, ct).AsTask();
        Assert.False(second.IsCompleted);
        first.Dispose();
        using var lease = await second;
        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public async Task AcquireAsync_SitePaused_WaitsOutThePause()
    {
        using var limiters = new JiraSiteLimiters();
        var time = new InstantTimeProvider();
        var gate = limiters.For("site", 2);
        gate.PauseUntil(time.GetUtcNow().AddSeconds(12));
        gate.PauseUntil(time.GetUtcNow().AddSeconds(3)); // an earlier pause never shortens a later one
        using var lease = await gate.AcquireAsync(time, TestContext.Current.CancellationToken);
        Assert.True(lease.IsAcquired);
        Assert.True(time.Delays.Sum(d => d.TotalSeconds) >= 12);
    }

    [Fact]
    public async Task AcquireAsync_Cancelled_Throws()
    {
        using var limiters = new JiraSiteLimiters();
        var gate = limiters.For("site", 1);
        using var held = await gate.AcquireAsync(TimeProvider.System, TestContext.Current.CancellationToken);
        using var cts = new CancellationTokenSource();
        var waiting = gate.AcquireAsync(TimeProvider.System, cts.Token).AsTask();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
