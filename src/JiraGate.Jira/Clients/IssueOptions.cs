namespace JiraGate.Jira;

/// <summary>Options for <see cref="IssuesClient.GetIssueAsync"/>.</summary>
public sealed class GetIssueOptions
{
    /// <summary>Fields to return (ids or keys; <c>*all</c>, <c>*navigable</c>, <c>-field</c> to exclude). Jira's default: all.</summary>
    public IReadOnlyList<string>? Fields { get; init; }

    /// <summary>Expansions, e.g. <c>renderedFields</c>, <c>names</c>, <c>changelog</c>, <c>transitions</c>.</summary>
    public IReadOnlyList<string>? Expand { get; init; }

    /// <summary>Issue properties to return.</summary>
    public IReadOnlyList<string>? Properties { get; init; }

    /// <summary>Read <see cref="Fields"/> as field keys rather than ids.</summary>
    public bool? FieldsByKeys { get; init; }

    /// <summary>Record the view in the user's issue history (Cloud).</summary>
    public bool? UpdateHistory { get; init; }
}

/// <summary>
/// Options for <see cref="IssuesClient.SearchPageAsync"/> and <see cref="IssuesClient.SearchAsync"/>.
/// <see cref="Fields"/> is always sent: Cloud's /search/jql returns only ids otherwise.
/// </summary>
public sealed class SearchOptions
{
    /// <summary>The default field set when none is given: what Jira Data Center returns by default.</summary>
    public static readonly IReadOnlyList<string> DefaultFields = ["*navigable"];

    /// <summary>Fields to return; <see cref="DefaultFields"/> when null or empty.</summary>
    public IReadOnlyList<string>? Fields { get; init; }

    /// <summary>Expansions, e.g. <c>names</c>, <c>schema</c>, <c>renderedFields</c>, <c>changelog</c>.</summary>
    public IReadOnlyList<string>? Expand { get; init; }

    /// <summary>Issue properties to return (at most 5).</summary>
    public IReadOnlyList<string>? Properties { get; init; }

    /// <summary>Read <see cref="Fields"/> as field keys rather than ids.</summary>
    public bool? FieldsByKeys { get; init; }

    /// <summary>Cloud: ids of issues just written, so the (eventually consistent) search includes them (at most 50).</summary>
    public IReadOnlyList<long>? ReconcileIssues { get; init; }

    /// <summary>Issues per page to ask for (Jira's maxResults); the server may return fewer. Null: the server's default.</summary>
    public int? PageSize { get; init; }

    /// <summary><see cref="IssuesClient.SearchAsync"/> yields at most this many issues in all. Null: all matches.</summary>
    public int? Limit { get; init; }

    /// <summary>Cloud, single page: the cursor from the previous page's <see cref="Page{T}.NextPageToken"/>.</summary>
    public string? NextPageToken { get; init; }

    /// <summary>Data Center: the offset of the first issue (single page, or where the auto-pager starts).</summary>
    public int? StartAt { get; init; }
}
