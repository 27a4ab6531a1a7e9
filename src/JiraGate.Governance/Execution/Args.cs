using System.Globalization;
using System.Text.Json;
using JiraGate.Governance.Pipeline;

namespace JiraGate.Governance.Execution;

/// <summary>Reads snake_case arguments already valid against the operation's schema.</summary>
internal static class Args
{
    public static string? String(JsonElement args, string name) =>
        args.ValueKind == JsonValueKind.Object && args.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>A required string; the schema guarantees it, so a missing one is a caller bug reported as such.</summary>
    public static string Required(JsonElement args, string name) =>
        String(args, name) is { Length: > 0 } value ? value : throw new OperationArgumentException(name, $"The argument {name} is required.");

    public static bool Has(JsonElement args, string name) =>
        args.ValueKind == JsonValueKind.Object && args.TryGetProperty(name, out _);

    public static bool IsNull(JsonElement args, string name) =>
        args.ValueKind == JsonValueKind.Object && args.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Null;

    public static int? Int(JsonElement args, string name) =>
        args.ValueKind == JsonValueKind.Object && args.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    public static bool Bool(JsonElement args, string name) =>
        args.ValueKind == JsonValueKind.Object && args.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    public static IReadOnlyList<string>? Strings(JsonElement args, string name)
    {
        if (args.ValueKind != JsonValueKind.Object || !args.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        var list = new List<string>(v.GetArrayLength());
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } s)
            {
                list.Add(s);
            }
        }
        return list;
    }

    public static JsonElement? Object(JsonElement args, string name) =>
        args.ValueKind == JsonValueKind.Object && args.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    /// <summary>A numeric id the schema allows as "42" or 42 (agile board and sprint ids).</summary>
    public static long Id(JsonElement args, string name)
    {
        if (args.ValueKind == JsonValueKind.Object && args.TryGetProperty(name, out var v))
        {
            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) && n > 0)
            {
                return n;
            }
            if (v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out n) && n > 0)
            {
                return n;
            }
        }
        throw new OperationArgumentException(name, $"The argument {name} must be a positive numeric id.");
    }

    /// <summary>The page size: max_results when given, else the default.</summary>
    public static int PageSize(JsonElement args, int fallback = 50) => Int(args, "max_results") ?? fallback;

    public static int StartAt(JsonElement args) => Int(args, "start_at") ?? 0;
}
