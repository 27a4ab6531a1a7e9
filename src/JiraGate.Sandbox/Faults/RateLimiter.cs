using JiraGate.Sandbox.Hosting;

namespace JiraGate.Sandbox.Faults;

/// <summary>
/// Fixed-window counters per route template and method, on the sandbox's clock (so tests can drive it),
/// as Jira Cloud's burst limits apply per endpoint and method.
/// </summary>
internal sealed class RateLimiter(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (DateTimeOffset WindowStart, int Count)> _windows = new(StringComparer.Ordinal);

    internal readonly record struct Decision(bool Allowed, int Limit, int Remaining, DateTimeOffset Reset);

    public Decision Acquire(string key, RateLimitOptions options)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var (start, count) = _windows.TryGetValue(key, out var w) ? w : (now, 0);
            if (now - start >= options.Window)
            {
                (start, count) = (now, 0);
            }
            var reset = start + options.Window;
            if (count >= options.PermitLimit)
            {
                _windows[key] = (start, count);
                return new Decision(false, options.PermitLimit, 0, reset);
            }
            _windows[key] = (start, count + 1);
            return new Decision(true, options.PermitLimit, options.PermitLimit - count - 1, reset);
        }
    }
}
