namespace JiraGate.Jira;

/// <summary>Options for <see cref="ProjectsClient.GetProjectAsync"/>.</summary>
public sealed class GetProjectOptions
{
    /// <summary>Expansions, e.g. <c>description</c>, <c>lead</c>, <c>issueTypes</c>, <c>projectKeys</c>.</summary>
    public IReadOnlyList<string>? Expand { get; init; }

    /// <summary>Project property keys to return (Cloud).</summary>
    public IReadOnlyList<string>? Properties { get; init; }
}

/// <summary>Options for <see cref="ProjectsClient.GetComponentsPageAsync"/> and <see cref="ProjectsClient.GetComponentsAsync"/>.</summary>
public sealed class ComponentListOptions
{
    /// <summary>Only components whose name or description contains this (case-insensitive).</summary>
    public string? Query { get; init; }

    /// <summary>
    /// <c>name</c> or <c>description</c> (both deployments), <c>issueCount</c> or <c>lead</c> (Cloud), with an optional
    /// <c>-</c> for descending. On Data Center the client filters and orders the one list Jira returns.
    /// </summary>
    public string? OrderBy { get; init; }

    /// <summary>The offset of the first component.</summary>
    public int? StartAt { get; init; }

    /// <summary>Components per page to ask for (Cloud; Data Center returns them all at once).</summary>
    public int? PageSize { get; init; }

    /// <summary><see cref="ProjectsClient.GetComponentsAsync"/> yields at most this many components.</summary>
    public int? Limit { get; init; }
}

/// <summary>Options for <see cref="ProjectsClient.GetVersionsPageAsync"/> and <see cref="ProjectsClient.GetVersionsAsync"/>.</summary>
public sealed class VersionListOptions
{
    /// <summary>Only versions whose name or description contains this (case-insensitive).</summary>
    public string? Query { get; init; }

    /// <summary>Only versions in one of these states: <c>released</c>, <c>unreleased</c>, <c>archived</c>.</summary>
    public IReadOnlyList<string>? Status { get; init; }

    /// <summary>
    /// <c>sequence</c> (the default), <c>name</c>, <c>releaseDate</c>, <c>startDate</c> or <c>description</c>, with an
    /// optional <c>-</c> for descending. On Data Center the client filters and orders the one list Jira returns.
    /// </summary>
    public string? OrderBy { get; init; }

    /// <summary>Expansions, e.g. <c>operations</c>, <c>issuesstatus</c>.</summary>
    public IReadOnlyList<string>? Expand { get; init; }

    /// <summary>The offset of the first version.</summary>
    public int? StartAt { get; init; }

    /// <summary>Versions per page to ask for (Cloud; Data Center returns them all at once).</summary>
    public int? PageSize { get; init; }

    /// <summary><see cref="ProjectsClient.GetVersionsAsync"/> yields at most this many versions.</summary>
    public int? Limit { get; init; }
}

/// <summary>Options for <see cref="ProjectsClient.GetProjectRoleAsync"/>.</summary>
public sealed class GetProjectRoleOptions
{
    /// <summary>Leave deactivated users out of the actors (Cloud).</summary>
    public bool? ExcludeInactiveUsers { get; init; }
}

/// <summary>Options for <see cref="ProjectsClient.GetProjectPermissionSchemeAsync"/> and <see cref="ProjectsClient.GetPermissionSchemeAsync"/>.</summary>
public sealed class PermissionSchemeOptions
{
    /// <summary>
    /// Expansions: <c>permissions</c> (the grants; the default), <c>user</c>, <c>group</c>, <c>projectRole</c>,
    /// <c>field</c>, <c>all</c>. Set an empty list for the scheme without its grants.
    /// </summary>
    public IReadOnlyList<string> Expand { get; init; } = ["permissions"];
}
