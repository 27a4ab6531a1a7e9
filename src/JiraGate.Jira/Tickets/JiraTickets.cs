using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using JiraGate.Jira.Jql;
using JiraGate.Jira.Models;

namespace JiraGate.Jira.Tickets;

/// <summary>
/// Ticket operations the way an agent asks for them, built on the public <see cref="JiraClient"/> API (no HTTP of its
/// own): create in a project with the type checked against createmeta first, list a project's or a person's issues,
/// update only the fields given, transition by name or target status, assign by email. Users may be named by email
/// (resolved to exactly one user), fields by display name ("Story Points"). Every request the caller got wrong fails
/// before anything is written, with a <see cref="JiraTicketException"/> that lists the valid choices.
/// Get one with <c>jira.Tickets()</c> (one per client) or <c>new JiraTickets(jira, options)</c>; it is thread-safe.
/// </summary>
public sealed partial class JiraTickets
{
    /// <summary>The default of <see cref="TicketListOptions.MaxResults"/>.</summary>
    public const int DefaultMaxResults = 50;

    /// <summary>The most issues one listing returns.</summary>
    public const int MaxResultsLimit = 1000;

    /// <summary>The fields a listing returns unless <see cref="TicketListOptions.Fields"/> says otherwise.</summary>
    public static readonly IReadOnlyList<string> DefaultFields =
        ["summary", "status", "issuetype", "priority", "assignee", "reporter", "labels", "created", "updated"];

    private const int SearchPageSize = 100;

    private readonly JiraClient _jira;
    private readonly FieldCatalogCache _fields;

    /// <summary>Creates a helper over a client. Prefer <c>jira.Tickets()</c>, which keeps one per client.</summary>
    /// <param name="jira">The client to work through.</param>
    /// <param name="options">The clock and the field catalog's lifetime.</param>
    public JiraTickets(JiraClient jira, JiraTicketsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(jira);
        _jira = jira;
        options ??= new JiraTicketsOptions();
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options));
        _fields = new FieldCatalogCache(ct => jira.Metadata.GetFieldCatalogAsync(ct), options.TimeProvider, options.FieldCatalogLifetime);
    }

    /// <summary>
    /// Creates an issue. Before anything is written it checks, from createmeta, that the project offers the issue
    /// type (no fallback to another type, no mapping) and that every field the create screen requires is given.
    /// </summary>
    /// <param name="projectKey">The project key, e.g. SEC.</param>
    /// <param name="issueType">The issue type's name (Bug, case-insensitive) or id.</param>
    /// <param name="summary">The one-line summary.</param>
    /// <param name="options">Description (Markdown), assignee (email or id), priority, labels, parent, more fields by display name.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The new issue's id and key.</returns>
    /// <exception cref="JiraTicketException">Unknown project or issue type, a required field missing, an unknown or ambiguous user or field.</exception>
    /// <exception cref="JiraValidationException">Jira refused a value (its message names the field).</exception>
    public async Task<CreatedIssue> CreateTicketAsync(string projectKey, string issueType, string summary, CreateTicketOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(issueType);
        ArgumentException.ThrowIfNullOrWhiteSpace(summary);
        projectKey = projectKey.Trim();
        var type = TicketMatching.PickIssueType(projectKey, issueType, await CreatableTypesAsync(projectKey, cancellationToken).ConfigureAwait(false));
        var cloud = await IsCloudAsync(cancellationToken).ConfigureAwait(false);

        var write = new IssueWrite().Project(projectKey).IssueType(type.Id!).Summary(summary);
        if (!string.IsNullOrWhiteSpace(options?.Description))
        {
            write.Description(options.Description);
        }
        if (!string.IsNullOrWhiteSpace(options?.Assignee))
        {
            write.Assignee(await UserIdAsync(options.Assignee, cloud, cancellationToken).ConfigureAwait(false));
        }
        if (!string.IsNullOrWhiteSpace(options?.Priority))
        {
            write.Priority(options.Priority.Trim());
        }
        if (options?.Labels is { Count: > 0 } labels)
        {
            write.Labels(labels);
        }
        if (!string.IsNullOrWhiteSpace(options?.Parent))
        {
            write.Parent(options.Parent.Trim());
        }
        await AddFieldsAsync(write, options?.Fields, cloud, cancellationToken).ConfigureAwait(false);

        var screen = new List<FieldMetadata>();
        await foreach (var field in _jira.Issues.GetCreateMetaFieldsAsync(projectKey, type.Id!, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            screen.Add(field);
        }
        var missing = TicketMatching.MissingRequired(screen, Given(write));
        if (missing.Count > 0)
        {
            throw TicketMatching.MissingFields($"Creating a {type.Name} in {projectKey}", missing,
                "Pass them in CreateTicketOptions.Fields by display name, e.g. {\"" + (missing[0].Name ?? TicketMatching.FieldIdOf(missing[0])) + "\": …}.");
        }
        return await _jira.Issues.CreateIssueAsync(write, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A project's issues, most recently updated first (<c>project = "KEY" ORDER BY updated DESC</c>).</summary>
    /// <param name="projectKey">The project key.</param>
    /// <param name="options">How many (default 50, at most 1000) and which fields.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>At most <see cref="TicketListOptions.MaxResults"/> issues.</returns>
    /// <exception cref="JiraValidationException">No such project (Jira: "the value does not exist for the field 'project'").</exception>
    public Task<IReadOnlyList<Issue>> GetTicketsByProjectAsync(string projectKey, TicketListOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectKey);
        return ListAsync(JqlQuery.Where("project").Eq(projectKey.Trim()), options, cancellationToken);
    }

    /// <summary>
    /// The issues assigned to the user with this email, most recently updated first. The email is resolved to exactly
    /// one user first (see <see cref="ResolveUserAsync"/>); a value without '@' is taken as the account id (Cloud) or
    /// username (Data Center) itself.
    /// </summary>
    /// <param name="assigneeEmail">The assignee's email address (or account id / username).</param>
    /// <param name="options">How many (default 50, at most 1000) and which fields.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>At most <see cref="TicketListOptions.MaxResults"/> issues.</returns>
    /// <exception cref="JiraTicketException">No user, or several, have that email.</exception>
    public async Task<IReadOnlyList<Issue>> GetTicketsByUserAsync(string assigneeEmail, TicketListOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assigneeEmail);
        var cloud = await IsCloudAsync(cancellationToken).ConfigureAwait(false);
        var id = await UserIdAsync(assigneeEmail, cloud, cancellationToken).ConfigureAwait(false);
        return await ListAsync(JqlQuery.Where("assignee").Eq(id), options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The one active user with this email address. Cloud: user search by the address, then the user whose
    /// <c>emailAddress</c> equals it (ignoring case); Data Center: user search by username, matching the email or
    /// username. When Jira hides addresses (profile visibility), a search that returns exactly one user is taken as
    /// Jira's own match on the address; anything else that does not single out one user is an error.
    /// </summary>
    /// <param name="email">The email address.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user (with its account id on Cloud, username on Data Center).</returns>
    /// <exception cref="JiraTicketException">No user (<see cref="JiraTicketError.UnknownUser"/>), or several (<see cref="JiraTicketError.AmbiguousUser"/>, with the candidates).</exception>
    public async Task<JiraUser> ResolveUserAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var cloud = await IsCloudAsync(cancellationToken).ConfigureAwait(false);
        var found = new List<JiraUser>();
        await foreach (var user in _jira.Users.FindUsersAsync(email.Trim(), new UserListOptions { PageSize = 50, Limit = 100 }, cancellationToken).ConfigureAwait(false))
        {
            found.Add(user);
        }
        return TicketMatching.PickUserByEmail(email, found, cloud);
    }

    private async Task<IReadOnlyList<Issue>> ListAsync(JqlQuery condition, TicketListOptions? options, CancellationToken cancellationToken)
    {
        var max = options?.MaxResults ?? DefaultMaxResults;
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(max, MaxResultsLimit, nameof(options));
        var fields = options?.Fields is { Count: > 0 } asked ? await FieldIdsAsync(asked, cancellationToken).ConfigureAwait(false) : DefaultFields;
        var jql = condition.OrderBy("updated", JqlSort.Descending).ToString();
        var search = new SearchOptions { Fields = fields, PageSize = Math.Min(max, SearchPageSize), Limit = max };
        var issues = new List<Issue>();
        await foreach (var issue in _jira.Issues.SearchAsync(jql, search, cancellationToken).ConfigureAwait(false))
        {
            issues.Add(issue);
        }
        return issues;
    }

    /// <summary>Field ids for display names; Jira's own tokens (*all, *navigable, -field) pass as given.</summary>
    private async Task<IReadOnlyList<string>> FieldIdsAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var ids = new List<string>(names.Count);
        foreach (var name in names)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name, nameof(names));
            ids.Add(name.StartsWith('*') || name.StartsWith('-') ? name : (await _fields.ResolveAsync(name, cancellationToken).ConfigureAwait(false)).Id);
        }
        return ids;
    }

    /// <summary>The issue types the caller can create in the project; an unknown or hidden project is the caller's mistake.</summary>
    private async Task<IReadOnlyList<IssueType>> CreatableTypesAsync(string projectKey, CancellationToken cancellationToken)
    {
        var types = new List<IssueType>();
        try
        {
            await foreach (var type in _jira.Issues.GetCreateMetaIssueTypesAsync(projectKey, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                types.Add(type);
            }
        }
        catch (JiraException ex) when (ex is JiraNotFoundException or JiraValidationException)
        {
            throw new JiraTicketException(JiraTicketError.UnknownProject,
                $"Project {projectKey} does not exist or is not visible to you (Jira: {string.Join(" ", ex.ErrorMessages)}). Check the project key.",
                nameof(projectKey), innerException: ex);
        }
        if (types.Count == 0)
        {
            throw new JiraTicketException(JiraTicketError.UnknownProject,
                $"You cannot create issues in project {projectKey}: Jira offers you no issue type there (you lack the Create Issues permission).",
                nameof(projectKey));
        }
        return types;
    }

    /// <summary>Adds fields named by display name or id, each value shaped for its type.</summary>
    private async Task AddFieldsAsync(IssueWrite write, IReadOnlyDictionary<string, JsonNode?>? fields, bool cloud, CancellationToken cancellationToken)
    {
        foreach (var (name, value) in fields ?? new Dictionary<string, JsonNode?>())
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name, nameof(fields));
            var field = await _fields.ResolveAsync(name, cancellationToken).ConfigureAwait(false);
            var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (FieldValues.IsRichText(field) && (text is not null || value is null))
            {
                write.RichTextField(field.Id, string.IsNullOrEmpty(text) ? null : text);
            }
            else if (FieldValues.IsUser(field) && (text is not null || value is null))
            {
                write.UserField(field.Id, string.IsNullOrEmpty(text) ? null : await UserIdAsync(text, cloud, cancellationToken).ConfigureAwait(false));
            }
            else if (FieldValues.IsUserList(field) && value is JsonArray users
                && users.All(u => u is JsonValue item && item.TryGetValue<string>(out _)))
            {
                var ids = new JsonArray();
                foreach (var user in users.Select(u => u!.GetValue<string>()))
                {
                    ids.Add((JsonNode)IssueWrite.User(cloud, await UserIdAsync(user, cloud, cancellationToken).ConfigureAwait(false)));
                }
                write.Field(field.Id, ids);
            }
            else
            {
                write.Field(field.Id, FieldValues.Shape(field, value));
            }
        }
    }

    /// <summary>An email resolved to the deployment's user id; anything else is taken as that id already.</summary>
    private async Task<string> UserIdAsync(string user, bool cloud, CancellationToken cancellationToken)
    {
        var trimmed = user.Trim();
        if (!trimmed.Contains('@', StringComparison.Ordinal))
        {
            return trimmed;
        }
        return TicketMatching.IdOf(await ResolveUserAsync(trimmed, cancellationToken).ConfigureAwait(false), cloud)
            ?? throw new JiraTicketException(JiraTicketError.UnknownUser, $"Jira returned the user with email {trimmed} without an id.", "email");
    }

    private static HashSet<string> Given(IssueWrite write) => [.. write.FieldIds, .. write.UpdatedFieldIds];

    private async Task<bool> IsCloudAsync(CancellationToken cancellationToken) =>
        await _jira.GetDeploymentAsync(cancellationToken).ConfigureAwait(false) == JiraDeployment.Cloud;
}

/// <summary>The <c>jira.Tickets()</c> entry point.</summary>
public static class JiraTicketsExtensions
{
    private static readonly ConditionalWeakTable<JiraClient, JiraTickets> Helpers = [];

    /// <summary>The ticket helper of this client: created on first use and kept for the client's lifetime (system clock, 15-minute field catalog).</summary>
    /// <param name="jira">The client.</param>
    /// <returns>The helper.</returns>
    public static JiraTickets Tickets(this JiraClient jira)
    {
        ArgumentNullException.ThrowIfNull(jira);
        return Helpers.GetValue(jira, client => new JiraTickets(client));
    }
}
