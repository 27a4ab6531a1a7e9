using System.Text.Json;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Pipeline;

namespace JiraGate.Gateway.Tests.Infrastructure;

/// <summary>Stands in for the Jira executor behind the real pipeline: counts what would have gone to Jira and echoes.</summary>
public sealed class CountingExecutor : IOperationExecutor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public Task<OperationOutput> ExecuteAsync(OperationDescriptor operation, JsonElement arguments, ExecutionScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var n = Interlocked.Increment(ref _count);
        using var doc = JsonDocument.Parse($$"""{"executed": "{{operation.Name}}", "arguments": {{arguments.GetRawText()}}}""");
        return Task.FromResult(new OperationOutput { Value = doc.RootElement.Clone(), JiraRequestId = "exec-" + n });
    }
}
