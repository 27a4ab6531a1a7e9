using System.Globalization;
using System.Text;
using System.Text.Json;
using JiraGate.Governance.Pipeline;

namespace JiraGate.Cli.Commands;

/// <summary>The readable form of a call's result: the value on stdout, why it did not happen on stderr.</summary>
internal static class CallPrinter
{
    public static async Task WriteAsync(TextWriter output, TextWriter error, OperationResult result, string agentId)
    {
        switch (result.Status)
        {
            case OperationStatus.Ok:
                if (result.Value is { } value)
                {
                    await output.WriteLineAsync(Indented(value));
                }
                else
                {
                    await output.WriteLineAsync($"ok: {result.Operation} done.");
                }
                break;
            case OperationStatus.PendingApproval:
                await output.WriteLineAsync(result.ApprovalId);
                var expires = result.ApprovalExpiresAt is { } at ? " It expires at " + at.ToString("u", CultureInfo.InvariantCulture) + "." : "";
                var channel = result.ApprovalChannel is { Length: > 0 } c ? " (channel " + c + ")" : "";
                await error.WriteLineAsync($"pending approval: {result.Operation} waits for a human{channel}.{expires}");
                await error.WriteLineAsync($"  An approver decides on the approvals page (/approvals); the agent '{agentId}' then collects the result");
                await error.WriteLineAsync($"  with GET /v1/approvals/{result.ApprovalId} (or the MCP tool jira_approval_status).");
                break;
            default:
                await error.WriteLineAsync(Describe(result));
                break;
        }
    }

    private static string Describe(OperationResult result)
    {
        var e = result.Error;
        var text = new StringBuilder();
        text.Append(result.Status == OperationStatus.Denied ? "denied: " : "error: ")
            .Append(e?.Code ?? "failed").Append(": ").Append(e?.Message ?? result.Operation);
        if (e is null)
        {
            return text.ToString();
        }
        foreach (var argument in e.Arguments)
        {
            text.AppendLine().Append("  ").Append(argument.Argument.Length == 0 ? "(arguments)" : argument.Argument).Append(": ").Append(argument.Message);
        }
        if (e.JiraStatus is { } status)
        {
            text.AppendLine().Append("  Jira answered ").Append(status.ToString(CultureInfo.InvariantCulture));
        }
        foreach (var message in e.JiraErrorMessages)
        {
            text.AppendLine().Append("  Jira: ").Append(message);
        }
        foreach (var (field, message) in e.JiraErrors)
        {
            text.AppendLine().Append("  Jira (").Append(field).Append("): ").Append(message);
        }
        if (e.RetryAfter is { } retry)
        {
            text.AppendLine().Append("  Try again in ").Append(Math.Ceiling(retry.TotalSeconds).ToString(CultureInfo.InvariantCulture)).Append(" s.");
        }
        return text.ToString();
    }

    private static string Indented(JsonElement value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            value.WriteTo(writer);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
