using System.Text.Json;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Http;

namespace JiraGate.Sandbox.Api.Webhooks;

/// <summary>Strict readers for webhook request bodies: a wrong JSON type or an unknown property is a 400, never ignored.</summary>
internal static class WebhookJson
{
    /// <summary>Jackson's answer to an unknown property (Jira's beans are not marked as ignorable).</summary>
    public static IResult? RejectUnknown(JsonObject body, IReadOnlySet<string> known)
    {
        var unknown = body.Select(p => p.Key).FirstOrDefault(k => !known.Contains(k));
        return unknown is null
            ? null
            : JiraResults.Error(StatusCodes.Status400BadRequest, $"Unrecognized field \"{unknown}\", not marked as ignorable");
    }

    public static bool TryString(JsonNode? node, out string? value)
    {
        value = null;
        if (node is null)
        {
            return true;
        }
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            value = v.GetValue<string>();
            return true;
        }
        return false;
    }

    public static bool TryBool(JsonNode? node, bool defaultValue, out bool value)
    {
        value = defaultValue;
        if (node is null)
        {
            return true;
        }
        if (node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            value = v.GetValue<bool>();
            return true;
        }
        return false;
    }

    /// <summary>An array of strings (null: absent). Any other element type fails.</summary>
    public static bool TryStringList(JsonNode? node, out List<string>? values)
    {
        values = null;
        if (node is null)
        {
            return true;
        }
        if (node is not JsonArray array)
        {
            return false;
        }
        values = [];
        foreach (var item in array)
        {
            if (item is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
            {
                values = null;
                return false;
            }
            values.Add(v.GetValue<string>());
        }
        return true;
    }

    /// <summary>An array of integer ids (null: absent or not an array of integers).</summary>
    public static List<long>? LongList(JsonNode? node)
    {
        if (node is not JsonArray array)
        {
            return null;
        }
        var ids = new List<long>();
        foreach (var item in array)
        {
            if (item is not JsonValue v || v.GetValueKind() != JsonValueKind.Number || !v.TryGetValue<long>(out var id))
            {
                return null;
            }
            ids.Add(id);
        }
        return ids;
    }

    public static IResult TypeError(string field, string expected) =>
        JiraResults.Error(StatusCodes.Status400BadRequest,
            $"Can not deserialize the value of \"{field}\": expected {expected}.");
}
