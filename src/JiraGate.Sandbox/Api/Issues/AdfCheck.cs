using System.Text.Json.Nodes;

namespace JiraGate.Sandbox.Api.Issues;

/// <summary>Validates an ADF value sent to a v3 rich-text field; null when it is a valid document.</summary>
internal static class AdfCheck
{
    public const string NotADocument = "Operation value must be an Atlassian Document (see the Atlassian Document Format)";

    // Structural check until the schema validator (Adf/AdfValidator) is on main; then this delegates to it.
    public static string? Problem(JsonNode? value)
    {
        if (value is not JsonObject doc || doc["type"]?.GetValueKind() != System.Text.Json.JsonValueKind.String
            || doc["type"]!.GetValue<string>() != "doc")
        {
            return NotADocument;
        }
        if (doc["version"] is not JsonValue version || !version.TryGetValue<int>(out var v) || v != 1)
        {
            return "/version: must be 1";
        }
        return doc["content"] is JsonArray ? null : "/content: required property is missing";
    }
}
