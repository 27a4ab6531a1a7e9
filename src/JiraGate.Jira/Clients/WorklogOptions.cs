using JiraGate.Jira.Models;

namespace JiraGate.Jira;

/// <summary>How logging, changing or deleting work moves the remaining estimate (Jira's <c>adjustEstimate</c>).</summary>
public enum WorklogEstimateAdjustment
{
    /// <summary>Jira's default: reduce (or, on delete, increase) the remaining estimate by the time spent.</summary>
    Auto,

    /// <summary>Set the remaining estimate to <c>NewEstimate</c>.</summary>
    New,

    /// <summary>Reduce by <c>ReduceBy</c> (add) or increase by <c>IncreaseBy</c> (delete).</summary>
    Manual,

    /// <summary>Leave the remaining estimate as it is.</summary>
    Leave,
}

/// <summary>
/// A worklog to add or the changes to one. Adding needs <see cref="Started"/> and a time
/// (<see cref="TimeSpentSeconds"/> or <see cref="TimeSpent"/>); an update sends only what is set.
/// </summary>
public sealed class WorklogEntry
{
    /// <summary>When the work started; sent in Jira's form <c>2021-01-17T12:34:00.000+0000</c>, keeping the offset.</summary>
    public DateTimeOffset? Started { get; init; }

    /// <summary>The time spent in seconds (Jira wants at least 60).</summary>
    public long? TimeSpentSeconds { get; init; }

    /// <summary>The time spent as Jira reads it, e.g. <c>1h 30m</c> or <c>2d</c>; used when <see cref="TimeSpentSeconds"/> is null.</summary>
    public string? TimeSpent { get; init; }

    /// <summary>A comment in Markdown (sent as ADF on Cloud, wiki markup on Data Center).</summary>
    public string? Comment { get; init; }

    /// <summary>Restricts the worklog to a role or group.</summary>
    public Visibility? Visibility { get; init; }
}

/// <summary>Options for <see cref="WorklogsClient.ListWorklogsPageAsync"/> and <see cref="WorklogsClient.ListWorklogsAsync"/>.</summary>
public sealed class ListWorklogsOptions
{
    /// <summary>Only work started at or after this instant (Cloud filters on the server; Data Center, which lacks the filter, here).</summary>
    public DateTimeOffset? StartedAfter { get; init; }

    /// <summary>Expansions, e.g. <c>properties</c>.</summary>
    public IReadOnlyList<string>? Expand { get; init; }

    /// <summary>Only work started before this instant (exclusive).</summary>
    public DateTimeOffset? StartedBefore { get; init; }

    /// <summary>The offset of the first worklog.</summary>
    public int? StartAt { get; init; }

    /// <summary>Worklogs per page to ask for (Cloud's default and maximum is 5000). Data Center returns all at once.</summary>
    public int? PageSize { get; init; }

    /// <summary><see cref="WorklogsClient.ListWorklogsAsync"/> yields at most this many worklogs. Null: all.</summary>
    public int? Limit { get; init; }
}

/// <summary>Options for <see cref="WorklogsClient.GetWorklogAsync"/>.</summary>
public sealed class GetWorklogOptions
{
    /// <summary>Expansions, e.g. <c>properties</c>.</summary>
    public IReadOnlyList<string>? Expand { get; init; }
}

/// <summary>Options for <see cref="WorklogsClient.AddWorklogAsync"/>.</summary>
public sealed class AddWorklogOptions
{
    /// <summary>How the remaining estimate moves; null: Jira's default (auto).</summary>
    public WorklogEstimateAdjustment? AdjustEstimate { get; init; }

    /// <summary>With <see cref="WorklogEstimateAdjustment.New"/>: the new remaining estimate, e.g. <c>2d</c>.</summary>
    public string? NewEstimate { get; init; }

    /// <summary>With <see cref="WorklogEstimateAdjustment.Manual"/>: how much to reduce the remaining estimate by, e.g. <c>1h</c>.</summary>
    public string? ReduceBy { get; init; }

    /// <summary>Whether watchers are notified (Cloud; default true).</summary>
    public bool? NotifyUsers { get; init; }

    /// <summary>Expansions for the returned worklog.</summary>
    public IReadOnlyList<string>? Expand { get; init; }
}

/// <summary>Options for <see cref="WorklogsClient.UpdateWorklogAsync"/>.</summary>
public sealed class UpdateWorklogOptions
{
    /// <summary>How the remaining estimate moves (auto, new or leave).</summary>
    public WorklogEstimateAdjustment? AdjustEstimate { get; init; }

    /// <summary>With <see cref="WorklogEstimateAdjustment.New"/>: the new remaining estimate.</summary>
    public string? NewEstimate { get; init; }

    /// <summary>Whether watchers are notified (Cloud; default true).</summary>
    public bool? NotifyUsers { get; init; }

    /// <summary>Expansions for the returned worklog.</summary>
    public IReadOnlyList<string>? Expand { get; init; }
}

/// <summary>Options for <see cref="WorklogsClient.DeleteWorklogAsync"/>.</summary>
public sealed class DeleteWorklogOptions
{
    /// <summary>How the remaining estimate moves; null: Jira's default (auto: increased by the time spent).</summary>
    public WorklogEstimateAdjustment? AdjustEstimate { get; init; }

    /// <summary>With <see cref="WorklogEstimateAdjustment.New"/>: the new remaining estimate.</summary>
    public string? NewEstimate { get; init; }

    /// <summary>With <see cref="WorklogEstimateAdjustment.Manual"/>: how much to increase the remaining estimate by.</summary>
    public string? IncreaseBy { get; init; }

    /// <summary>Whether watchers are notified (Cloud; default true).</summary>
    public bool? NotifyUsers { get; init; }
}
