using JiraGate.Cli.Admin;
using JiraGate.Cli.Hosting;

namespace JiraGate.Cli.Commands;

/// <summary>What <c>doctor --config FILE [--connection NAME]</c> checks: the file's data directory and one of its connections.</summary>
internal sealed record DoctorTarget(string DataDir, JiraSite? Site);

internal static class DoctorConfig
{
    /// <summary>Null without --config; a usage error for every mistake of the file, or a connection it does not have.</summary>
    public static async Task<DoctorTarget?> ResolveAsync(AdminInvocation run, string? configPath, string? connection, bool hasJiraUrl, CancellationToken ct)
    {
        if (configPath is null)
        {
            return connection is null
                ? null
                : throw CliError.Usage("--connection names a connection of a config file: add --config jiragate.yaml.");
        }
        if (hasJiraUrl)
        {
            throw CliError.Usage("Give either --config (with --connection) or --jira-url and --jira-credential, not both.");
        }
        var (config, problems) = await GatewayConfig.LoadAsync(configPath, run.DataDir, run.PolicyFiles, ct);
        if (config is null)
        {
            throw CliError.Usage($"{configPath} has {problems.Count} problem(s):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems));
        }
        var names = string.Join(", ", config.Sites.Select(s => s.Name));
        JiraSite? site;
        if (connection is not null)
        {
            site = config.Sites.FirstOrDefault(s => s.Name == connection)
                ?? throw CliError.Usage(config.Sites.Count == 0
                    ? $"{configPath} has no connections; without them JiraGate uses the in-process sandbox (drop --connection)."
                    : $"{configPath} has no connection '{connection}'; it has: {names}.");
        }
        else
        {
            site = config.Sites.Count switch
            {
                0 => null,
                1 => config.Sites[0],
                _ => throw CliError.Usage($"{configPath} has {config.Sites.Count} connections ({names}); name one with --connection NAME."),
            };
        }
        return new DoctorTarget(config.DataDir, site);
    }
}
