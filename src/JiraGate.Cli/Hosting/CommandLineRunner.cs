using System.CommandLine;

namespace JiraGate.Cli.Hosting;

/// <summary>Runs the command tree with the documented exit codes: a command line that does not parse is 2 (usage), not 1.</summary>
internal static class CommandLineRunner
{
    public static async Task<int> InvokeAsync(RootCommand root, string[] args, InvocationConfiguration? configuration = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        var parse = root.Parse(args);
        // The parser's own action still prints the errors and the help; only its exit code is replaced.
        var exit = await parse.InvokeAsync(configuration, cancellationToken);
        return parse.Errors.Count > 0 ? ExitCodes.Usage : exit;
    }
}
