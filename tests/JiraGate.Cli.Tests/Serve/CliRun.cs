using System.CommandLine;
using System.Text;
using JiraGate.Cli.Hosting;
using Microsoft.Data.Sqlite;

namespace JiraGate.Cli.Tests.Serve;

/// <summary>Runs the jiragate command in-process with captured stdout and stderr.</summary>
internal static class CliRun
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLineRunner.InvokeAsync(Program.BuildRoot(), args,
            new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }
}

/// <summary>A temporary data directory, removed afterwards.</summary>
internal sealed class TempDataDir : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "jiragate-cli-serve-tests", Guid.NewGuid().ToString("n"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held: the temp folder is cleaned by the system.
        }
    }
}

/// <summary>A writer that is safe to read while the command writes to it, and says when a line containing a marker arrived.</summary>
internal sealed class WatchedWriter(string marker) : StringWriter
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _text = new();

    public TaskCompletionSource Seen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_gate)
        {
            _text.Append(value);
            if (value == '\n' && _text.ToString().Contains(marker, StringComparison.Ordinal))
            {
                Seen.TrySetResult();
            }
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
        {
            Write(c);
        }
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Write('\n');
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return _text.ToString();
        }
    }
}

/// <summary>Tests that set JIRAGATE_AGENT_KEY (process-wide) run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AgentKeyEnvironment
{
    public const string Name = "JIRAGATE_AGENT_KEY";
}
