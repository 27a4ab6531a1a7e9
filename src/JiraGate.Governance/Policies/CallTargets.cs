using System.Text.Json;

namespace JiraGate.Governance.Policies;

/// <summary>Reads the projects, issue types and bulk size a call reaches from its arguments.</summary>
internal static class CallTargets
{
    public static string? String(JsonElement args, string? name) =>
        name is not null && args.ValueKind == JsonValueKind.Object && args.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;

    /// <summary>The project key of an issue key (SEC-12 → SEC); null for a numeric id, which names no project.</summary>
    public static string? ProjectOfIssueKey(string? key)
    {
        if (key is null)
        {
            return null;
        }

        var dash = key.LastIndexOf('-');
        return dash > 0 ? key[..dash] : null;
    }

    public static int BulkCount(JsonElement args, string? name) =>
        name is not null && args.ValueKind == JsonValueKind.Object && args.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.GetArrayLength()
            : 0;

    public static bool Contains(IReadOnlyList<string> list, string value)
    {
        foreach (var item in list)
        {
            if (string.Equals(item, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
