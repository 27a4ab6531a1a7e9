using System.Text.Json;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Pipeline;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;

namespace JiraGate.Gateway.Tests.ApprovalsPage;

/// <summary>
/// Stands in for the Jira operation executors (feat/executors) under the real OperationPipeline: issues:delete and
/// issues:read_detail (in the executors' issue-view shape: key, summary, status …) against the sandbox as the JiraGate
/// bot. Counts deletes: the pipeline must call it exactly once per approved request.
/// </summary>
public sealed class SandboxExecutor(SandboxHost sandbox) : IOperationExecutor
{
    private int _deletes;

    public int Deletes => Volatile.Read(ref _deletes);

    public async Task<OperationOutput> ExecuteAsync(OperationDescriptor operation, JsonElement arguments, ExecutionScope scope, CancellationToken cancellationToken = default)
    {
        var key = arguments.GetProperty("issue_key").GetString();
        using var http = sandbox.CreateClient(DemoCredentials.Bot);
        switch (operation.Name)
        {
            case "issues:delete":
                Interlocked.Increment(ref _deletes);
                using (var response = await http.DeleteAsync($"/rest/api/3/issue/{key}", cancellationToken))
                {
                    ThrowUnlessOk(response);
                }
                return Output($$"""{"key":"{{key}}","deleted":true}""");
            case "issues:read_detail":
                using (var response = await http.GetAsync($"/rest/api/3/issue/{key}?fields=summary,status,priority,labels", cancellationToken))
                {
                    ThrowUnlessOk(response);
                    using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                    var f = doc.RootElement.GetProperty("fields");
                    return Output(JsonSerializerless(key!, f.GetProperty("summary").GetString()!, f.GetProperty("status").GetProperty("name").GetString()!));
                }
            default:
                throw new NotSupportedException($"The stand-in executor does not run {operation.Name}.");
        }
    }

    private static void ThrowUnlessOk(HttpResponseMessage response) => response.EnsureSuccessStatusCode();

    private static string JsonSerializerless(string key, string summary, string status)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("key", key);
            w.WriteString("summary", summary);
            w.WriteString("status", status);
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static OperationOutput Output(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return new OperationOutput { Value = doc.RootElement.Clone() };
    }
}
