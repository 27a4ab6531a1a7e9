using JiraGate.Jira;

namespace JiraGate.Cli.Hosting;

/// <summary>One mistake in <c>jiragate.yaml</c>: where it is and how to fix it.</summary>
internal sealed record ConfigError(string File, long Line, long Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}

/// <summary>A place in the config file (1-based line and column), for errors found after parsing.</summary>
internal readonly record struct ConfigMark(long Line, long Column);

/// <summary>A name written in the file, with where it was written.</summary>
internal sealed record ConfigName(string Value, ConfigMark Mark);

/// <summary><c>connections.NAME</c>: a Jira site whose credentials are in the vault.</summary>
internal sealed class ConnectionConfig
{
    public required string Name { get; init; }

    public required ConfigMark Mark { get; init; }

    public Uri? BaseUrl { get; set; }

    public string? Credential { get; set; }

    public ConfigMark CredentialMark { get; set; }

    public JiraDeployment Deployment { get; set; } = JiraDeployment.Auto;

    /// <summary>The Jira client's per-site request gate.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>Atlassian's API gateway (scoped tokens, OAuth); null: https://api.atlassian.com.</summary>
    public Uri? ApiGatewayUrl { get; set; }

    /// <summary>The OAuth authorization server; null: https://auth.atlassian.com.</summary>
    public Uri? AuthServerUrl { get; set; }
}

/// <summary>One entry of <c>agents:</c>.</summary>
internal sealed class AgentConfig
{
    /// <summary>Used when the file names no organisation; approvers must be in the same one.</summary>
    public const string DefaultOrg = "default";

    /// <summary>Recorded as the owner when the file names none (four-eyes: the owner never approves the agent's requests).</summary>
    public const string DefaultOwner = "jiragate.yaml";

    public required string Id { get; init; }

    public required ConfigMark Mark { get; init; }

    public List<ConfigName> Policies { get; } = [];

    public ConfigName? Connection { get; set; }

    public string? Description { get; set; }

    /// <summary>The organisation; null: <see cref="DefaultOrg"/> for a new agent, unchanged for an existing one.</summary>
    public string? Org { get; set; }

    /// <summary>Who answers for the agent; null: <see cref="DefaultOwner"/> for a new agent, unchanged for an existing one.</summary>
    public string? Owner { get; set; }

    /// <summary>The connection its calls go to (after checking: the named one, or the only one; null: the sandbox).</summary>
    public string? ResolvedConnection { get; set; }
}

/// <summary>One entry of <c>approval_channels:</c> (a Slack-compatible incoming webhook; its URL is in the vault).</summary>
internal sealed class ChannelConfig
{
    public static readonly string[] RiskNames = ["low", "medium", "high"];

    public required string Name { get; init; }

    public required ConfigMark Mark { get; init; }

    public string Kind { get; set; } = "webhook";

    public string? UrlCredential { get; set; }

    public ConfigMark UrlCredentialMark { get; set; }

    /// <summary>Only approvals of these risks (empty: any).</summary>
    public List<string> Risks { get; } = [];

    /// <summary>Only approvals under these policies (empty: any).</summary>
    public List<ConfigName> Policies { get; } = [];

    public bool AllowInsecureHttp { get; set; }
}
