using System.Runtime.CompilerServices;
using System.Text.Json;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Pipeline;
using JiraGate.Mcp.Hosting;

namespace JiraGate.Mcp.Tests.Stdio;

/// <summary>
/// Lets this test executable act as <c>jiragate mcp --agent ID</c> in a child process: when started with
/// <see cref="DirectoryVariable"/> set, it builds the governance core on that folder's SQLite file, authenticates the
/// key from JIRAGATE_AGENT_KEY and serves MCP on stdio — before the test runner starts — then exits.
/// </summary>
internal static class StdioServerProcess
{
    public const string DirectoryVariable = "JIRAGATE_MCP_TESTS_STDIO_DIR";
    public const string AgentVariable = "JIRAGATE_MCP_TESTS_AGENT";

    [ModuleInitializer]
    internal static void RunWhenAsked()
    {
        var directory = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrEmpty(directory))
        {
            Environment.Exit(RunAsync(directory, Environment.GetEnvironmentVariable(AgentVariable) ?? "").GetAwaiter().GetResult());
        }
    }

    /// <summary>The same registrations the child uses, so a test can register agents in the folder first.</summary>
    public static ServiceProvider BuildServices(string directory)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IOperationExecutor, EchoExecutor>();
        // No background WAL checkpointer here: the child runs inside this module's initializer, and a dispose that really
        // waits (for the checkpointer's loop) resumes this module's code on another thread, which waits for the
        // initializer to finish — the refusal path then hung for a minute. The jiragate command has no initializer and
        // exits at once (the Cli tests run mcp with the checkpointer on).
        services.AddJiraGateSqlite(Path.Combine(directory, "jiragate.db"), o =>
        {
            o.DurableCommits = false;
            o.CheckpointInterval = TimeSpan.Zero;
        });
        services.AddJiraGate(o =>
        {
            o.VaultPath = Path.Combine(directory, "vault.json");
            o.VaultKeyPath = Path.Combine(directory, "master.key");
        });
        services.AddJiraGateMcp();
        return services.BuildServiceProvider();
    }

    private static async Task<int> RunAsync(string directory, string agentId)
    {
        await using var services = BuildServices(directory);
        try
        {
            var agent = await JiraGateMcpStdio.AuthenticateAsync(services, agentId, Environment.GetEnvironmentVariable(JiraGateMcpStdio.AgentKeyVariable));
            await JiraGateMcpStdio.RunStdioAsync(services, agent);
            return 0;
        }
        catch (UnauthorizedAccessException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 3;
        }
    }

    private sealed class EchoExecutor : IOperationExecutor
    {
        public Task<OperationOutput> ExecuteAsync(OperationDescriptor operation, JsonElement arguments, ExecutionScope scope, CancellationToken cancellationToken = default)
        {
            using var doc = JsonDocument.Parse($$"""{"operation":"{{operation.Name}}","arguments":{{arguments.GetRawText()}}}""");
            return Task.FromResult(new OperationOutput { Value = doc.RootElement.Clone() });
        }
    }
}
