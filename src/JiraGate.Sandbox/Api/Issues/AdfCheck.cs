using System.Text.Json.Nodes;

namespace JiraGate.Sandbox.Api.Issues;

/// <summary>Validates an ADF value sent to a v3 rich-text field; null when it is a valid document.</summary>
internal static class AdfCheck
{
    public const string NotADocument = "Operation value must be an Atlassian Document (see the Atlassian Document Format)";

    /// <summary>Null when the value is an ADF document valid against Atlassian's schema; otherwise why not.</summary>
    public static string? Problem(JsonNode? value)
    {
        if (!Adf.AdfValidator.LooksLikeDocument(value))
        {
            return NotADocument;
        }
        var result = Adf.AdfValidator.Instance.Validate(value);
        return result.IsValid ? null : result.Message;
    }
}
