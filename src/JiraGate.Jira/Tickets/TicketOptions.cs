using System.Text.Json.Nodes;

namespace JiraGate.Jira.Tickets;

/// <summary>Settings of a <see cref="JiraTickets"/> helper.</summary>
public sealed class JiraTicketsOptions
{
    /// <summary>The clock for the field catalog's lifetime (inject a fake one in tests).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// How long the site's field catalog (display name → id) is reused before it is read again. A name the catalog
    /// does not know also triggers one re-read (at most every 30 seconds), so a field created meanwhile is found.
    /// </summary>
    public TimeSpan FieldCatalogLifetime { get; init; } = TimeSpan.FromMinutes(15);
}

/// <summary>The optional parts of <see cref="JiraTickets.CreateTicketAsync"/>.</summary>
public sealed class CreateTicketOptions
{
    /// <summary>The description as Markdown (sent as ADF on Cloud, wiki markup on Data Center).</summary>
    public string? Description { get; init; }

    /// <summary>The assignee: an email address (resolved to exactly one user), else an account id (Cloud) or username (Data Center).</summary>
    public string? Assignee { get; init; }

    /// <summary>The priority, by name (High) or id.</summary>
    public string? Priority { get; init; }

    /// <summary>The labels (no spaces).</summary>
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>The parent issue key, for a sub-task (or an epic's child on Cloud).</summary>
    public string? Parent { get; init; }

    /// <summary>
    /// More fields by display name or id, e.g. <c>{"Story Points": 5, "Severity": "Sev2"}</c>. Plain values are shaped
    /// from the field's type: a select takes its option text, a user field an email or id, a rich-text field Markdown.
    /// </summary>
    public IReadOnlyDictionary<string, JsonNode?>? Fields { get; init; }
}

/// <summary>
/// What <see cref="JiraTickets.UpdateTicketAsync"/> changes: only the properties set are sent, so every other field of
/// the issue stays as it is.
/// </summary>
public sealed class TicketChanges
{
    /// <summary>A new summary.</summary>
    public string? Summary { get; init; }

    /// <summary>A new description as Markdown; an empty string clears it.</summary>
    public string? Description { get; init; }

    /// <summary>A new priority, by name or id.</summary>
    public string? Priority { get; init; }

    /// <summary>The complete new set of labels; an empty list removes them all.</summary>
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>A new assignee (email, account id or username); an empty string unassigns.</summary>
    public string? Assignee { get; init; }

    /// <summary>Other fields by display name or id, e.g. <c>{"Story Points": 5}</c>; a null value clears the field.</summary>
    public IReadOnlyDictionary<string, JsonNode?>? Fields { get; init; }

    internal bool IsEmpty => Summary is null && Description is null && Priority is null && Labels is null && Assignee is null
        && (Fields is null || Fields.Count == 0);
}

/// <summary>What <see cref="JiraTickets.GetTicketsByProjectAsync"/> and <see cref="JiraTickets.GetTicketsByUserAsync"/> return.</summary>
public sealed class TicketListOptions
{
    /// <summary>The most issues to return (1 to <see cref="JiraTickets.MaxResultsLimit"/>); default <see cref="JiraTickets.DefaultMaxResults"/>.</summary>
    public int? MaxResults { get; init; }

    /// <summary>Fields to return, by id or display name; default <see cref="JiraTickets.DefaultFields"/>.</summary>
    public IReadOnlyList<string>? Fields { get; init; }
}

/// <summary>The optional parts of <see cref="JiraTickets.TransitionTicketAsync"/>.</summary>
public sealed class TransitionTicketOptions
{
    /// <summary>A comment to add with the transition, as Markdown.</summary>
    public string? Comment { get; init; }

    /// <summary>The resolution, by name (Done) or id, when the transition's screen asks for one.</summary>
    public string? Resolution { get; init; }

    /// <summary>Transition-screen fields by display name or id.</summary>
    public IReadOnlyDictionary<string, JsonNode?>? Fields { get; init; }
}
