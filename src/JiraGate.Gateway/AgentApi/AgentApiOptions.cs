namespace JiraGate.Gateway.AgentApi;

/// <summary>Limits of the agent HTTP API; bind from configuration or set in <c>AddJiraGateGateway</c>.</summary>
public sealed class AgentApiOptions
{
    /// <summary>The largest JSON body accepted for an operation call (default 1 MiB).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Per-operation overrides of <see cref="MaxRequestBodyBytes"/>; <c>attachments:upload</c> defaults to 16 MiB
    /// (base64 content in JSON).</summary>
    public IDictionary<string, long> MaxRequestBodyBytesByOperation { get; } =
        new Dictionary<string, long>(StringComparer.Ordinal) { ["attachments:upload"] = 16L * 1024 * 1024 };

    /// <summary>Requests one agent may make per <see cref="RateLimitWindow"/> (default 600); 0 or less turns the limit off.</summary>
    public int RateLimitPermits { get; set; } = 600;

    /// <summary>The window of the per-agent limit (default one minute).</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The largest body for <paramref name="operation"/>.</summary>
    public long MaxBodyFor(string operation) =>
        MaxRequestBodyBytesByOperation.TryGetValue(operation, out var max) ? max : MaxRequestBodyBytes;
}
