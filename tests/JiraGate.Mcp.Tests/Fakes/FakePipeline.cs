using System.Collections.Concurrent;
using System.Text.Json;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Pipeline;

namespace JiraGate.Mcp.Tests.Fakes;

/// <summary>An <see cref="IOperationPipeline"/> that records every call and answers as the test says (default: Ok echoing the operation).</summary>
public sealed class FakePipeline : IOperationPipeline
{
    public ConcurrentQueue<OperationCall> Calls { get; } = new();

    public ConcurrentQueue<(AgentIdentity Agent, string ApprovalId)> ApprovalLookups { get; } = new();

    public Func<OperationCall, OperationResult> Handler { get; set; } = call => Ok(call.Operation, $$"""{"operation":"{{call.Operation}}"}""");

    public Func<AgentIdentity, string, OperationResult> ApprovalHandler { get; set; } = (_, id) => new OperationResult
    {
        Operation = "unknown",
        Status = OperationStatus.Failed,
        Error = new OperationError { Code = OperationErrorCodes.NotFound, Message = $"No approval {id} for this agent." },
    };

    public static OperationResult Ok(string operation, string json)
    {
        using var doc = JsonDocument.Parse(json);
        return new OperationResult { Operation = operation, Status = OperationStatus.Ok, Value = doc.RootElement.Clone() };
    }

    public static OperationResult Failed(string operation, string code, string message, OperationStatus status) =>
        new() { Operation = operation, Status = status, Error = new OperationError { Code = code, Message = message } };

    public Task<OperationResult> ExecuteAsync(OperationCall call, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue(call);
        return Task.FromResult(Handler(call));
    }

    public Task<OperationResult> GetApprovalResultAsync(AgentIdentity agent, string approvalId, CancellationToken cancellationToken = default)
    {
        ApprovalLookups.Enqueue((agent, approvalId));
        return Task.FromResult(ApprovalHandler(agent, approvalId));
    }
}
