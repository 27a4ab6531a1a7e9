using System.Globalization;
using System.Text.Json;
using JiraGate.Sandbox.Http;

namespace JiraGate.Sandbox.Api.Agile;

/// <summary>An offset page request as the Agile API reads it: <c>startAt</c> (int64) and <c>maxResults</c> (int32).</summary>
/// <param name="StartAt">Index of the first item (0-based).</param>
/// <param name="MaxResults">Page size actually used (after the server cap): what the response reports.</param>
internal readonly record struct AgilePage(long StartAt, int MaxResults)
{
    /// <summary>The slice of <paramref name="items"/> this page covers, and whether it reaches the end.</summary>
    public (List<T> Items, bool IsLast) Slice<T>(IReadOnlyList<T> items)
    {
        if (StartAt >= items.Count)
        {
            return ([], true);
        }
        var start = (int)StartAt;
        var count = Math.Min(MaxResults, items.Count - start);
        return ([.. items.Skip(start).Take(count)], start + count >= items.Count);
    }
}

/// <summary>Reads the Agile API's paging parameters; bad values are Jira-shaped 400s, never 500s.</summary>
internal static class AgilePaging
{
    /// <summary>The Agile API's default page size (spec: maxResults default 50).</summary>
    public const int DefaultMaxResults = 50;

    /// <summary>Boards and sprints: Jira Software never returns more than 50 per page.</summary>
    public const int MetadataCap = 50;

    /// <summary>
    /// Issue lists are capped by <c>jira.search.views.default.max</c>: 1000 on Data Center by default; Cloud
    /// serves at most 100 issues with fields per page (as /search does).
    /// </summary>
    public static int IssueCap(bool isCloud) => isCloud ? 100 : 1000;

    public static Parsed<AgilePage> Read(HttpRequest request, int cap)
    {
        var startAt = QueryLong(request, "startAt", 0);
        if (!startAt.IsOk)
        {
            return Parsed<AgilePage>.Fail(startAt.Error!);
        }
        var maxResults = ReadMaxResults(request, cap);
        return maxResults.IsOk
            ? Parsed<AgilePage>.Ok(new AgilePage(startAt.Value, maxResults.Value))
            : Parsed<AgilePage>.Fail(maxResults.Error!);
    }

    /// <summary>maxResults: default 50, negative is a 400, larger than the cap is shrunk to the cap.</summary>
    public static Parsed<int> ReadMaxResults(HttpRequest request, int cap)
    {
        var raw = request.Query["maxResults"].ToString();
        if (string.IsNullOrEmpty(raw))
        {
            return Parsed<int>.Ok(Math.Min(DefaultMaxResults, cap));
        }
        if (!long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return Parsed<int>.Fail(NotANumber(raw, "maxResults"));
        }
        if (value < 0)
        {
            return Parsed<int>.Fail(JiraResults.Error(StatusCodes.Status400BadRequest,
                "The 'maxResults' parameter must not be negative."));
        }
        return Parsed<int>.Ok((int)Math.Min(value, cap));
    }

    private static Parsed<long> QueryLong(HttpRequest request, string name, long defaultValue)
    {
        var raw = request.Query[name].ToString();
        if (string.IsNullOrEmpty(raw))
        {
            return Parsed<long>.Ok(defaultValue);
        }
        if (!long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return Parsed<long>.Fail(NotANumber(raw, name));
        }
        return value < 0
            ? Parsed<long>.Fail(JiraResults.Error(StatusCodes.Status400BadRequest, $"The '{name}' parameter must not be negative."))
            : Parsed<long>.Ok(value);
    }

    private static IResult NotANumber(string raw, string name) => JiraResults.Error(StatusCodes.Status400BadRequest,
        $"The value '{raw}' is not valid for the parameter '{name}'; it must be a whole number.");

    /// <summary>Writes an Agile page envelope: <c>{maxResults,startAt,[total],isLast,values:[…]}</c>.</summary>
    public static void WritePage<T>(Utf8JsonWriter w, AgilePage page, IReadOnlyList<T> all, bool includeTotal,
        Action<Utf8JsonWriter, T> writeItem)
    {
        var (items, isLast) = page.Slice(all);
        w.WriteStartObject();
        w.WriteNumber("maxResults", page.MaxResults);
        w.WriteNumber("startAt", page.StartAt);
        if (includeTotal)
        {
            w.WriteNumber("total", all.Count);
        }
        w.WriteBoolean("isLast", isLast);
        w.WriteStartArray("values");
        foreach (var item in items)
        {
            writeItem(w, item);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
