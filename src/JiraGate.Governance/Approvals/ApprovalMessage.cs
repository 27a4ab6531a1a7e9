using System.Globalization;
using System.Text;
using System.Text.Json;

namespace JiraGate.Governance.Approvals;

/// <summary>
/// The Slack-compatible incoming-webhook message for a pending approval: a plain <c>text</c> fallback and
/// <c>blocks</c> (header; agent, operation, risk, policy, expiry; a short argument summary; approve and deny links).
/// </summary>
internal static class ApprovalMessage
{
    private const int MaxArguments = 6;
    private const int MaxValueLength = 80;
    private const int MaxSummaryLength = 600;

    public static byte[] Build(Approval approval, Uri link)
    {
        var approve = new Uri(link + "?decision=approve");
        var deny = new Uri(link + "?decision=deny");
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("text", string.Create(CultureInfo.InvariantCulture,
                $"Approval needed: {approval.Operation} by {approval.AgentId} ({approval.OrgId}), risk {approval.Risk}. Review: {link}"));
            json.WriteStartArray("blocks");

            json.WriteStartObject();
            json.WriteString("type", "header");
            PlainText(json, "text", $"Approval needed: {approval.Operation}");
            json.WriteEndObject();

            json.WriteStartObject();
            json.WriteString("type", "section");
            json.WriteStartArray("fields");
            Field(json, "Agent", $"{approval.AgentId} ({approval.OrgId})");
            Field(json, "Operation", approval.Operation);
            Field(json, "Risk", approval.Risk);
            Field(json, "Policy", approval.Policy ?? "—");
            Field(json, "Requested", approval.CreatedAt.UtcDateTime.ToString("u", CultureInfo.InvariantCulture));
            Field(json, "Expires", approval.ExpiresAt.UtcDateTime.ToString("u", CultureInfo.InvariantCulture));
            json.WriteEndArray();
            json.WriteEndObject();

            json.WriteStartObject();
            json.WriteString("type", "section");
            json.WriteStartObject("text");
            json.WriteString("type", "mrkdwn");
            json.WriteString("text", "*Arguments*\n```" + Summary(approval.Arguments) + "```");
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartObject();
            json.WriteString("type", "actions");
            json.WriteStartArray("elements");
            Button(json, "Approve", "approve", approve, "primary");
            Button(json, "Deny", "deny", deny, "danger");
            Button(json, "Details", "details", link, null);
            json.WriteEndArray();
            json.WriteEndObject();

            json.WriteStartObject();
            json.WriteString("type", "context");
            json.WriteStartArray("elements");
            json.WriteStartObject();
            json.WriteString("type", "mrkdwn");
            json.WriteString("text", $"Approval `{approval.Id}` · arguments sha256 `{approval.Arguments.Sha256[..16]}…` · four-eyes: not {Escape(approval.AgentOwner ?? approval.AgentId)}");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();

            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// Up to six top-level arguments as <c>name: value</c> lines, long values cut: enough for a person to see what is
    /// asked, never a full payload (descriptions, attachment content) in a chat channel.
    /// </summary>
    internal static string Summary(ApprovalArguments arguments)
    {
        using var document = arguments.ToDocument();
        var root = document.RootElement;
        var builder = new StringBuilder();
        if (root.ValueKind == JsonValueKind.Object)
        {
            var count = 0;
            foreach (var property in root.EnumerateObject())
            {
                if (count++ == MaxArguments)
                {
                    builder.Append("… and more\n");
                    break;
                }
                var value = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                builder.Append(property.Name).Append(": ").Append(Cut(value)).Append('\n');
            }
        }
        else
        {
            builder.Append(Cut(root.GetRawText()));
        }
        var text = builder.ToString().TrimEnd('\n');
        text = text.Length > MaxSummaryLength ? text[..MaxSummaryLength] + "…" : text;
        // No closing the code block early, no Slack control sequences.
        return Escape(text.Replace("`", "'", StringComparison.Ordinal));
    }

    private static string Cut(string value)
    {
        value = value.ReplaceLineEndings(" ");
        return value.Length > MaxValueLength ? value[..MaxValueLength] + "…" : value;
    }

    // Slack's mrkdwn treats &, < and > as control characters (links, mentions such as <!channel>).
    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static void PlainText(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("type", "plain_text");
        json.WriteString("text", text.Length > 150 ? text[..150] : text);
        json.WriteEndObject();
    }

    private static void Field(Utf8JsonWriter json, string label, string value)
    {
        json.WriteStartObject();
        json.WriteString("type", "mrkdwn");
        json.WriteString("text", $"*{label}*\n{Escape(value)}");
        json.WriteEndObject();
    }

    private static void Button(Utf8JsonWriter json, string label, string actionId, Uri url, string? style)
    {
        json.WriteStartObject();
        json.WriteString("type", "button");
        PlainText(json, "text", label);
        json.WriteString("action_id", actionId);
        json.WriteString("url", url.AbsoluteUri);
        if (style is not null)
        {
            json.WriteString("style", style);
        }
        json.WriteEndObject();
    }
}
