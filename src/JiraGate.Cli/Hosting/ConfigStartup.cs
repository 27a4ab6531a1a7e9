using System.CommandLine;

namespace JiraGate.Cli.Hosting;

/// <summary>What a serving command starts from: the checked config (if any), the data directory and the policy files.</summary>
internal sealed record StartupChoice(GatewayConfig? Config, string DataDir, IReadOnlyList<string> PolicyFiles);

/// <summary><c>--config</c> for serve, mcp, call and doctor: every mistake of the file printed at once, then exit 2.</summary>
internal static class ConfigStartup
{
    public static Option<string?> Option() => new("--config")
    {
        Description = "A jiragate.yaml: connections (credentials from the vault), agents, policies, approval channels, storage. Without it: the embedded default.",
        HelpName = "file",
    };

    /// <summary>The choice, or null after printing the problems to <paramref name="error"/> (the caller exits 2).</summary>
    public static async Task<StartupChoice?> ResolveAsync(string? configPath, string dataDir, IReadOnlyList<string> policyFiles, TextWriter error, CancellationToken ct)
    {
        if (configPath is null)
        {
            return new StartupChoice(null, dataDir, policyFiles);
        }
        var (config, problems) = await GatewayConfig.LoadAsync(configPath, dataDir, policyFiles, ct);
        if (config is null)
        {
            await error.WriteLineAsync($"error: {configPath} has {problems.Count} problem(s); JiraGate did not start:");
            foreach (var problem in problems)
            {
                await error.WriteLineAsync("  " + problem);
            }
            return null;
        }
        return new StartupChoice(config, config.DataDir, config.PolicyFiles);
    }
}
