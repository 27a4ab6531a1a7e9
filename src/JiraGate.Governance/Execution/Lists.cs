using System.Text.Json;
using JiraGate.Governance.Pipeline;
using JiraGate.Jira;

namespace JiraGate.Governance.Execution;

/// <summary>The two list envelopes: offset pages and whole (unpaged) lists.</summary>
internal static class Lists
{
    /// <summary>
    /// <c>{…prefix, items, start_at, total?, is_last, next_start_at?}</c> from one Jira page: items beyond the byte budget
    /// are left for the next call (<c>next_start_at</c>).
    /// </summary>
    public static OperationOutput OffsetPage<T>(OperationRun run, Page<T> page, int startAt, int max, Action<Utf8JsonWriter, T> write,
        Action<Utf8JsonWriter>? prefix = null)
    {
        using var result = run.NewResult();
        var w = result.W;
        w.WriteStartObject();
        prefix?.Invoke(w);
        var written = result.WriteItems("items", page.Items, 0, max, write);
        Json.OffsetPaging(w, page.StartAt ?? startAt, written, page.Total, page.IsLast && written == page.Items.Count);
        w.WriteEndObject();
        return result.Finish(page.RequestId);
    }

    /// <summary>
    /// An offset page cut from <paramref name="fetched"/>, which holds the items from <paramref name="startAt"/> minus
    /// <paramref name="skip"/> on and one more than asked when more exist.
    /// </summary>
    public static OperationOutput Window<T>(OperationRun run, IReadOnlyList<T> fetched, int skip, int startAt, int max, Action<Utf8JsonWriter, T> write,
        string? requestId = null)
    {
        using var result = run.NewResult();
        var w = result.W;
        w.WriteStartObject();
        var written = result.WriteItems("items", fetched, skip, max, write);
        Json.OffsetPaging(w, startAt, written, null, skip + written >= fetched.Count);
        w.WriteEndObject();
        return result.Finish(requestId);
    }

    /// <summary><c>{…prefix, items, total, truncated}</c> for a list Jira does not page: as many items as fit.</summary>
    public static OperationOutput Whole<T>(OperationRun run, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> write,
        Action<Utf8JsonWriter>? prefix = null, string? requestId = null)
    {
        using var result = run.NewResult();
        var w = result.W;
        w.WriteStartObject();
        prefix?.Invoke(w);
        var written = result.WriteItems("items", items, 0, int.MaxValue, write);
        w.WriteNumber("total", items.Count);
        w.WriteBoolean("truncated", written < items.Count);
        w.WriteEndObject();
        return result.Finish(requestId);
    }
}
