using JiraGate.Governance.Policies;

namespace JiraGate.Cli.Admin;

/// <summary>Loads policy files the way the gateway does: all or nothing, every error as file:line:col.</summary>
internal static class PolicyFiles
{
    /// <summary>Reads and loads <paramref name="files"/> as one set.</summary>
    /// <exception cref="CliError">A file is missing (usage).</exception>
    public static PolicyLoadResult Load(IEnumerable<string> files)
    {
        var sources = new List<PolicySource>();
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                throw CliError.Usage($"The policy file {file} does not exist; check the path.");
            }
            sources.Add(new PolicySource(file, File.ReadAllText(file)));
        }
        return new PolicyLoader().Load(sources);
    }

    /// <summary>The set in force: <paramref name="files"/> when given, else the seed's policies.</summary>
    /// <exception cref="CliError">A file does not load (check failed, every error listed).</exception>
    public static PolicySet LoadSetOrSeed(IReadOnlyList<string> files)
    {
        if (files.Count == 0)
        {
            return SeedPolicies.Load();
        }
        var result = Load(files);
        return result.PolicySet ?? throw new CliError(ExitCodes.CheckFailed,
            "The policy files do not load:" + Environment.NewLine + string.Join(Environment.NewLine, result.Errors.Select(e => "  " + e)));
    }

    public static string Name(PolicyEffect effect) => effect switch
    {
        PolicyEffect.Allow => "allow",
        PolicyEffect.Deny => "deny",
        _ => "needs_approval",
    };

    public static string Name(ApprovalMode mode) => mode switch
    {
        ApprovalMode.Auto => "auto",
        ApprovalMode.Hitl => "hitl",
        _ => "none",
    };

    public static string Name(DecisionRule rule) => rule switch
    {
        DecisionRule.Granted => "granted",
        DecisionRule.DeniedByPolicy => "denied_by_policy",
        DecisionRule.NoGrant => "no_grant",
        DecisionRule.RiskAboveMax => "risk_above_max",
        DecisionRule.OutsideWhere => "outside_where",
        _ => "unknown_operation",
    };
}
