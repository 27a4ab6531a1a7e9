namespace JiraGate.Sandbox.Rendering;

/// <summary>
/// The <c>fields</c> parameter as Jira reads it: <c>*all</c>, <c>*navigable</c>, ids, and <c>-id</c> exclusions.
/// </summary>
internal sealed class FieldSelection
{
    private static readonly HashSet<string> NonNavigable = new(StringComparer.Ordinal)
    {
        "comment", "worklog", "attachment", "timetracking",
    };

    private readonly bool _all;
    private readonly bool _navigable;
    private readonly HashSet<string> _included;
    private readonly HashSet<string> _excluded;

    private FieldSelection(bool all, bool navigable, HashSet<string> included, HashSet<string> excluded)
    {
        _all = all;
        _navigable = navigable;
        _included = included;
        _excluded = excluded;
    }

    public static FieldSelection All { get; } = new(true, false, [], []);

    public static FieldSelection Navigable { get; } = new(false, true, [], []);

    /// <summary>Only the issue id/key: what /search/jql returns when no fields are asked for.</summary>
    public static FieldSelection IdOnly { get; } = new(false, false, [], []);

    /// <summary>Parses a fields list; an empty list means <paramref name="whenEmpty"/>.</summary>
    public static FieldSelection Parse(IReadOnlyCollection<string> fields, FieldSelection whenEmpty)
    {
        if (fields.Count == 0)
        {
            return whenEmpty;
        }
        bool all = false, navigable = false;
        var included = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var excluded = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in fields)
        {
            switch (f)
            {
                case "*all":
                    all = true;
                    break;
                case "*navigable":
                    navigable = true;
                    break;
                case "id" or "key" or "*none":
                    break;
                default:
                    if (f.StartsWith('-'))
                    {
                        excluded.Add(f[1..]);
                    }
                    else
                    {
                        included.Add(f);
                    }
                    break;
            }
        }
        return new FieldSelection(all, navigable, included, excluded);
    }

    public bool IsIdOnly => !_all && !_navigable && _included.Count == 0;

    public bool Includes(string fieldId) =>
        !_excluded.Contains(fieldId)
        && (_all || _included.Contains(fieldId) || (_navigable && !NonNavigable.Contains(fieldId)));

    /// <summary>Field ids explicitly asked for (used to answer names/schema only for those).</summary>
    public IReadOnlyCollection<string> Explicit => _included;
}
