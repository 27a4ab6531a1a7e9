namespace JiraGate.Jira.Jql;

/// <summary>The direction of one ORDER BY field; always written explicitly (ASC / DESC).</summary>
public enum JqlSort
{
    /// <summary>Smallest, earliest or A first (<c>ASC</c>).</summary>
    Ascending = 0,

    /// <summary>Largest, latest or Z first (<c>DESC</c>).</summary>
    Descending = 1,
}
