using System.CommandLine;

namespace JiraGate.Cli.Hosting;

/// <summary>Options shared by serve, mcp and call (each command gets its own instances).</summary>
internal static class CommonServeOptions
{
    public static Option<string> DataDir() => new("--data-dir")
    {
        Description = "Where JiraGate keeps its database, vault and keys.",
        DefaultValueFactory = _ => DataDirectory.DefaultPath,
    };

    public static Option<string[]> Policies() => new("--policies")
    {
        Description = "Policy YAML files to load instead of the seed's three policies (repeatable).",
        AllowMultipleArgumentsPerToken = true,
    };

    public static Option<bool> Json() => new("--json") { Description = "Print machine-readable JSON and nothing else on stdout." };

    public static Option<string> Agent() => new("--agent")
    {
        Description = "The agent to act as; its key comes from the JIRAGATE_AGENT_KEY environment variable.",
        Required = true,
    };
}
