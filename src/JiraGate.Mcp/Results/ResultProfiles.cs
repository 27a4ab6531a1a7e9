using System.Text.Json;
using System.Text.Json.Nodes;

namespace JiraGate.Mcp.Results;

/// <summary>Field profiles: what of an answer reaches the agent's context.</summary>
internal static class ResultProfiles
{
    /// <summary>Strings longer than this are shortened under <see cref="ResultProfile.Minimal"/>.</summary>
    internal const int MinimalTextLength = 200;

    // Links and decoration an agent never needs: Jira puts them on every user, project, status and issue.
    private static readonly HashSet<string> Noise = new(StringComparer.Ordinal)
    {
        "self", "avatarUrls", "avatar_urls", "iconUrl", "icon_url", "expand", "_links", "_expandable",
    };

    // What a nested object is called by, in order of preference, when minimal collapses it to one value.
    private static readonly string[] Identifiers = ["key", "displayName", "display_name", "name", "value", "id"];

    public static bool TryParse(string? text, out ResultProfile profile)
    {
        switch (text)
        {
            case "minimal": profile = ResultProfile.Minimal; return true;
            case "standard": profile = ResultProfile.Standard; return true;
            case "full": profile = ResultProfile.Full; return true;
            default: profile = ResultProfile.Standard; return false;
        }
    }

    public static JsonNode? Apply(JsonElement value, ResultProfile profile) => profile switch
    {
        ResultProfile.Full => JsonNode.Parse(value.GetRawText()),
        _ => Shape(value, profile == ResultProfile.Minimal, depth: 0),
    };

    private static JsonNode? Shape(JsonElement value, bool minimal, int depth)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                if (minimal && depth >= 2 && Identify(value) is { } id)
                {
                    return Shape(id, minimal, depth);
                }

                var obj = new JsonObject();
                foreach (var p in value.EnumerateObject())
                {
                    // Empty values go, except at the top: "issues": [] is the answer to a search that found nothing.
                    if (Noise.Contains(p.Name) || (depth == 0 ? p.Value.ValueKind == JsonValueKind.Null : IsEmpty(p.Value)))
                    {
                        continue;
                    }

                    obj[p.Name] = Shape(p.Value, minimal, depth + 1);
                }

                return obj;
            case JsonValueKind.Array:
                var array = new JsonArray();
                foreach (var item in value.EnumerateArray())
                {
                    array.Add(Shape(item, minimal, depth));
                }

                return array;
            case JsonValueKind.String when minimal:
                var text = value.GetString()!;
                return JsonValue.Create(text.Length <= MinimalTextLength ? text : string.Concat(text.AsSpan(0, MinimalTextLength), "… (shortened; profile full has all)"));
            default:
                return JsonNode.Parse(value.GetRawText());
        }
    }

    private static JsonElement? Identify(JsonElement obj)
    {
        foreach (var name in Identifiers)
        {
            if (obj.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            {
                return v;
            }
        }

        return null;
    }

    private static bool IsEmpty(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => true,
        JsonValueKind.String => v.GetString()!.Length == 0,
        JsonValueKind.Array => v.GetArrayLength() == 0,
        JsonValueKind.Object => !v.EnumerateObject().Any(),
        _ => false,
    };
}
