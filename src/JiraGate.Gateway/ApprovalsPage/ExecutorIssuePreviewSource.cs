using System.Text.Json;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Pipeline;

namespace JiraGate.Gateway.ApprovalsPage;

/// <summary>
/// Reads current values through the operation executor's <c>issues:read_detail</c> (the gateway's own Jira connection).
/// This read is for the approver's eyes only: it is not an agent's call, so it is not audited as one. It goes to the
/// requesting agent's Jira connection (the executor routes by the scope's agent when there are several).
/// </summary>
internal sealed class ExecutorIssuePreviewSource(IOperationExecutor executor) : IIssuePreviewSource
{
    private static readonly string[] StandardFields = ["summary", "status", "description", "priority", "labels", "assignee", "components"];

    public async Task<IssueSnapshot?> GetIssueAsync(string issueKey, IReadOnlyCollection<string> customFields, AgentIdentity? requestedBy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueKey);
        ArgumentNullException.ThrowIfNull(customFields);
        var request = BuildArguments(issueKey, customFields);
        OperationOutput output;
        try
        {
            output = await executor.ExecuteAsync(OperationCatalog.Default["issues:read_detail"], request.RootElement,
                requestedBy is null ? ExecutionScope.Unrestricted : new ExecutionScope { Grants = [], Agent = requestedBy }, cancellationToken);
        }
        catch (JiraGate.Jira.JiraNotFoundException)
        {
            return null;
        }
        finally
        {
            request.Dispose();
        }
        return Parse(issueKey, output.Value);
    }

    private static JsonDocument BuildArguments(string issueKey, IReadOnlyCollection<string> customFields)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("issue_key", issueKey);
            if (customFields.Count > 0)
            {
                w.WriteStartArray("fields");
                foreach (var f in StandardFields.Concat(customFields))
                {
                    w.WriteStringValue(f);
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        return JsonDocument.Parse(buffer.ToArray());
    }

    /// <summary>Turns the read_detail answer (snake_case issue view) into display values.</summary>
    internal static IssueSnapshot Parse(string issueKey, JsonElement issue)
    {
        var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (issue.ValueKind != JsonValueKind.Object)
        {
            return new IssueSnapshot { Key = issueKey, Fields = fields };
        }
        foreach (var name in StandardFields)
        {
            if (issue.TryGetProperty(name, out var v))
            {
                fields[name] = Display(v);
            }
        }
        if (issue.TryGetProperty("fields", out var custom) && custom.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in custom.EnumerateObject())
            {
                fields[p.Name] = Display(p.Value);
            }
        }
        return new IssueSnapshot
        {
            Key = issue.TryGetProperty("key", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString()! : issueKey,
            Summary = fields.GetValueOrDefault("summary"),
            Status = fields.GetValueOrDefault("status"),
            Fields = fields,
        };
    }

    private static string? Display(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Array => value.GetArrayLength() == 0 ? null : string.Join(", ", value.EnumerateArray().Select(e => Display(e) ?? "")),
        // A user: "Alice Analyst <alice@example.com>".
        JsonValueKind.Object when value.TryGetProperty("display_name", out var name) && name.ValueKind == JsonValueKind.String =>
            value.TryGetProperty("email", out var email) && email.ValueKind == JsonValueKind.String
                ? $"{name.GetString()} <{email.GetString()}>"
                : name.GetString(),
        _ => value.GetRawText(),
    };
}

/// <summary>Used when no operation executor is registered: the preview shows requested values only.</summary>
internal sealed class UnavailableIssuePreviewSource : IIssuePreviewSource
{
    public Task<IssueSnapshot?> GetIssueAsync(string issueKey, IReadOnlyCollection<string> customFields, AgentIdentity? requestedBy, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("No Jira connection is configured for previews.");
}
