using System.Text.Json;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Pipeline;

namespace JiraGate.Cli.Hosting;

/// <summary>
/// The executor registered by <see cref="CoreServices"/>, created only once <see cref="LazyJiraBackend"/> has started: the
/// Jira client's options read the backend's address then, not at start-up.
/// </summary>
internal sealed class DeferredOperationExecutor(LazyJiraBackend jira, Func<IOperationExecutor> create) : IOperationExecutor
{
    private IOperationExecutor? _inner;

    public async Task<OperationOutput> ExecuteAsync(OperationDescriptor operation, JsonElement arguments, ExecutionScope scope, CancellationToken cancellationToken = default)
    {
        await jira.GetAsync(cancellationToken);
        var inner = Volatile.Read(ref _inner) ?? Interlocked.CompareExchange(ref _inner, create(), null) ?? _inner!;
        return await inner.ExecuteAsync(operation, arguments, scope, cancellationToken);
    }
}

/// <summary>
/// The pipeline, built on the first call rather than at start: building it opens the audit log (its signing key), the
/// approvals and the vault, none of which MCP's initialize or tools/list needs. A problem there surfaces on the first
/// tool call, which the pipeline answers fail-closed (nothing reaches Jira).
/// </summary>
internal sealed class DeferredOperationPipeline(Func<IOperationPipeline> create) : IOperationPipeline
{
    private readonly Lazy<IOperationPipeline> _inner = new(create, LazyThreadSafetyMode.PublicationOnly);

    /// <summary>Whether the real pipeline was built (tests).</summary>
    public bool IsBuilt => _inner.IsValueCreated;

    public Task<OperationResult> ExecuteAsync(OperationCall call, CancellationToken cancellationToken = default) =>
        _inner.Value.ExecuteAsync(call, cancellationToken);

    public Task<OperationResult> GetApprovalResultAsync(AgentIdentity agent, string approvalId, CancellationToken cancellationToken = default) =>
        _inner.Value.GetApprovalResultAsync(agent, approvalId, cancellationToken);
}
