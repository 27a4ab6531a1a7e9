using System.Text.Json.Nodes;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Api.Issues;

/// <summary>
/// Reads the <c>fields</c> (implicit set) and <c>update</c> (explicit verbs) parts of an IssueUpdateDetails body,
/// and the <c>properties</c> list, shared by create, bulk create, edit and transition.
/// </summary>
internal static class IssueOperations
{
    public const int MaxPropertyKeyLength = 255;
    public const int MaxPropertyValueLength = 32768;

    public static List<FieldOperation> Read(JsonObject body, IssueEditContext ctx)
    {
        var ops = new List<FieldOperation>();
        var fields = body["fields"] as JsonObject;
        if (body["fields"] is not null and not JsonObject)
        {
            ctx.ErrorMessages.Add("Can not deserialize instance of java.util.LinkedHashMap out of the 'fields' value: expected a JSON object.");
        }
        foreach (var (id, value) in fields ?? [])
        {
            ops.Add(new FieldOperation(id, "set", value));
        }
        if (body["update"] is not null and not JsonObject)
        {
            ctx.ErrorMessages.Add("Can not deserialize instance of java.util.LinkedHashMap out of the 'update' value: expected a JSON object.");
        }
        foreach (var (id, list) in body["update"] as JsonObject ?? [])
        {
            if (fields?.ContainsKey(id) == true)
            {
                ctx.Fail(id, IssueMessages.InBothFieldsAndUpdate(id));
                continue;
            }
            if (list is not JsonArray verbs || verbs.Any(v => v is not JsonObject { Count: > 0 }))
            {
                ctx.Fail(id, $"Field '{id}': 'update' takes an array of operations such as [{{\"set\": …}}].");
                continue;
            }
            foreach (var (verb, value) in verbs.Cast<JsonObject>().SelectMany(o => o))
            {
                ops.Add(new FieldOperation(id, verb, value));
            }
        }
        return ops;
    }

    /// <summary>Validates every operation; the appliers are only meaningful when the context has no errors.</summary>
    public static List<FieldApplier> Prepare(IssueEditContext ctx, IEnumerable<FieldOperation> ops) =>
        [.. ops.Select(op => FieldEditor.Prepare(ctx, op)).OfType<FieldApplier>()];

    /// <summary>Reads <c>properties: [{key, value}]</c>; an invalid entry is a general error, as in Jira.</summary>
    public static List<(string Key, JsonNode Value)> ReadProperties(JsonObject body, IssueEditContext ctx)
    {
        var result = new List<(string, JsonNode)>();
        if (body["properties"] is null)
        {
            return result;
        }
        if (body["properties"] is not JsonArray list)
        {
            ctx.ErrorMessages.Add("The 'properties' value must be an array of {key, value} objects.");
            return result;
        }
        foreach (var entry in list)
        {
            var key = RequestReading.String(entry?["key"]);
            var value = entry?["value"];
            var problem = PropertyProblem(key, value);
            if (problem is not null)
            {
                ctx.ErrorMessages.Add(problem);
                continue;
            }
            result.Add((key!, value!));
        }
        return result;
    }

    /// <summary>Why a property key/value cannot be stored, or null when it can.</summary>
    public static string? PropertyProblem(string? key, JsonNode? value)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return "The property key cannot be empty.";
        }
        if (key.Length > MaxPropertyKeyLength)
        {
            return $"The property key cannot be longer than {MaxPropertyKeyLength} characters.";
        }
        if (value is null)
        {
            return "The property value cannot be empty.";
        }
        return value.ToJsonString().Length > MaxPropertyValueLength
            ? $"The property value cannot be longer than {MaxPropertyValueLength} characters."
            : null;
    }

    public static void ApplyProperties(Issue issue, IEnumerable<(string Key, JsonNode Value)> properties)
    {
        foreach (var (key, value) in properties)
        {
            issue.Properties[key] = value.DeepClone();
        }
    }
}
