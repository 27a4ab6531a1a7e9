namespace JiraGate.Governance.Policies;

/// <summary>The seed's three example policies (jira-soc-triage, jira-readonly, jira-full-management), shipped with the library.</summary>
public static class SeedPolicies
{
    /// <summary>The file name errors and explanations show.</summary>
    public const string FileName = "seed-policies.yaml";

    /// <summary>The policy the demo agent is bound to.</summary>
    public const string SocTriage = "jira-soc-triage";

    /// <summary>Read-only project visibility.</summary>
    public const string ReadOnly = "jira-readonly";

    /// <summary>Full issue management with delete approval.</summary>
    public const string FullManagement = "jira-full-management";

    private static readonly Lazy<string> Text = new(ReadResource);

    /// <summary>The YAML text of the seed policies.</summary>
    public static string Yaml => Text.Value;

    /// <summary>The seed policies as a validated set.</summary>
    public static PolicySet Load()
    {
        var result = new PolicyLoader().Load(Yaml, FileName);
        return result.PolicySet ?? throw new InvalidOperationException(
            "The embedded seed policies do not load: " + string.Join("; ", result.Errors));
    }

    private static string ReadResource()
    {
        using var stream = typeof(SeedPolicies).Assembly.GetManifestResourceStream("JiraGate.Governance.Policies.Defaults." + FileName)
            ?? throw new InvalidOperationException("The seed policies resource is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
