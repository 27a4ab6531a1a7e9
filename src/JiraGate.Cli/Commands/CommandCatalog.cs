using System.CommandLine;

namespace JiraGate.Cli.Commands;

/// <summary>Every top-level command, in the order `jiragate --help` lists them. Add one line per command.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return ServeCommand.Create();
        yield return McpCommand.Create();
        yield return CallCommand.Create();
        yield return SandboxCommand.Create();
    }
}
