using System.CommandLine;
using System.Text.Json;
using JiraGate.Cli.Admin;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Pipeline;
using Microsoft.Data.Sqlite;

namespace JiraGate.Cli.Tests.Admin;

/// <summary>What one jiragate invocation printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Out, string Err)
{
    public JsonElement Json()
    {
        using var doc = JsonDocument.Parse(Out);
        return doc.RootElement.Clone();
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}

/// <summary>A throw-away data directory, and the jiragate command run in-process against it.</summary>
public sealed class TempDataDir : IDisposable
{
    public TempDataDir()
    {
        Root = Path.Combine(Path.GetTempPath(), "jiragate-cli-admin", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(Root);
        DataDir = Path.Combine(Root, ".jiragate");
    }

    public string Root { get; }

    public string DataDir { get; }

    public string DatabasePath => Path.Combine(DataDir, "jiragate.db");

    /// <summary>Runs <c>jiragate args… --data-dir DIR</c>.</summary>
    public async Task<CliResult> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] all = [.. args, "--data-dir", DataDir];
        var code = await Program.BuildRoot().Parse(all).InvokeAsync(new InvocationConfiguration { Output = output, Error = error },
            TestContext.Current.CancellationToken);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public async Task<CliResult> RunWithStdinAsync(string stdin, params string[] args)
    {
        using (SecretInput.UseStdin(new StringReader(stdin)))
        {
            return await RunAsync(args);
        }
    }

    /// <summary>Registers an agent directly and returns it (for scenarios the CLI has no verb for, like an agent's call).</summary>
    public async Task<string> CallAsync(string agentId, string orgId, string operation, string argumentsJson)
    {
        await using var services = await AdminServices.OpenAsync(DataDir, [], create: true);
        using var args = JsonDocument.Parse(argumentsJson);
        var result = await services.PipelineWith(new OkExecutor()).ExecuteAsync(new OperationCall
        {
            Agent = new AgentIdentity { AgentId = agentId, OrgId = orgId },
            Operation = operation,
            Arguments = args.RootElement,
        }, TestContext.Current.CancellationToken);
        return result.ApprovalId ?? result.Status.ToString();
    }

    public void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A handle still open: the temp folder is cleaned by the system.
        }
    }

    private sealed class OkExecutor : IOperationExecutor
    {
        public Task<OperationOutput> ExecuteAsync(OperationDescriptor operation, JsonElement arguments, ExecutionScope scope, CancellationToken cancellationToken = default)
        {
            using var doc = JsonDocument.Parse("""{"ok":true}""");
            return Task.FromResult(new OperationOutput { Value = doc.RootElement.Clone() });
        }
    }
}
