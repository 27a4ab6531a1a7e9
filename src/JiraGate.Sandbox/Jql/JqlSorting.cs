using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Jql;

/// <summary>
/// One issue's value for one sort field: text (compared case-insensitively), then an integer (ticks, ranks,
/// issue numbers), then a real number. An issue without a value sorts after every value ascending and before
/// them descending, as Jira places empty fields.
/// </summary>
internal readonly record struct JqlSortValue(bool HasValue, string? Text, long Integer, double Real)
{
    public static readonly JqlSortValue Missing = new(false, null, 0, 0);

    public static JqlSortValue Of(long integer) => new(true, null, integer, 0);

    public static JqlSortValue Of(double real) => new(true, null, 0, real);

    public static JqlSortValue Of(string? text, long integer = 0) => text is null ? Missing : new(true, text, integer, 0);

    public static JqlSortValue Of(long? integer) => integer is { } v ? Of(v) : Missing;

    public int CompareTo(in JqlSortValue other)
    {
        if (HasValue != other.HasValue)
        {
            return HasValue ? -1 : 1;
        }
        if (Text is not null || other.Text is not null)
        {
            var byText = StringComparer.OrdinalIgnoreCase.Compare(Text, other.Text);
            if (byText != 0)
            {
                return byText;
            }
        }
        var c = Integer.CompareTo(other.Integer);
        return c != 0 ? c : Real.CompareTo(other.Real);
    }
}

/// <summary>How to get one field's sort value from an issue, and which way the field sorts when no direction is given.</summary>
internal sealed record JqlSortKey(Func<Issue, JqlSortValue> Value, bool DescendingByDefault = false);

internal sealed record JqlSortField(JqlSortKey Key, bool Descending);

/// <summary>Sort keys that need nothing from the site.</summary>
internal static class JqlSortKeys
{
    public static readonly JqlSortKey Created = new(i => JqlSortValue.Of(i.Created.UtcTicks), DescendingByDefault: true);

    /// <summary>Issue keys sort by project key, then by number (ABC-2 before ABC-10).</summary>
    public static readonly JqlSortKey IssueKey = new(i => JqlSortValue.Of(ProjectKeyOf(i.Key), IssueNumber(i.Key)));

    /// <summary>The sandbox keeps no rank: rank order is creation order (issue id).</summary>
    public static readonly JqlSortKey Rank = new(i => JqlSortValue.Of(i.Id));

    /// <summary>The number after the last dash of an issue key (ABC-123 → 123); -1 when there is none.</summary>
    public static long IssueNumber(string key)
    {
        var dash = key.LastIndexOf('-');
        return dash >= 0 && long.TryParse(key.AsSpan(dash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : -1;
    }

    public static string ProjectKeyOf(string key)
    {
        var dash = key.LastIndexOf('-');
        return dash > 0 ? key[..dash] : key;
    }

    /// <summary>The smallest of several sort values (multi-valued fields sort by their first value in order).</summary>
    public static JqlSortValue Min(IEnumerable<JqlSortValue> values)
    {
        var min = JqlSortValue.Missing;
        foreach (var v in values)
        {
            if (v.CompareTo(min) < 0)
            {
                min = v;
            }
        }
        return min;
    }
}

/// <summary>
/// ORDER BY as a comparer, ending with the issue id so that equal issues keep one order and pages never overlap.
/// </summary>
internal sealed class JqlIssueComparer : IComparer<Issue>
{
    private readonly JqlSortField[] _fields;

    public JqlIssueComparer(IReadOnlyList<JqlSortField> fields) => _fields = [.. fields];

    public int Compare(Issue? x, Issue? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }
        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }
        foreach (var field in _fields)
        {
            var c = field.Key.Value(x).CompareTo(field.Key.Value(y));
            if (c != 0)
            {
                return field.Descending ? -c : c;
            }
        }
        return x.Id.CompareTo(y.Id);
    }

    /// <summary>Sorts by computing each issue's sort values once, not once per comparison.</summary>
    public List<Issue> Sort(List<Issue> issues)
    {
        var width = _fields.Length;
        var keys = new JqlSortValue[issues.Count * width];
        var ids = new long[issues.Count];
        var order = new int[issues.Count];
        for (var k = 0; k < issues.Count; k++)
        {
            for (var f = 0; f < width; f++)
            {
                keys[(k * width) + f] = _fields[f].Key.Value(issues[k]);
            }
            ids[k] = issues[k].Id;
            order[k] = k;
        }
        Array.Sort(order, (a, b) =>
        {
            for (var f = 0; f < width; f++)
            {
                var c = keys[(a * width) + f].CompareTo(keys[(b * width) + f]);
                if (c != 0)
                {
                    return _fields[f].Descending ? -c : c;
                }
            }
            return ids[a].CompareTo(ids[b]);
        });
        var sorted = new List<Issue>(order.Length);
        foreach (var k in order)
        {
            sorted.Add(issues[k]);
        }
        return sorted;
    }
}
