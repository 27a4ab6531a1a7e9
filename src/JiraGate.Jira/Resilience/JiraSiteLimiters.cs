using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace JiraGate.Jira.Resilience;

/// <summary>
/// One gate per Jira site, shared by every client and caller in the process: at most N requests in flight,
/// and when Jira answers 429 the whole site pauses until its Retry-After has passed, so many agents do
/// not stampede a throttled site.
/// </summary>
internal sealed class JiraSiteLimiters : IDisposable
{
    private readonly ConcurrentDictionary<string, SiteGate> _gates = new(StringComparer.OrdinalIgnoreCase);

    public SiteGate For(string site, int maxConcurrentRequests) =>
        _gates.GetOrAdd(site, static (_, max) => new SiteGate(max), maxConcurrentRequests);

    public void Dispose()
    {
        foreach (var gate in _gates.Values)
        {
            gate.Dispose();
        }
    }

    internal sealed class SiteGate(int maxConcurrentRequests) : IDisposable
    {
        private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
        {
            PermitLimit = maxConcurrentRequests,
            QueueLimit = 10_000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });

        private long _pausedUntilTicks;

        public int MaxConcurrentRequests { get; } = maxConcurrentRequests;

        public DateTimeOffset PausedUntil => new(Interlocked.Read(ref _pausedUntilTicks), TimeSpan.Zero);

        /// <summary>Holds every caller of this site back until <paramref name="until"/> (later pauses win).</summary>
        public void PauseUntil(DateTimeOffset until)
        {
            var ticks = until.UtcTicks;
            long current;
            do
            {
                current = Interlocked.Read(ref _pausedUntilTicks);
                if (ticks <= current)
                {
                    return;
                }
            }
            while (Interlocked.CompareExchange(ref _pausedUntilTicks, ticks, current) != current);
        }

        /// <summary>Waits out any pause, then for a free slot.</summary>
        public async ValueTask<RateLimitLease> AcquireAsync(TimeProvider time, CancellationToken cancellationToken)
        {
            while (PausedUntil - time.GetUtcNow() is { Ticks: > 0 } wait)
            {
                // Whole milliseconds, rounded up: a sub-millisecond delay completes at once and would spin.
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), time, cancellationToken).ConfigureAwait(false);
            }
            return await _limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        }

        public void Dispose() => _limiter.Dispose();
    }
}
