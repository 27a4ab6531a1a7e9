using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraGate.Cli.Hosting;

/// <summary>What <c>&lt;data-dir&gt;/serve.json</c> says about a running <c>jiragate serve</c>: where it is, never a secret.</summary>
internal sealed class RunningServeInfo
{
    public required int Pid { get; init; }

    public required string Gateway { get; init; }

    /// <summary>The in-process sandbox serve uses as its Jira; null when serve talks to a configured Jira.</summary>
    public string? Sandbox { get; init; }
}

/// <summary>
/// Lets <c>call</c> and <c>mcp</c> share the Jira of a <c>jiragate serve</c> running on the same data directory, so an
/// issue created through one is seen by the other. <c>serve</c> publishes <c>serve.json</c> (owner-only; removed on a
/// clean stop); the others use its sandbox when the file names a live process whose sandbox answers serverInfo, and
/// otherwise start their own sandbox and say so in one stderr line. A stale file (dead pid) is removed.
/// </summary>
internal static class RunningServe
{
    public const string FileName = "serve.json";

    /// <summary>How long the sandbox gets to answer serverInfo before it counts as gone.</summary>
    internal static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    public static string PathIn(DataDirectory data) => Path.Combine(data.Root, FileName);

    /// <summary>Writes serve.json for this process; disposing the result removes it again unless another serve replaced it.</summary>
    public static IDisposable Publish(DataDirectory data, Uri gateway, Uri? sandbox)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(gateway);
        var info = new RunningServeInfo
        {
            Pid = Environment.ProcessId,
            Gateway = gateway.ToString().TrimEnd('/'),
            Sandbox = sandbox?.ToString().TrimEnd('/'),
        };
        var path = PathIn(data);
        // Written beside it and moved into place, so a reader never sees half a file; created owner-only.
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        File.Delete(temp);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(temp, options))
        {
            JsonSerializer.Serialize(stream, info, RunningServeJsonContext.Default.RunningServeInfo);
        }
        File.Move(temp, path, overwrite: true);
        return new Publication(path, info);
    }

    /// <summary>Reads serve.json; null when it is missing or unreadable.</summary>
    public static RunningServeInfo? Read(DataDirectory data)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(PathIn(data)), RunningServeJsonContext.Default.RunningServeInfo);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The Jira for <c>call</c>/<c>mcp</c> in the embedded default: the running serve's sandbox when there is one, else a
    /// sandbox of their own, with one line on <paramref name="notices"/> (stderr; never MCP's stdout) saying why.
    /// </summary>
    public static async Task<JiraBackend> JiraForAsync(DataDirectory data, TextWriter? notices, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (sandbox, reason) = await FindSandboxAsync(data, ct).ConfigureAwait(false);
        if (sandbox is not null)
        {
            return JiraBackend.ForRunningSandbox(sandbox);
        }
        if (notices is not null)
        {
            await notices.WriteLineAsync($"note: {reason}, so this command uses its own in-process sandbox Jira; "
                + "changes made here are not seen by serve, and serve's are not seen here.").ConfigureAwait(false);
        }
        return await JiraBackend.StartSandboxAsync(port: 0, ct).ConfigureAwait(false);
    }

    /// <summary>The running serve's sandbox URL, or null and why not (for the notice).</summary>
    internal static async Task<(Uri? Sandbox, string Reason)> FindSandboxAsync(DataDirectory data, CancellationToken ct)
    {
        var path = PathIn(data);
        if (!File.Exists(path))
        {
            return (null, $"no 'jiragate serve' is running on {data.Display()}");
        }
        var info = Read(data);
        if (info is null)
        {
            return (null, $"{path} cannot be read");
        }
        if (!IsAlive(info.Pid))
        {
            // Left by a serve that did not stop cleanly: remove it, the next serve writes a fresh one.
            TryDelete(path);
            return (null, $"the 'jiragate serve' recorded in {path} (pid {info.Pid}) is no longer running");
        }
        if (info.Sandbox is null || !Uri.TryCreate(info.Sandbox, UriKind.Absolute, out var sandbox) || !sandbox.IsLoopback)
        {
            return (null, $"the running 'jiragate serve' (pid {info.Pid}) uses a configured Jira, not the sandbox (pass it the same --config to use that)");
        }
        return await AnswersServerInfoAsync(sandbox, ct).ConfigureAwait(false)
            ? (sandbox, "")
            : (null, $"the sandbox of the running 'jiragate serve' (pid {info.Pid}) at {sandbox} does not answer");
    }

    internal static bool IsAlive(int pid)
    {
        if (pid <= 0)
        {
            return false;
        }
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>GET serverInfo (anonymous, as on Jira) with a short timeout.</summary>
    private static async Task<bool> AnswersServerInfoAsync(Uri sandbox, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ProbeTimeout);
        // One loopback request before any service container exists: a bare handler, disposed right after.
        using var handler = new SocketsHttpHandler { ConnectTimeout = ProbeTimeout, UseProxy = false, AllowAutoRedirect = false };
        using var invoker = new HttpMessageInvoker(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(sandbox, "/rest/api/3/serverInfo"));
        try
        {
            using var response = await invoker.SendAsync(request, timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Ignored as stale either way; the next serve replaces it.
        }
    }

    private sealed class Publication(string path, RunningServeInfo info) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }
            // Another serve on the same data directory may have replaced the file since: leave its file alone.
            var current = Read(new DataDirectory(Path.GetDirectoryName(path)!));
            if (current is not null && current.Pid == info.Pid && current.Gateway == info.Gateway)
            {
                TryDelete(path);
            }
        }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(RunningServeInfo))]
internal sealed partial class RunningServeJsonContext : JsonSerializerContext;
