using System.Text.Json.Nodes;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Api.Children;

/// <summary>
/// Reads comment bodies and worklog comments as the REST version expects them: an ADF document on v3,
/// a wiki-markup string on v2 (stored as ADF either way).
/// </summary>
internal static class RichTextInput
{
    /// <summary>Jira's limit for multi-line text (comment bodies, descriptions).</summary>
    public const int MaxChars = 32767;

    public const string TooLongMessage = "The entered text is too long. It exceeds the allowed limit of 32,767 characters.";

    /// <summary>
    /// Parses <paramref name="value"/>; a wrong kind of value or an invalid document is a 400 with
    /// <paramref name="invalidMessage"/> under <paramref name="field"/>. Cloud counts an ADF body's
    /// serialised JSON against the limit, a wiki body its characters.
    /// </summary>
    public static Parsed<RichText> Read(JsonNode? value, bool adf, string field, string invalidMessage)
    {
        if (adf)
        {
            var problem = ValidateAdf(value);
            if (problem is not null)
            {
                return Parsed<RichText>.Fail(FieldError(field, invalidMessage));
            }
            var json = value!.ToJsonString();
            return json.Length > MaxChars
                ? Parsed<RichText>.Fail(FieldError(field, TooLongMessage))
                : Parsed<RichText>.Ok(new RichText(json));
        }
        if (RequestReading.String(value) is not { } wiki)
        {
            return Parsed<RichText>.Fail(FieldError(field, invalidMessage));
        }
        return wiki.Length > MaxChars
            ? Parsed<RichText>.Fail(FieldError(field, TooLongMessage))
            : Parsed<RichText>.Ok(RichText.FromNode(Adf.WikiMarkup.ToAdf(wiki)));
    }

    public static IResult FieldError(string field, string message) =>
        JiraResults.FieldErrors(StatusCodes.Status400BadRequest, new Dictionary<string, string> { [field] = message });

    /// <summary>Null when the value is a valid ADF document, else why not.</summary>
    private static string? ValidateAdf(JsonNode? value)
    {
        if (value is not JsonObject doc || RequestReading.String(doc["type"]) != "doc"
            || !RequestReading.TryLong(doc["version"], out var version) || version != 1 || doc["content"] is not JsonArray)
        {
            return "not an Atlassian Document";
        }
        return null;
    }
}
