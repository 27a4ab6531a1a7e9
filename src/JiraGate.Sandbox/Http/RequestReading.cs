using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JiraGate.Sandbox.Http;

/// <summary>The outcome of reading a request: a value, or the Jira-shaped error to answer with.</summary>
internal readonly record struct Parsed<T>(T? Value, IResult? Error)
{
    public static Parsed<T> Ok(T value) => new(value, null);

    public static Parsed<T> Fail(IResult error) => new(default, error);

    public bool IsOk => Error is null;
}

/// <summary>Reads request bodies and query parameters defensively: bad input is always a 4xx, never a 500.</summary>
internal static class RequestReading
{
    /// <summary>Largest JSON body accepted (Jira's own limit is of this order).</summary>
    public const int MaxJsonBytes = 5 * 1024 * 1024;

    public static async Task<Parsed<JsonObject>> ReadJsonObjectAsync(HttpContext context)
    {
        var node = await ReadJsonAsync(context);
        if (!node.IsOk)
        {
            return Parsed<JsonObject>.Fail(node.Error!);
        }
        return node.Value is JsonObject obj
            ? Parsed<JsonObject>.Ok(obj)
            : Parsed<JsonObject>.Fail(JiraResults.Error(StatusCodes.Status400BadRequest,
                "Can not deserialize instance of a JSON object out of the request body: expected a JSON object."));
    }

    public static async Task<Parsed<JsonNode>> ReadJsonAsync(HttpContext context)
    {
        var request = context.Request;
        var contentType = request.ContentType;
        if (contentType is null || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Parsed<JsonNode>.Fail(JiraResults.Error(StatusCodes.Status415UnsupportedMediaType,
                $"Unsupported Media Type: expected 'application/json' but got '{contentType ?? "(none)"}'."));
        }
        if (request.ContentLength > MaxJsonBytes)
        {
            return Parsed<JsonNode>.Fail(TooLarge());
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxJsonBytes)
            {
                return Parsed<JsonNode>.Fail(TooLarge());
            }
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
        {
            return Parsed<JsonNode>.Fail(JiraResults.Error(StatusCodes.Status400BadRequest,
                "No content to map due to end-of-input"));
        }
        try
        {
            var node = JsonNode.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), documentOptions: new JsonDocumentOptions { MaxDepth = 128 });
            return node is null
                ? Parsed<JsonNode>.Fail(JiraResults.Error(StatusCodes.Status400BadRequest, "The request body must not be null."))
                : Parsed<JsonNode>.Ok(node);
        }
        catch (JsonException ex)
        {
            return Parsed<JsonNode>.Fail(JiraResults.Error(StatusCodes.Status400BadRequest,
                $"Unexpected character in the request body: {ex.Message}"));
        }
    }

    private static IResult TooLarge() => JiraResults.Error(StatusCodes.Status413PayloadTooLarge,
        $"The request body is larger than the {MaxJsonBytes} bytes allowed.");

    /// <summary>Reads an integer query parameter; a malformed one is a 400 as in Jira.</summary>
    public static Parsed<int> QueryInt(HttpRequest request, string name, int defaultValue, int min = 0, int max = int.MaxValue)
    {
        var raw = request.Query[name].ToString();
        if (string.IsNullOrEmpty(raw))
        {
            return Parsed<int>.Ok(defaultValue);
        }
        if (!int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return Parsed<int>.Fail(JiraResults.Error(StatusCodes.Status400BadRequest,
                $"The value '{raw}' is not valid for the parameter '{name}'; it must be a whole number."));
        }
        if (value < min)
        {
            return Parsed<int>.Fail(JiraResults.Error(StatusCodes.Status400BadRequest,
                $"The '{name}' parameter must be at least {min}."));
        }
        return Parsed<int>.Ok(Math.Min(value, max));
    }

    public static Parsed<bool> QueryBool(HttpRequest request, string name, bool defaultValue)
    {
        var raw = request.Query[name].ToString();
        if (string.IsNullOrEmpty(raw))
        {
            return Parsed<bool>.Ok(defaultValue);
        }
        return bool.TryParse(raw, out var value)
            ? Parsed<bool>.Ok(value)
            : Parsed<bool>.Fail(JiraResults.Error(StatusCodes.Status400BadRequest,
                $"The value '{raw}' is not valid for the parameter '{name}'; use true or false."));
    }

    /// <summary>Comma-separated list parameters (fields, expand) — repeated parameters are merged.</summary>
    public static List<string> QueryList(HttpRequest request, string name) =>
        [.. request.Query[name]
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    /// <summary>Reads a string list from a JSON body property that Jira accepts as an array (or comma string).</summary>
    public static List<string> BodyList(JsonObject body, string name) => body[name] switch
    {
        JsonArray arr => [.. arr.Select(n => n?.ToString() ?? "").Where(s => s.Length > 0)],
        JsonValue v when v.TryGetValue<string>(out var s) => [.. s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        _ => [],
    };

    public static string? String(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static bool TryLong(JsonNode? node, out long value)
    {
        value = 0;
        if (node is not JsonValue v)
        {
            return false;
        }
        if (v.TryGetValue<long>(out value))
        {
            return true;
        }
        if (v.TryGetValue<int>(out var i))
        {
            value = i;
            return true;
        }
        if (v.TryGetValue<double>(out var d) && d == Math.Floor(d))
        {
            value = (long)d;
            return true;
        }
        return v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Whether a path identifier is a plausible issue key or id (keeps path tricks out).</summary>
    public static bool IsIssueIdOrKey(string value) =>
        value.Length is > 0 and <= 255
        && (value.All(char.IsAsciiDigit) || System.Text.RegularExpressions.Regex.IsMatch(value, "^[A-Za-z][A-Za-z0-9_]*-[0-9]+$"));
}
