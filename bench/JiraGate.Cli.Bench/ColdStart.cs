using System.Diagnostics;
using System.Text.Json;

namespace JiraGate.Cli.Bench;

/// <summary>Starts a fresh process and times it to its answer on stdout.</summary>
internal static class ColdStart
{
    private const string AgentKeyVariable = "JIRAGATE_AGENT_KEY";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    // initialize, notifications/initialized, tools/list: what an MCP client sends first, written at once.
    private const string Handshake =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"jiragate-cli-bench","version":"1"}}}""" + "\n"
        + """{"jsonrpc":"2.0","method":"notifications/initialized"}""" + "\n"
        + """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""" + "\n";

    /// <summary>Milliseconds from Process.Start to the tools/list answer of <c>jiragate mcp</c>.</summary>
    public static Task<double> McpToolsListAsync(string exe, PublishMode mode, string dataDir, string key) =>
        TimeAsync(exe, ["mcp", "--agent", DataDir.AgentId, "--data-dir", dataDir],
            new Dictionary<string, string>(mode.Environment) { [AgentKeyVariable] = key }, Handshake, IsToolsListAnswer);

    /// <summary>Milliseconds from Process.Start to the first line of <c>jiragate --version</c>.</summary>
    public static Task<double> VersionAsync(string exe, PublishMode mode) =>
        TimeAsync(exe, ["--version"], mode.Environment, stdin: null, _ => true);

    private static bool IsToolsListAnswer(string line)
    {
        if (!line.Contains("\"id\":2", StringComparison.Ordinal))
        {
            return false;
        }
        using var json = JsonDocument.Parse(line);
        var tools = json.RootElement.GetProperty("result").GetProperty("tools");
        // An answer with no tools would mean the agent or its policies were not found: not a valid sample.
        return tools.GetArrayLength() > 0 ? true : throw new InvalidOperationException("tools/list answered with no tools: " + line);
    }

    private static async Task<double> TimeAsync(string exe, string[] arguments, IReadOnlyDictionary<string, string> environment, string? stdin, Func<string, bool> isAnswer)
    {
        var info = new ProcessStartInfo(exe)
        {
            RedirectStandardInput = stdin is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
        info.Environment.Remove("JIRAGATE_STARTUP_TRACE");
        using var timeout = new CancellationTokenSource(Limit);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + exe);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        double? elapsed = null;
        try
        {
            if (stdin is not null)
            {
                await process.StandardInput.WriteAsync(stdin);
                await process.StandardInput.FlushAsync();
            }
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (isAnswer(line))
                {
                    elapsed = clock.Elapsed.TotalMilliseconds;
                    break;
                }
            }
        }
        finally
        {
            if (stdin is not null)
            {
                process.StandardInput.Close();
            }
            using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(exit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        return elapsed ?? throw new InvalidOperationException(
            $"{exe} {string.Join(' ', arguments)} gave no answer (exit {(process.HasExited ? process.ExitCode : -1)}): {await stderr}");
    }
}

/// <summary>The data directory the runs share: one agent on jira-soc-triage, registered with the CLI itself.</summary>
internal static class DataDir
{
    public const string AgentId = "bench-agent";

    public static async Task<string> PrepareAsync(string exe, string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        var info = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "agents", "add", AgentId, "--org", "bench", "--owner", "bench-owner", "--policy", "jira-soc-triage", "--data-dir", path, "--json" })
        {
            info.ArgumentList.Add(a);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + exe);
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"jiragate agents add failed (exit {process.ExitCode}): {error}");
        }
        using var json = JsonDocument.Parse(output);
        return json.RootElement.GetProperty("key").GetString()!;
    }
}
