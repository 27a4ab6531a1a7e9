using System.Text.Json;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Pipeline;

namespace JiraGate.Governance.Connector;

/// <summary>
/// The C# SDK of seed 000: one method per operation, each building the operation's snake_case arguments and passing
/// them through <see cref="IOperationPipeline.ExecuteAsync"/> (policy, approval, audit) as <see cref="EntryPoint.Sdk"/>.
/// Denials, pending approvals and failures come back as an <see cref="OperationResult"/>, never as exceptions.
/// </summary>
/// <example>
/// <code>
/// var jira = connectorFactory.Create("agent-001", "org-acme");
/// var results = await jira.SearchIssuesAsync("project = SEC AND status = Open", maxResults: 20);
/// var ticket = await jira.CreateIssueAsync("SEC", "Investigate suspicious login from 198.51.100.42", "Bug",
///     priority: "High", labels: ["security", "automated"]);
/// </code>
/// </example>
public sealed partial class JiraConnector
{
    private readonly IOperationPipeline _pipeline;

    /// <summary>A connector acting as <paramref name="agentId"/> of <paramref name="orgId"/>.</summary>
    /// <param name="pipeline">The pipeline every call goes through.</param>
    /// <param name="agentId">The agent, e.g. <c>agent-001</c> (must be registered and enabled).</param>
    /// <param name="orgId">Its organisation, e.g. <c>org-acme</c>.</param>
    public JiraConnector(IOperationPipeline pipeline, string agentId, string orgId)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        ArgumentException.ThrowIfNullOrWhiteSpace(orgId);
        _pipeline = pipeline;
        Agent = new AgentIdentity { AgentId = agentId, OrgId = orgId };
    }

    /// <summary>Who the connector acts as.</summary>
    public AgentIdentity Agent { get; }

    /// <summary>
    /// The state of one of this agent's approvals: still pending, denied or expired, or — once approved — the result of
    /// executing the stored request (exactly once, whoever asks first).
    /// </summary>
    /// <param name="approvalId">The id from a <see cref="OperationStatus.PendingApproval"/> result.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<OperationResult> GetApprovalResultAsync(string approvalId, CancellationToken cancellationToken = default) =>
        _pipeline.GetApprovalResultAsync(Agent, approvalId, cancellationToken);

    /// <summary>Any catalog operation by name, with its arguments as a JSON object (what the HTTP API and MCP send).</summary>
    /// <param name="operation">e.g. <c>issues:create</c>.</param>
    /// <param name="arguments">The snake_case arguments of the operation's schema.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<OperationResult> CallAsync(string operation, JsonElement arguments, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        return _pipeline.ExecuteAsync(new OperationCall { Agent = Agent, Operation = operation, Arguments = arguments, EntryPoint = EntryPoint.Sdk }, cancellationToken);
    }

    /// <inheritdoc />
    public override string ToString() => "Jira connector for " + Agent;

    private Task<OperationResult> Call(string operation, ConnectorArguments arguments, CancellationToken ct)
    {
        JsonElement json;
        using (arguments)
        {
            json = arguments.Build();
        }
        return _pipeline.ExecuteAsync(new OperationCall { Agent = Agent, Operation = operation, Arguments = json, EntryPoint = EntryPoint.Sdk }, ct);
    }

    private static ConnectorArguments Args() => new();
}
