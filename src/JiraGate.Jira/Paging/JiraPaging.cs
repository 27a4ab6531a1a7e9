using System.Runtime.CompilerServices;

namespace JiraGate.Jira;

/// <summary>
/// The paging styles Jira uses (JIRA-API.md §3), each as a page factory that decides <c>IsLast</c> from what
/// the server returned, plus the two auto-pagers (cursor and offset) that honour a caller's limit exactly.
/// </summary>
internal static class JiraPaging
{
    /// <summary>TOK (/search/jql, Software issue lists): last when <c>isLast</c> or no <c>nextPageToken</c>.</summary>
    public static Page<T> TokenPage<T>(IReadOnlyList<T>? items, bool? isLast, string? nextPageToken, string? requestId) => new()
    {
        Items = items ?? [],
        IsLast = isLast == true || string.IsNullOrEmpty(nextPageToken),
        NextPageToken = string.IsNullOrEmpty(nextPageToken) ? null : nextPageToken,
        RequestId = requestId,
    };

    /// <summary>
    /// OFS PageBean (project/search, component, version …) and AG (Agile boards, sprints): last when
    /// <c>isLast</c>; when absent, by <c>total</c>; without either, an empty page ends it.
    /// </summary>
    public static Page<T> PageBeanPage<T>(IReadOnlyList<T>? items, int? startAt, int? maxResults, long? total, bool? isLast,
        int requestedStartAt, string? requestId)
    {
        items ??= [];
        var start = startAt ?? requestedStartAt;
        return new Page<T>
        {
            Items = items,
            IsLast = isLast ?? (total is { } t ? start + items.Count >= t : items.Count == 0),
            StartAt = start,
            MaxResults = maxResults,
            Total = total,
            RequestId = requestId,
        };
    }

    /// <summary>
    /// OFS legacy (comments, worklogs, Data Center search): last when <c>startAt + returned ≥ total</c>;
    /// without a total, when fewer than the server's own <c>maxResults</c> came back.
    /// </summary>
    public static Page<T> LegacyTotalPage<T>(IReadOnlyList<T>? items, int? startAt, int? maxResults, long? total,
        int requestedStartAt, string? requestId)
    {
        items ??= [];
        var start = startAt ?? requestedStartAt;
        var isLast = items.Count == 0
            || (total is { } t ? start + items.Count >= t : maxResults is not { } max || items.Count < max);
        return new Page<T>
        {
            Items = items,
            IsLast = isLast,
            StartAt = start,
            MaxResults = maxResults,
            Total = total,
            RequestId = requestId,
        };
    }

    /// <summary>ARR with offset (users/search, user/search): last when shorter than requested (or empty).</summary>
    public static Page<T> ArrayPage<T>(IReadOnlyList<T>? items, int startAt, int requestedMaxResults, string? requestId)
    {
        items ??= [];
        return new Page<T>
        {
            Items = items,
            IsLast = items.Count == 0 || items.Count < requestedMaxResults,
            StartAt = startAt,
            RequestId = requestId,
        };
    }

    /// <summary>
    /// Streams a cursor-paged endpoint. <paramref name="fetch"/> gets the token (null first) and the page size
    /// to ask for (null = the endpoint's default); the first call gets <paramref name="startToken"/>. Stops on
    /// <c>IsLast</c>, a missing or repeated token, or after exactly <paramref name="limit"/> items.
    /// </summary>
    public static async IAsyncEnumerable<T> ByTokenAsync<T>(
        Func<string?, int?, CancellationToken, Task<Page<T>>> fetch, int? pageSize, int? limit,
        [EnumeratorCancellation] CancellationToken cancellationToken = default, string? startToken = null)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        CheckSizes(pageSize, limit);
        var yielded = 0;
        var token = startToken;
        while (limit is not { } l || yielded < l)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await fetch(token, Ask(pageSize, limit, yielded), cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item;
                if (++yielded == limit)
                {
                    yield break;
                }
            }
            // A repeated token would loop forever; the server made no progress, so stop.
            if (page.IsLast || page.NextPageToken is null || page.NextPageToken == token)
            {
                yield break;
            }
            token = page.NextPageToken;
        }
    }

    /// <summary>
    /// Streams an offset-paged endpoint from <paramref name="startAt"/>. The next offset is the page's own
    /// <c>startAt</c> plus the items it returned, so a server that shrinks pages loses nothing.
    /// </summary>
    public static async IAsyncEnumerable<T> ByOffsetAsync<T>(
        Func<int, int?, CancellationToken, Task<Page<T>>> fetch, int startAt, int? pageSize, int? limit,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        ArgumentOutOfRangeException.ThrowIfNegative(startAt);
        CheckSizes(pageSize, limit);
        var yielded = 0;
        var offset = startAt;
        while (limit is not { } l || yielded < l)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await fetch(offset, Ask(pageSize, limit, yielded), cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item;
                if (++yielded == limit)
                {
                    yield break;
                }
            }
            if (page.IsLast || page.Items.Count == 0)
            {
                yield break;
            }
            offset = (page.StartAt ?? offset) + page.Items.Count;
        }
    }

    /// <summary>The page size to ask for: never more than the items still wanted.</summary>
    internal static int? Ask(int? pageSize, int? limit, int yielded) => limit is { } l
        ? Math.Min(pageSize ?? int.MaxValue, l - yielded)
        : pageSize;

    private static void CheckSizes(int? pageSize, int? limit)
    {
        if (pageSize is { } size)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size, nameof(pageSize));
        }
        if (limit is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(max, nameof(limit));
        }
    }
}
