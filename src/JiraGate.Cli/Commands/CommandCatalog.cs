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
        yield return PolicyCommand.Create();
        yield return AuditCommand.Create();
        yield return ApprovalsCommand.Create();
        yield return AgentsCommand.Create();
        yield return AgentsApproversCommand.Create();
        yield return VaultCommand.Create();
        yield return DoctorCommand.Create();
    }
}
