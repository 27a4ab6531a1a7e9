using System.Text;
using System.Text.Json.Nodes;

namespace JiraGate.Sandbox.Adf;

// Placeholder until the rich-text module lands (replaced on merge).
internal static class AdfText
{
    public static string ToPlainText(JsonNode? adf)
    {
        var sb = new StringBuilder();
        Walk(adf, sb);
        return sb.ToString().Trim();
    }

    private static void Walk(JsonNode? node, StringBuilder sb)
    {
        if (node is not JsonObject obj)
        {
            return;
        }
        if (obj["text"] is JsonValue text)
        {
            sb.Append(text.GetValue<string>());
        }
        if (obj["content"] is JsonArray content)
        {
            foreach (var child in content)
            {
                Walk(child, sb);
            }
            sb.Append('\n');
        }
    }

    public static JsonObject FromPlainText(string text) => new()
    {
        ["type"] = "doc",
        ["version"] = 1,
        ["content"] = new JsonArray(new JsonObject
        {
            ["type"] = "paragraph",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
        }),
    };
}
