using System.Text;
using System.Text.Json;

namespace JiraGate.Jira;

/// <summary>
/// Reads an error body defensively: Jira's ErrorCollection (<c>errorMessages</c>/<c>errors</c>), the
/// <c>message</c> shape of Agile and gateway errors, OAuth's <c>error_description</c>, an HTML page from a
/// proxy or Tomcat, plain text, or nothing at all. It never throws.
/// </summary>
internal static class JiraErrorBody
{
    private const int TextLimit = 300;

    public static (IReadOnlyList<string> Messages, IReadOnlyDictionary<string, string> Errors) Parse(ReadOnlySpan<byte> body)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = Encoding.UTF8.GetString(body).Trim();
        if (text.Length == 0)
        {
            return ([], errors);
        }
        if (text[0] == '{' && TryParseJson(text, errors, out var messages))
        {
            return (messages, errors);
        }
        if (text[0] == '<')
        {
            var fromHtml = FromHtml(text);
            return (fromHtml.Length == 0 ? [] : [fromHtml], errors);
        }
        return ([Bound(CollapseWhitespace(text))], errors);
    }

    private static bool TryParseJson(string text, Dictionary<string, string> errors, out List<string> messages)
    {
        messages = [];
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return false;
            }
            if (root.TryGetProperty("errorMessages", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    AddText(messages, item);
                }
            }
            if (root.TryGetProperty("errors", out var fields) && fields.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in fields.EnumerateObject())
                {
                    errors[field.Name] = Bound(field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString() ?? "" : field.Value.GetRawText());
                }
            }
            foreach (var name in (ReadOnlySpan<string>)["message", "errorMessage", "error_description"])
            {
                if (root.TryGetProperty(name, out var value))
                {
                    AddText(messages, value);
                }
            }
            if (messages.Count == 0 && errors.Count == 0 && root.TryGetProperty("error", out var error))
            {
                AddText(messages, error);
            }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void AddText(List<string> messages, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s)
        {
            messages.Add(Bound(s));
        }
    }

    /// <summary>The page title, else the first words of its text: enough to recognise a proxy or login page.</summary>
    private static string FromHtml(string html)
    {
        var start = html.IndexOf("<title", StringComparison.OrdinalIgnoreCase);
        if (start >= 0)
        {
            var open = html.IndexOf('>', start);
            var close = open < 0 ? -1 : html.IndexOf("</title>", open, StringComparison.OrdinalIgnoreCase);
            if (close > open)
            {
                var title = CollapseWhitespace(System.Net.WebUtility.HtmlDecode(html[(open + 1)..close]));
                if (title.Length > 0)
                {
                    return Bound(title);
                }
            }
        }
        var sb = new StringBuilder();
        var inTag = false;
        foreach (var c in html)
        {
            if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>')
            {
                inTag = false;
                sb.Append(' ');
            }
            else if (!inTag)
            {
                sb.Append(c);
            }
            if (sb.Length > TextLimit * 4)
            {
                break;
            }
        }
        return Bound(CollapseWhitespace(System.Net.WebUtility.HtmlDecode(sb.ToString())));
    }

    private static string CollapseWhitespace(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Bound(string text) =>
        text.Length <= TextLimit ? text : string.Concat(text.AsSpan(0, TextLimit), "…");
}
