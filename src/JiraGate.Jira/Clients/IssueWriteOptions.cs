using JiraGate.Jira.Models;

namespace JiraGate.Jira;

/// <summary>Options for <see cref="IssuesClient.CreateIssueAsync"/>.</summary>
public sealed class CreateIssueOptions
{
    /// <summary>Add the project and issue type to the caller's recent history.</summary>
    public bool? UpdateHistory { get; init; }
}

/// <summary>Options for <see cref="IssuesClient.UpdateIssueAsync"/>.</summary>
public sealed class UpdateIssueOptions
{
    /// <summary>
    /// False to send no notification emails. Cloud ignores it silently without admin or project-admin rights;
    /// Data Center refuses it (403) without them.
    /// </summary>
    public bool? NotifyUsers { get; init; }

    /// <summary>Cloud: edit fields not on the edit screen (Connect/Forge apps and admins only; 403 otherwise).</summary>
    public bool? OverrideScreenSecurity { get; init; }

    /// <summary>Cloud: edit an issue whose workflow status makes it non-editable (apps and admins only).</summary>
    public bool? OverrideEditableFlag { get; init; }

    /// <summary>
    /// Return the edited issue. Cloud returns it in the same call; Data Center has no such option, so the client
    /// reads the issue back with a second call.
    /// </summary>
    public bool ReturnIssue { get; init; }

    /// <summary>Expansions for the returned issue (with <see cref="ReturnIssue"/>).</summary>
    public IReadOnlyList<string>? Expand { get; init; }
}

/// <summary>Options for <see cref="IssuesClient.GetTransitionsAsync"/>.</summary>
public sealed class GetTransitionsOptions
{
    /// <summary>Include each transition's screen fields (<c>expand=transitions.fields</c>).</summary>
    public bool IncludeFields { get; init; }

    /// <summary>Only this transition.</summary>
    public string? TransitionId { get; init; }

    /// <summary>Also list transitions whose conditions fail (marked <see cref="Transition.IsAvailable"/> = false).</summary>
    public bool? IncludeUnavailable { get; init; }

    /// <summary>Cloud: ignore conditions that only remote apps check.</summary>
    public bool? SkipRemoteOnlyCondition { get; init; }

    /// <summary>Cloud: order as the issue view's operations bar does.</summary>
    public bool? SortByOpsBarAndStatus { get; init; }
}

/// <summary>Options for <see cref="IssuesClient.TransitionIssueAsync"/>: what to fill on the transition screen.</summary>
public sealed class TransitionIssueOptions
{
    /// <summary>Screen fields and update operations to send with the transition.</summary>
    public IssueWrite? Changes { get; init; }

    /// <summary>A comment to add, as Markdown (ADF on Cloud, wiki markup on Data Center).</summary>
    public string? Comment { get; init; }

    /// <summary>The resolution, by name (Done) or id, when the screen offers it.</summary>
    public string? Resolution { get; init; }
}

/// <summary>Options for the createmeta calls (issue types of a project, fields of an issue type).</summary>
public sealed class CreateMetaOptions
{
    /// <summary>The offset of the first item (a single page, or where the auto-pager starts).</summary>
    public int? StartAt { get; init; }

    /// <summary>Items per page to ask for (Cloud allows at most 200). Null: the server's default (50).</summary>
    public int? PageSize { get; init; }

    /// <summary>The auto-pager yields at most this many items in all. Null: all.</summary>
    public int? Limit { get; init; }
}

/// <summary>Options for <see cref="IssuesClient.GetEditMetaAsync"/>.</summary>
public sealed class EditMetaOptions
{
    /// <summary>Cloud: include fields hidden from the edit screen (apps and admins only).</summary>
    public bool? OverrideScreenSecurity { get; init; }

    /// <summary>Cloud: include fields of a non-editable status (apps and admins only).</summary>
    public bool? OverrideEditableFlag { get; init; }
}

/// <summary>Options for <see cref="IssuesClient.GetChangelogPageAsync"/> and <see cref="IssuesClient.GetChangelogAsync"/>.</summary>
public sealed class ChangelogOptions
{
    /// <summary>The offset of the first history entry (oldest first).</summary>
    public int? StartAt { get; init; }

    /// <summary>Entries per page to ask for (Cloud allows at most 100). Null: the server's default.</summary>
    public int? PageSize { get; init; }

    /// <summary>The auto-pager yields at most this many entries in all. Null: all.</summary>
    public int? Limit { get; init; }
}

/// <summary>Options for <see cref="IssuesClient.BulkFetchAsync"/>.</summary>
public sealed class BulkFetchOptions
{
    /// <summary>Fields to return; <see cref="SearchOptions.DefaultFields"/> when null or empty.</summary>
    public IReadOnlyList<string>? Fields { get; init; }

    /// <summary>Expansions, e.g. <c>renderedFields</c>, <c>names</c>, <c>changelog</c>.</summary>
    public IReadOnlyList<string>? Expand { get; init; }

    /// <summary>Issue properties to return (at most 5).</summary>
    public IReadOnlyList<string>? Properties { get; init; }

    /// <summary>Read <see cref="Fields"/> as field keys rather than ids.</summary>
    public bool? FieldsByKeys { get; init; }
}
