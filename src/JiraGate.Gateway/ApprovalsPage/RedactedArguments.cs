using System.Text.Encodings.Web;
using System.Text.Json;
using JiraGate.Governance.Approvals;
using JiraGate.Governance.Audit;
using JiraGate.Governance.Catalog;

namespace JiraGate.Gateway.ApprovalsPage;

/// <summary>
/// An approval's arguments as the audit log keeps them: the catalog's sensitive arguments and secret-looking keys
/// replaced by <c>[redacted]</c>, bulky ones by their size and SHA-256. The page shows nothing the audit log would not.
/// </summary>
internal sealed class RedactedArguments(AuditRedactor redactor)
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The redacted arguments as canonical JSON.</summary>
    public string Redact(Approval approval)
    {
        ArgumentNullException.ThrowIfNull(approval);
        List<string> sensitive = [];
        List<string> digest = [];
        if (OperationCatalog.Default.TryGet(approval.Operation, out var op))
        {
            foreach (var (name, how) in op.Redactions)
            {
                (how == ArgumentRedaction.SizeAndDigest ? digest : sensitive).Add(name);
            }
        }
        using var document = approval.Arguments.ToDocument();
        return redactor.Redact(document.RootElement, sensitive, digest);
    }

    /// <summary>JSON laid out for reading (the page HTML-encodes it).</summary>
    public static string Indent(string json)
    {
        using var document = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Indented))
        {
            document.RootElement.WriteTo(writer);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
