using JiraGate.Jira.Models;

namespace JiraGate.Jira.Tickets;

/// <summary>Changing existing tickets: edit, transition, assign.</summary>
public sealed partial class JiraTickets
{
    /// <summary>
    /// Edits an issue, sending only the fields set in <paramref name="changes"/>; every other field stays as it is.
    /// No workflow status is checked (use <see cref="TransitionTicketAsync"/> to move an issue).
    /// </summary>
    /// <param name="issueKey">The issue key, e.g. SEC-12.</param>
    /// <param name="changes">The fields to change; custom fields by display name, users by email or id.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>A task that completes when Jira has saved the edit.</returns>
    /// <exception cref="ArgumentException">Nothing to change.</exception>
    /// <exception cref="JiraTicketException">An unknown or ambiguous user or field name.</exception>
    /// <exception cref="JiraValidationException">Jira refused a value, or a field is not on the edit screen.</exception>
    /// <exception cref="JiraNotFoundException">No such issue, or no permission to see it.</exception>
    public async Task UpdateTicketAsync(string issueKey, TicketChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueKey);
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.IsEmpty)
        {
            throw new ArgumentException("Nothing to update: set at least one of Summary, Description, Priority, Labels, Assignee or Fields.", nameof(changes));
        }
        var cloud = await IsCloudAsync(cancellationToken).ConfigureAwait(false);
        var write = new IssueWrite();
        if (changes.Summary is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(changes.Summary, nameof(changes));
            write.Summary(changes.Summary);
        }
        if (changes.Description is not null)
        {
            write.Description(changes.Description.Length == 0 ? null : changes.Description);
        }
        if (changes.Priority is not null)
        {
            write.Priority(changes.Priority.Trim());
        }
        if (changes.Labels is not null)
        {
            write.Labels(changes.Labels);
        }
        if (changes.Assignee is not null)
        {
            write.Assignee(string.IsNullOrWhiteSpace(changes.Assignee) ? null : await UserIdAsync(changes.Assignee, cloud, cancellationToken).ConfigureAwait(false));
        }
        await AddFieldsAsync(write, changes.Fields, cloud, cancellationToken).ConfigureAwait(false);
        await _jira.Issues.UpdateIssueAsync(issueKey.Trim(), write, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Moves an issue through the workflow to <paramref name="target"/>: a transition id, a transition name, or the
    /// name of the status to move to (names ignore case), resolved among the transitions available now. An id wins,
    /// then a transition name, then a status name; two matches of the same kind are an error, never a guess. Fields
    /// the transition screen requires are checked before the transition is sent.
    /// </summary>
    /// <param name="issueKey">The issue key.</param>
    /// <param name="target">"31", "Start Progress" or "In Progress".</param>
    /// <param name="options">A comment (Markdown), a resolution, screen fields by display name.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The transition taken.</returns>
    /// <exception cref="JiraTicketException">No transition matches (the message lists the available ones, "Start Progress → In Progress"), several do, or a required screen field is missing.</exception>
    /// <exception cref="JiraNotFoundException">No such issue, or no permission to see it.</exception>
    public async Task<Transition> TransitionTicketAsync(string issueKey, string target, TransitionTicketOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        issueKey = issueKey.Trim();
        var transitions = await _jira.Issues.GetTransitionsAsync(issueKey, new GetTransitionsOptions { IncludeFields = true }, cancellationToken).ConfigureAwait(false);
        var transition = TicketMatching.PickTransition(issueKey, target, transitions);

        var cloud = await IsCloudAsync(cancellationToken).ConfigureAwait(false);
        var changes = new IssueWrite();
        await AddFieldsAsync(changes, options?.Fields, cloud, cancellationToken).ConfigureAwait(false);
        var given = Given(changes);
        if (!string.IsNullOrWhiteSpace(options?.Resolution))
        {
            given.Add("resolution");
        }
        if (!string.IsNullOrWhiteSpace(options?.Comment))
        {
            given.Add("comment");
        }
        var screen = (transition.Fields ?? new Dictionary<string, FieldMetadata>()).Select(f => f.Value.Key is null ? WithKey(f.Key, f.Value) : f.Value);
        var missing = TicketMatching.MissingRequired(screen, given);
        if (missing.Count > 0)
        {
            throw TicketMatching.MissingFields($"The transition {TicketMatching.Describe(transition)} of {issueKey}", missing,
                "Pass the resolution in TransitionTicketOptions.Resolution and other fields in TransitionTicketOptions.Fields.");
        }
        await _jira.Issues.TransitionIssueAsync(issueKey, transition.Id, new TransitionIssueOptions
        {
            Changes = changes.IsEmpty ? null : changes,
            Comment = string.IsNullOrWhiteSpace(options?.Comment) ? null : options.Comment,
            Resolution = string.IsNullOrWhiteSpace(options?.Resolution) ? null : options.Resolution.Trim(),
        }, cancellationToken).ConfigureAwait(false);
        return transition;
    }

    /// <summary>
    /// Assigns an issue: to the user with an email address (resolved to exactly one user), or to an account id (Cloud)
    /// or username (Data Center) as given; null or empty unassigns.
    /// </summary>
    /// <param name="issueKey">The issue key.</param>
    /// <param name="assignee">An email, account id or username; null or empty to unassign.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The account id (Cloud) or username (Data Center) now assigned; null when unassigned.</returns>
    /// <exception cref="JiraTicketException">No user, or several, have that email.</exception>
    /// <exception cref="JiraValidationException">Cloud: the user cannot be assigned issues of the project.</exception>
    /// <exception cref="JiraNotFoundException">No such issue; on Data Center also no such user.</exception>
    public async Task<string?> AssignTicketAsync(string issueKey, string? assignee, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueKey);
        string? id = null;
        if (!string.IsNullOrWhiteSpace(assignee))
        {
            var cloud = await IsCloudAsync(cancellationToken).ConfigureAwait(false);
            id = await UserIdAsync(assignee, cloud, cancellationToken).ConfigureAwait(false);
        }
        await _jira.Issues.AssignIssueAsync(issueKey.Trim(), id, cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <summary>Transition screens key their fields by id; keep that id when the entry itself carries none.</summary>
    private static FieldMetadata WithKey(string id, FieldMetadata field) => new()
    {
        Key = id,
        Name = field.Name,
        Required = field.Required,
        HasDefaultValue = field.HasDefaultValue,
        AllowedValues = field.AllowedValues,
        Schema = field.Schema,
        FieldId = field.FieldId,
        Operations = field.Operations,
        DefaultValue = field.DefaultValue,
        AutoCompleteUrl = field.AutoCompleteUrl,
    };
}
