using System.Globalization;
using System.Text.Json;
using JiraGate.Governance.Pipeline;
using ModelContextProtocol.Protocol;

namespace JiraGate.Mcp.Results;

/// <summary>Builds the tool results: text content only, compact JSON; governance errors as <c>isError</c> results, never exceptions.</summary>
internal static class ToolResults
{
    public static CallToolResult Text(string text, bool isError = false) => new()
    {
        Content = [new TextContentBlock { Text = text }],
        IsError = isError,
    };

    public static CallToolResult Error(string code, string message) =>
        Text(ResultJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("error");
            w.WriteString("code", code);
            w.WriteString("message", message);
            w.WriteEndObject();
            w.WriteEndObject();
        }), isError: true);

    public static CallToolResult Error(OperationError error, string? approvalId) =>
        Text(ResultJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("error");
            w.WriteString("code", error.Code);
            w.WriteString("message", error.Message);
            if (approvalId is not null)
            {
                w.WriteString("approval_id", approvalId);
            }

            if (error.JiraStatus is { } status)
            {
                w.WriteNumber("jira_status", status);
            }

            if (error.JiraErrorMessages.Count > 0)
            {
                w.WriteStartArray("jira_error_messages");
                foreach (var m in error.JiraErrorMessages)
                {
                    w.WriteStringValue(m);
                }

                w.WriteEndArray();
            }

            if (error.JiraErrors.Count > 0)
            {
                w.WriteStartObject("jira_errors");
                foreach (var (field, m) in error.JiraErrors)
                {
                    w.WriteString(field, m);
                }

                w.WriteEndObject();
            }

            if (error.Arguments.Count > 0)
            {
                w.WriteStartArray("arguments");
                foreach (var a in error.Arguments)
                {
                    w.WriteStartObject();
                    w.WriteString("argument", a.Argument);
                    w.WriteString("message", a.Message);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            if (error.RetryAfter is { } retry)
            {
                w.WriteNumber("retry_after_seconds", Math.Ceiling(retry.TotalSeconds));
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }), isError: true);

    /// <summary>A pending approval: an ordinary result that says what to do next.</summary>
    public static CallToolResult Pending(OperationResult result) =>
        Text(ResultJson.Write(w =>
        {
            var channel = result.ApprovalChannel;
            w.WriteStartObject();
            w.WriteString("status", "pending_approval");
            w.WriteString("approval_id", result.ApprovalId);
            w.WriteString("operation", result.Operation);
            if (channel is not null)
            {
                w.WriteString("channel", channel);
            }

            if (result.ApprovalExpiresAt is { } expires)
            {
                w.WriteString("expires_at", expires.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            }

            w.WriteString("next", $"Nothing has run yet: a human must approve{(channel is null ? "" : " in " + channel)}. " +
                $"Call {Tools.McpToolNames.ApprovalStatus} with {{\"approval_id\": \"{result.ApprovalId}\"}} to see the decision and collect the result.");
            w.WriteEndObject();
        }));

    /// <summary>The value an approval's result is wrapped in by <see cref="Tools.McpToolNames.ApprovalStatus"/>.</summary>
    public static JsonElement ExecutedApproval(string approvalId, JsonElement? value)
    {
        var text = ResultJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("status", "executed");
            w.WriteString("approval_id", approvalId);
            w.WritePropertyName("result");
            if (value is { } v)
            {
                v.WriteTo(w);
            }
            else
            {
                w.WriteNullValue();
            }

            w.WriteEndObject();
        });
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }
}
