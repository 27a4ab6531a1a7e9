using System.Text.Json.Nodes;

namespace JiraGate.Sandbox.Adf;

// Placeholder until the rich-text module lands (replaced on merge).
internal static class WikiMarkup
{
    public static string FromAdf(JsonNode? adf) => AdfText.ToPlainText(adf);

    public static JsonObject ToAdf(string wiki) => AdfText.FromPlainText(wiki);
}
