using System.CommandLine;

namespace JiraGate.Cli.Admin;

/// <summary>
/// The options every admin command shares (<c>--data-dir</c>, <c>--json</c>, <c>--policy-file</c>), added once to a
/// top-level command as recursive options so each sub-command accepts them.
/// </summary>
internal sealed class AdminOptions
{
    /// <summary>The default data directory, relative to the working directory.</summary>
    public const string DefaultDataDir = ".jiragate";

    public Option<string> DataDir { get; } = new("--data-dir")
    {
        Description = "The data directory: SQLite database, vault and master key (default ./.jiragate)",
        DefaultValueFactory = _ => DefaultDataDir,
        Recursive = true,
        HelpName = "dir",
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print machine-readable JSON on stdout and nothing else",
        Recursive = true,
    };

    /// <summary>Policy files; also spelled <c>--policies</c> as on <c>serve</c>, except under <c>policy</c>, where
    /// <c>explain --policies</c> takes policy names.</summary>
    public Option<string[]> PolicyFiles { get; private init; } = null!;

    /// <summary>A top-level command carrying the shared options.</summary>
    public static (Command Command, AdminOptions Options) Create(string name, string description, bool policiesAlias = true)
    {
        var files = policiesAlias ? new Option<string[]>("--policy-file", "--policies") : new Option<string[]>("--policy-file");
        files.Description = "Policy YAML files in force, comma-separated or repeated (default: the seed's jira-soc-triage, jira-readonly, jira-full-management)";
        files.Recursive = true;
        files.HelpName = "file";
        var options = new AdminOptions { PolicyFiles = files };
        var command = new Command(name, description);
        command.Options.Add(options.DataDir);
        command.Options.Add(options.Json);
        command.Options.Add(options.PolicyFiles);
        return (command, options);
    }
}
