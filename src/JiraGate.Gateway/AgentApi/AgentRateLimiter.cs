using System.Threading.RateLimiting;

namespace JiraGate.Gateway.AgentApi;

/// <summary>
/// The per-agent request limit: one fixed window per agent id (System.Threading.RateLimiting, the limiter ASP.NET Core's
/// rate limiting middleware is built on), applied after authentication so the partition is the agent, not an address.
/// No queueing: a request over the limit is answered 429 at once with Retry-After.
/// </summary>
public sealed class AgentRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;

    /// <summary>Creates the limiter from the API's options (none when the permits are 0 or less).</summary>
    public AgentRateLimiter(AgentApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.RateLimitPermits <= 0)
        {
            return;
        }
        var permits = options.RateLimitPermits;
        var window = options.RateLimitWindow;
        _limiter = PartitionedRateLimiter.Create<string, string>(agentId => RateLimitPartition.GetFixedWindowLimiter(
            agentId,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true }));
    }

    /// <summary>Takes one permit for the agent; returns null when granted, else how long to wait.</summary>
    public TimeSpan? TryAcquire(string agentId)
    {
        ArgumentNullException.ThrowIfNull(agentId);
        if (_limiter is null)
        {
            return null;
        }
        using var lease = _limiter.AttemptAcquire(agentId);
        if (lease.IsAcquired)
        {
            return null;
        }
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
    }

    /// <inheritdoc />
    public void Dispose() => _limiter?.Dispose();
}
