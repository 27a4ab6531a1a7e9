using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using JiraGate.Jira.Models;

namespace JiraGate.Jira.Tickets;

/// <summary>
/// Turns the plain value a caller gives for a field ("Sev2", 5, "Detection") into the JSON Jira's field type takes,
/// from the field's schema. Values already in Jira's shape (objects) are sent as given; users and rich text are
/// handled by <see cref="JiraTickets"/> because they depend on the deployment.
/// </summary>
internal static class FieldValues
{
    /// <summary>Types whose values Jira takes as <c>{"name":…}</c> or, when numeric, <c>{"id":…}</c>.</summary>
    private static readonly HashSet<string> NamedTypes = new(StringComparer.Ordinal)
    {
        "priority", "resolution", "version", "component", "issuetype", "securitylevel",
    };

    /// <summary>True for a single-user field (assignee, reporter, a user picker).</summary>
    public static bool IsUser(Field field) => field.Schema?.Type == "user";

    /// <summary>True for a multi-user field.</summary>
    public static bool IsUserList(Field field) => field.Schema is { Type: "array", Items: "user" };

    /// <summary>True for a rich-text field: description, environment, or a custom textarea.</summary>
    public static bool IsRichText(Field field) =>
        field.Schema?.System is "description" or "environment"
        || (field.Schema?.Custom?.EndsWith(":textarea", StringComparison.Ordinal) ?? false);

    /// <summary>The value in the shape the field's type takes.</summary>
    public static JsonNode? Shape(Field field, JsonNode? value)
    {
        if (value is null || value is JsonObject)
        {
            return value?.DeepClone();
        }
        var schema = field.Schema;
        if (schema?.Type == "array")
        {
            var items = value is JsonArray array ? array.Select(i => i?.DeepClone()).ToList() : [value.DeepClone()];
            return new JsonArray([.. items.Select(i => ShapeScalar(schema.Items, i))]);
        }
        return ShapeScalar(schema?.Type, value.DeepClone());
    }

    private static JsonNode? ShapeScalar(string? type, JsonNode? value)
    {
        if (value is not JsonValue scalar)
        {
            return value;
        }
        var text = scalar.GetValueKind() == JsonValueKind.String ? scalar.GetValue<string>() : null;
        return type switch
        {
            "option" when text is not null => new JsonObject { ["value"] = text },
            "number" when text is not null && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            _ when text is not null && type is not null && NamedTypes.Contains(type) =>
                new JsonObject { [text.All(char.IsAsciiDigit) ? "id" : "name"] = text },
            _ => value,
        };
    }
}
