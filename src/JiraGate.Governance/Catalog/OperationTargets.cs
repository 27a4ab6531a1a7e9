namespace JiraGate.Governance.Catalog;

/// <summary>What part of Jira an operation reaches, as far as its arguments tell (drives <c>where</c>).</summary>
public enum OperationScope
{
    /// <summary>Site-wide metadata, not project data (users, fields, priorities, the project list).</summary>
    Global = 0,

    /// <summary>One project, named by a project-key argument.</summary>
    Project = 1,

    /// <summary>One issue, named by an issue-key argument; its project is the key's prefix.</summary>
    Issue = 2,

    /// <summary>A JQL search; project limits are enforced by constraining the JQL server-side.</summary>
    Jql = 3,

    /// <summary>Many new issues, each naming its project and issue type.</summary>
    Bulk = 4,

    /// <summary>Project data whose project the arguments do not reveal (board, sprint, attachment, webhook ids).</summary>
    Opaque = 5,
}

/// <summary>The arguments of an operation that policy <c>where</c> and <c>escalate</c> rules look at.</summary>
public sealed class OperationTargets
{
    /// <summary>How the operation's reach is known.</summary>
    public required OperationScope Scope { get; init; }

    /// <summary>The argument holding a project key, if any (for <see cref="OperationScope.Bulk"/>: the property of each item).</summary>
    public string? ProjectArgument { get; init; }

    /// <summary>The argument holding an issue key or id, if any.</summary>
    public string? IssueKeyArgument { get; init; }

    /// <summary>The argument holding a JQL query, if any.</summary>
    public string? JqlArgument { get; init; }

    /// <summary>The argument holding an issue type name, if any (for <see cref="OperationScope.Bulk"/>: the property of each item).</summary>
    public string? IssueTypeArgument { get; init; }

    /// <summary>The array argument whose items are the issues of a bulk operation, if any.</summary>
    public string? BulkArgument { get; init; }
}
