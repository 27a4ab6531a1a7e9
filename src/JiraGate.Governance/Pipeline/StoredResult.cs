using System.Buffers;
using System.Text;
using System.Text.Json;
using JiraGate.Governance.Approvals;
using JiraGate.Governance.Catalog;

namespace JiraGate.Governance.Pipeline;

/// <summary>
/// How an approved execution's result is kept on the approval for the agent to collect: the result as
/// <c>{"value": …, "jira_request_id": …}</c>, an error as <c>{"code", "message", "jira_status", "jira_error_messages",
/// "jira_errors", "retry_after_ms", "arguments"}</c>. Written with <see cref="Utf8JsonWriter"/>, no reflection.
/// </summary>
internal static class StoredResult
{
    public static string WriteValue(OperationResult result)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WritePropertyName("value");
            if (result.Value is { } value)
            {
                value.WriteTo(w);
            }
            else
            {
                w.WriteNullValue();
            }
            w.WriteString("jira_request_id", result.JiraRequestId);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static string WriteError(OperationError error)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("code", error.Code);
            w.WriteString("message", error.Message);
            if (error.JiraStatus is { } status)
            {
                w.WriteNumber("jira_status", status);
            }
            w.WriteStartArray("jira_error_messages");
            foreach (var m in error.JiraErrorMessages)
            {
                w.WriteStringValue(m);
            }
            w.WriteEndArray();
            w.WriteStartObject("jira_errors");
            foreach (var (field, message) in error.JiraErrors)
            {
                w.WriteString(field, message);
            }
            w.WriteEndObject();
            if (error.RetryAfter is { } retry)
            {
                w.WriteNumber("retry_after_ms", (long)retry.TotalMilliseconds);
            }
            w.WriteStartArray("arguments");
            foreach (var a in error.Arguments)
            {
                w.WriteStartObject();
                w.WriteString("argument", a.Argument);
                w.WriteString("keyword", a.Keyword);
                w.WriteString("message", a.Message);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The Ok result kept on an executed approval.</summary>
    public static OperationResult ReadExecuted(Approval approval)
    {
        JsonElement? value = null;
        string? requestId = null;
        if (approval.ResultJson is { } json)
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.TryGetProperty("value", out var v) && v.ValueKind != JsonValueKind.Null)
            {
                value = v.Clone();
            }
            if (root.TryGetProperty("jira_request_id", out var r) && r.ValueKind == JsonValueKind.String)
            {
                requestId = r.GetString();
            }
        }
        return new OperationResult
        {
            Operation = approval.Operation,
            Status = OperationStatus.Ok,
            Value = value,
            JiraRequestId = requestId,
            ApprovalId = approval.Id,
        };
    }

    /// <summary>The Failed result kept on a failed approval (an error written by someone else reads as jira_error).</summary>
    public static OperationResult ReadFailed(Approval approval)
    {
        var error = TryReadError(approval.Error) ?? new OperationError
        {
            Code = OperationErrorCodes.JiraError,
            Message = approval.Error ?? $"Approval {approval.Id} failed when it was executed.",
        };
        return OperationResults.Failed(approval.Operation, error, null, approval.Id);
    }

    private static OperationError? TryReadError(string? text)
    {
        if (string.IsNullOrEmpty(text) || text[0] != '{')
        {
            return null;
        }
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            if (!root.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.String)
            {
                return null;
            }
            return new OperationError
            {
                Code = code.GetString()!,
                Message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "",
                JiraStatus = root.TryGetProperty("jira_status", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : null,
                JiraErrorMessages = root.TryGetProperty("jira_error_messages", out var ms) && ms.ValueKind == JsonValueKind.Array
                    ? [.. ms.EnumerateArray().Select(x => x.GetString() ?? "")]
                    : [],
                JiraErrors = root.TryGetProperty("jira_errors", out var es) && es.ValueKind == JsonValueKind.Object
                    ? es.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal)
                    : new Dictionary<string, string>(),
                RetryAfter = root.TryGetProperty("retry_after_ms", out var ra) && ra.ValueKind == JsonValueKind.Number
                    ? TimeSpan.FromMilliseconds(ra.GetInt64())
                    : null,
                Arguments = root.TryGetProperty("arguments", out var args) && args.ValueKind == JsonValueKind.Array
                    ? [.. args.EnumerateArray().Select(a => new ArgumentError
                    {
                        Argument = a.GetProperty("argument").GetString() ?? "",
                        Keyword = a.GetProperty("keyword").GetString() ?? "",
                        Message = a.GetProperty("message").GetString() ?? "",
                    })]
                    : [],
            };
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }
}
