using System.Collections.Concurrent;
using System.Text.Json;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Pipeline;

namespace JiraGate.Gateway.Tests.Infrastructure;

/// <summary>
/// Stands in for the real pipeline until it is on main: it resolves and validates like the real one (unknown operation,
/// invalid input — nothing executed), then answers what a test scripted, or an echo. <see cref="Calls"/> counts calls
/// that reached the pipeline at all; <see cref="Executions"/> counts the ones that would have gone to Jira.
/// </summary>
public sealed class FakePipeline : IOperationPipeline
{
    private int _calls;
    private int _executions;

    public int Calls => Volatile.Read(ref _calls);

    public int Executions => Volatile.Read(ref _executions);

    public ConcurrentQueue<OperationCall> Received { get; } = new();

    /// <summary>Scripted answers per operation (after validation).</summary>
    public ConcurrentDictionary<string, Func<OperationCall, OperationResult>> Scripts { get; } = new(StringComparer.Ordinal);

    /// <summary>Approvals by id: the agent that owns each and what collecting it answers.</summary>
    public ConcurrentDictionary<string, (string AgentId, OperationResult Result)> Approvals { get; } = new(StringComparer.Ordinal);

    public Task<OperationResult> ExecuteAsync(OperationCall call, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        Received.Enqueue(call);
        if (!OperationCatalog.Default.TryGet(call.Operation, out var op))
        {
            return Task.FromResult(Failed(call.Operation, OperationErrorCodes.UnknownOperation, $"'{call.Operation}' is not one of the 36 operations."));
        }
        var validation = ArgumentValidator.Validate(op, call.Arguments);
        if (!validation.IsValid)
        {
            return Task.FromResult(new OperationResult
            {
                Operation = op.Name,
                Status = OperationStatus.Failed,
                Error = new OperationError { Code = OperationErrorCodes.InvalidInput, Message = "Some arguments are invalid.", Arguments = validation.Errors },
            });
        }
        Interlocked.Increment(ref _executions);
        if (Scripts.TryGetValue(op.Name, out var script))
        {
            return Task.FromResult(script(call));
        }
        return Task.FromResult(new OperationResult
        {
            Operation = op.Name,
            Status = OperationStatus.Ok,
            Value = JsonSerializer.SerializeToElement(call.Arguments, TestJsonContext.Default.JsonElement),
            JiraRequestId = "req-" + Executions,
        });
    }

    public Task<OperationResult> GetApprovalResultAsync(AgentIdentity agent, string approvalId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return Task.FromResult(Approvals.TryGetValue(approvalId, out var entry) && entry.AgentId == agent.AgentId
            ? entry.Result
            : Failed("approvals:status", OperationErrorCodes.NotFound, $"No approval {approvalId} for agent {agent.AgentId}."));
    }

    public static OperationResult Failed(string operation, string code, string message, OperationStatus status = OperationStatus.Failed) => new()
    {
        Operation = operation,
        Status = status,
        Error = new OperationError { Code = code, Message = message },
    };
}
