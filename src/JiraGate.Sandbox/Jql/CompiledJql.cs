using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Jql;

/// <summary>
/// A query resolved against one site for one caller: names are already ids, functions and relative dates already
/// values. Use it inside the same <see cref="Site.Read{T}"/> it was compiled in; it does not apply issue
/// permissions (pass only the issues the caller may see, or filter with <c>visible</c>).
/// </summary>
internal sealed class CompiledJql
{
    private readonly Func<Issue, bool> _predicate;
    private readonly JqlIssueComparer _comparer;

    public CompiledJql(JqlQuery query, Func<Issue, bool> predicate, JqlIssueComparer comparer, IReadOnlyList<string> warnings)
    {
        Query = query;
        _predicate = predicate;
        _comparer = comparer;
        Warnings = warnings;
    }

    public JqlQuery Query { get; }

    /// <summary>ORDER BY (or Jira's default, created DESC), then issue id, so that paging is stable.</summary>
    public IComparer<Issue> Comparer => _comparer;

    /// <summary>Problems Jira reports as warnings (e.g. a date function given to a user field); the query still runs.</summary>
    public IReadOnlyList<string> Warnings { get; }

    public bool Matches(Issue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        return _predicate(issue);
    }

    /// <summary>The matching issues in ORDER BY order; <paramref name="visible"/> (if given) runs only on matches.</summary>
    public IReadOnlyList<Issue> Search(IEnumerable<Issue> issues, Func<Issue, bool>? visible = null)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var matched = new List<Issue>();
        foreach (var issue in issues)
        {
            if (_predicate(issue) && (visible is null || visible(issue)))
            {
                matched.Add(issue);
            }
        }
        return _comparer.Sort(matched);
    }
}
