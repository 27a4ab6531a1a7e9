using System.Globalization;
using System.Text.Json;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Rendering;

namespace JiraGate.Sandbox.Api.SiteDirectory;

/// <summary>An offset page request: <c>startAt</c> and <c>maxResults</c> as Jira reads them.</summary>
internal readonly record struct PageRequest(int StartAt, int MaxResults)
{
    /// <summary>Reads startAt/maxResults; maxResults above <paramref name="cap"/> is silently lowered, as Jira does.</summary>
    public static Parsed<PageRequest> Read(HttpRequest request, int defaultMax, int cap)
    {
        var startAt = RequestReading.QueryInt(request, "startAt", 0);
        if (!startAt.IsOk)
        {
            return Parsed<PageRequest>.Fail(startAt.Error!);
        }
        var maxResults = RequestReading.QueryInt(request, "maxResults", defaultMax, 0, cap);
        return maxResults.IsOk
            ? Parsed<PageRequest>.Ok(new PageRequest(startAt.Value, maxResults.Value))
            : Parsed<PageRequest>.Fail(maxResults.Error!);
    }

    public IEnumerable<T> Slice<T>(IEnumerable<T> all) => all.Skip(StartAt).Take(MaxResults);
}

/// <summary>Writes Jira's PageBean: <c>{self, nextPage?, maxResults, startAt, total, isLast, values}</c>.</summary>
internal static class Paging
{
    public static IResult PageBean<T>(HttpRequest request, RenderContext rc, PageRequest page, IReadOnlyList<T> all,
        Action<Utf8JsonWriter, T> writeItem)
    {
        var values = page.Slice(all).ToList();
        var isLast = page.StartAt + values.Count >= all.Count;
        return JiraResults.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("self", PageUrl(request, rc, page.StartAt, page.MaxResults));
            if (!isLast)
            {
                w.WriteString("nextPage", PageUrl(request, rc, page.StartAt + values.Count, page.MaxResults));
            }
            w.WriteNumber("maxResults", page.MaxResults);
            w.WriteNumber("startAt", page.StartAt);
            w.WriteNumber("total", all.Count);
            w.WriteBoolean("isLast", isLast);
            w.WriteStartArray("values");
            foreach (var item in values)
            {
                writeItem(w, item);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>A plain JSON array of the requested slice (users/search, user/search: no envelope, no total).</summary>
    public static IResult Array<T>(PageRequest page, IEnumerable<T> all, Action<Utf8JsonWriter, T> writeItem)
    {
        var values = page.Slice(all).ToList();
        return JiraResults.Json(w =>
        {
            w.WriteStartArray();
            foreach (var item in values)
            {
                writeItem(w, item);
            }
            w.WriteEndArray();
        });
    }

    /// <summary>This request's URL with startAt/maxResults replaced (self and nextPage links).</summary>
    private static string PageUrl(HttpRequest request, RenderContext rc, int startAt, int maxResults)
    {
        var pairs = request.Query
            .Where(q => q.Key is not ("startAt" or "maxResults"))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new("startAt", startAt.ToString(CultureInfo.InvariantCulture)))
            .Append(new("maxResults", maxResults.ToString(CultureInfo.InvariantCulture)));
        return rc.BaseUrl + request.Path + QueryString.Create(pairs);
    }
}

/// <summary>Jira's <c>orderBy</c> parameter: a field name with an optional <c>+</c>/<c>-</c> prefix.</summary>
internal readonly record struct OrderBy(string Field, bool Descending)
{
    /// <summary>Parses orderBy against the allowed fields; an unknown field is Jira's 400.</summary>
    public static Parsed<OrderBy> Read(HttpRequest request, string defaultField, params string[] allowed)
    {
        var raw = request.Query["orderBy"].ToString();
        if (string.IsNullOrEmpty(raw))
        {
            return Parsed<OrderBy>.Ok(new OrderBy(defaultField, false));
        }
        var descending = raw[0] == '-';
        var field = raw[0] is '-' or '+' ? raw[1..] : raw;
        var match = allowed.FirstOrDefault(a => string.Equals(a, field, StringComparison.OrdinalIgnoreCase));
        return match is null
            ? Parsed<OrderBy>.Fail(JiraResults.Error(StatusCodes.Status400BadRequest,
                $"Invalid orderBy value '{raw}'. Valid values are: {string.Join(", ", allowed)}."))
            : Parsed<OrderBy>.Ok(new OrderBy(match, descending));
    }

    public IEnumerable<T> Apply<T, TKey>(IEnumerable<T> items, Func<T, TKey> key, IComparer<TKey>? comparer = null) =>
        Descending ? items.OrderByDescending(key, comparer) : items.OrderBy(key, comparer);
}
