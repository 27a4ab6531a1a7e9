namespace JiraGate.Jira;

/// <summary>
/// One page of results as Jira returned it. Which of <see cref="NextPageToken"/>, <see cref="StartAt"/> and
/// <see cref="Total"/> are set depends on the endpoint's paging style; <see cref="IsLast"/> is always decided
/// from what the server returned, never from the size that was asked for.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class Page<T>
{
    /// <summary>The items on this page (possibly fewer than asked for: Jira may shrink pages).</summary>
    public required IReadOnlyList<T> Items { get; init; }

    /// <summary>True when no further page exists.</summary>
    public required bool IsLast { get; init; }

    /// <summary>The cursor for the next page (token-paged endpoints such as /search/jql); null on the last page.</summary>
    public string? NextPageToken { get; init; }

    /// <summary>The offset of the first item (offset-paged endpoints).</summary>
    public int? StartAt { get; init; }

    /// <summary>The page size the server used, when it said.</summary>
    public int? MaxResults { get; init; }

    /// <summary>The total number of matches, when the endpoint reports one (token-paged endpoints do not).</summary>
    public long? Total { get; init; }

    /// <summary>Jira's request id for the call that returned this page.</summary>
    public string? RequestId { get; init; }
}
