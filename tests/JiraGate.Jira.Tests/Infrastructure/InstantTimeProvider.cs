using System.Collections.Concurrent;

namespace JiraGate.Jira.Tests.Infrastructure;

/// <summary>
/// A clock for retry tests: every timer fires at once (on the thread pool) and moves the virtual clock on by
/// its due time, and every requested wait is recorded, so a test asserts "waited at least Retry-After"
/// without waiting. Tests using it switch the pipeline's timeouts off (they are timers too).
/// </summary>
internal sealed class InstantTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _start = TimeProvider.System.GetUtcNow();
    private long _elapsedTicks;

    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    public override DateTimeOffset GetUtcNow() => _start + TimeSpan.FromTicks(Interlocked.Read(ref _elapsedTicks));

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return new Timer();
        }
        Delays.Enqueue(dueTime);
        Interlocked.Add(ref _elapsedTicks, dueTime.Ticks);
        ThreadPool.UnsafeQueueUserWorkItem(_ => callback(state), null);
        return new Timer();
    }

    private sealed class Timer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => default;
    }
}
