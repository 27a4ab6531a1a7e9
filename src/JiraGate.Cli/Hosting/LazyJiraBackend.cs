namespace JiraGate.Cli.Hosting;

/// <summary>
/// The Jira backend, started on first use: <c>jiragate mcp</c> answers initialize and tools/list without it, so the
/// in-process sandbox (a whole Kestrel site) starts only when the first tool call needs Jira. One start, shared by
/// concurrent callers; a start that failed is tried again by the next caller.
/// </summary>
internal sealed class LazyJiraBackend : IAsyncDisposable
{
    private readonly Func<CancellationToken, Task<JiraBackend>> _start;
    private readonly CancellationTokenSource _disposing = new();
    private readonly Lock _gate = new();
    private Task<JiraBackend>? _task;
    private int _starts;

    public LazyJiraBackend(Func<CancellationToken, Task<JiraBackend>> start)
    {
        ArgumentNullException.ThrowIfNull(start);
        _start = start;
    }

    /// <summary>How many times a start was begun (0 until the first tool call that needs Jira).</summary>
    public int Starts => Volatile.Read(ref _starts);

    /// <summary>The backend once started; else an error saying so (for option callbacks that run after <see cref="GetAsync"/>).</summary>
    public JiraBackend Current => _task is { IsCompletedSuccessfully: true } task
        ? task.Result
        : throw new InvalidOperationException("The Jira backend is used before it was started: await GetAsync first.");

    /// <summary>The backend, starting it on the first call. <paramref name="ct"/> cancels this wait, not a start others share.</summary>
    public Task<JiraBackend> GetAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposing.IsCancellationRequested, this);
        Task<JiraBackend> task;
        lock (_gate)
        {
            if (_task is null || _task.IsFaulted || _task.IsCanceled)
            {
                Interlocked.Increment(ref _starts);
                _task = _start(_disposing.Token);
            }
            task = _task;
        }
        return task.WaitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        Task<JiraBackend>? task;
        lock (_gate)
        {
            task = _task;
        }
        await _disposing.CancelAsync();
        if (task is not null)
        {
            // A start that failed or was cut short has nothing to stop; its error was the caller's to see.
            await ((Task)task).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (task.IsCompletedSuccessfully)
            {
                await task.Result.DisposeAsync();
            }
        }
        _disposing.Dispose();
    }
}
