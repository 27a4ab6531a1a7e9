using System.CommandLine;
using JiraGate.Cli.Commands;

namespace JiraGate.Cli;

/// <summary>Entry point: one root command; each sub-command lives in Commands/ and is added here.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args)
    {
        Hosting.StartupTrace.Start();
        return Hosting.CommandLineRunner.InvokeAsync(BuildRoot(), args);
    }

    /// <summary>The whole command tree (tests build it too).</summary>
    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand("JiraGate: a governed Jira connector for AI agents and automation.");
        foreach (var command in CommandCatalog.All())
        {
            root.Subcommands.Add(command);
        }
        return root;
    }
}
