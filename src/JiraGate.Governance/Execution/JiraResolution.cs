using System.Text.Json;
using System.Text.Json.Nodes;
using JiraGate.Governance.Pipeline;
using JiraGate.Jira;
using JiraGate.Jira.Models;

namespace JiraGate.Governance.Execution;

/// <summary>
/// Turns what an agent names (an email, an issue type, a transition, a custom field id) into what Jira takes, or an
/// <see cref="OperationArgumentException"/> that lists the valid choices. Nothing is written before these succeed.
/// </summary>
internal static class JiraResolution
{
    private const int MaxListed = 15;

    /// <summary>
    /// An email resolved to the one user whose emailAddress equals it (ignoring case; on Data Center also the
    /// username), or the value itself taken as an account id (Cloud) / username (Data Center).
    /// </summary>
    /// <exception cref="OperationArgumentException">No user, or several, have that email.</exception>
    public static async Task<(string Id, JiraUser? User)> UserAsync(OperationRun run, string value, string argument, CancellationToken ct)
    {
        var wanted = value.Trim();
        if (!wanted.Contains('@', StringComparison.Ordinal))
        {
            return (wanted, null);
        }
        var found = new List<JiraUser>();
        await foreach (var user in run.Jira.Users.FindUsersAsync(wanted, new UserListOptions { PageSize = 50, Limit = 100 }, ct).ConfigureAwait(false))
        {
            found.Add(user);
        }
        var exact = found
            .Where(u => Same(u.EmailAddress, wanted) || (!run.Cloud && Same(u.Name, wanted)))
            .DistinctBy(u => IdOf(run, u))
            .ToList();
        if (exact.Count == 1 && IdOf(run, exact[0]) is { Length: > 0 } id)
        {
            return (id, exact[0]);
        }
        if (exact.Count > 1)
        {
            throw new OperationArgumentException(argument,
                $"{argument}: {exact.Count} Jira users have the email {wanted} ({Describe(run, exact)}). Pass the {IdName(run)} of the one you mean.");
        }
        throw new OperationArgumentException(argument,
            $"{argument}: no Jira user has the email {wanted}. Check the address (the user's whole Jira email), or pass the user's {IdName(run)}.");
    }

    /// <summary>The issue types the project offers on its create screen (createmeta).</summary>
    /// <exception cref="OperationArgumentException">The project is unknown or hidden from this connection.</exception>
    public static async Task<IReadOnlyList<IssueType>> IssueTypesAsync(OperationRun run, string project, string argument, CancellationToken ct)
    {
        var types = new List<IssueType>();
        try
        {
            await foreach (var type in run.Jira.Issues.GetCreateMetaIssueTypesAsync(project, cancellationToken: ct).ConfigureAwait(false))
            {
                types.Add(type);
            }
        }
        catch (JiraException ex) when (ex is JiraNotFoundException or JiraValidationException)
        {
            throw new OperationArgumentException(argument, $"{argument}: project {project} does not exist or is not visible to this connection.");
        }
        return types;
    }

    /// <summary>The issue type of that name (ignoring case) or id among <paramref name="types"/>.</summary>
    /// <exception cref="OperationArgumentException">The project offers no such type.</exception>
    public static IssueType PickIssueType(string project, IReadOnlyList<IssueType> types, string issueType, string argument)
    {
        var wanted = issueType.Trim();
        var match = types.FirstOrDefault(t => string.Equals(t.Id, wanted, StringComparison.Ordinal))
            ?? types.FirstOrDefault(t => Same(t.Name, wanted));
        if (match?.Id is not null)
        {
            return match;
        }
        throw new OperationArgumentException(argument, types.Count == 0
            ? $"{argument}: this connection cannot create issues in project {project} (no issue type is offered)."
            : $"{argument}: project {project} has no issue type '{wanted}'. Its issue types: {string.Join(", ", types.Select(t => t.Name).Take(MaxListed))}.");
    }

    /// <summary>The one available transition named by transition_id, status (target status) or transition_name.</summary>
    /// <exception cref="OperationArgumentException">None, or several, match.</exception>
    public static async Task<Transition> TransitionAsync(OperationRun run, string issueKey, JsonElement args, CancellationToken ct)
    {
        var transitions = await run.Jira.Issues.GetTransitionsAsync(issueKey, cancellationToken: ct).ConfigureAwait(false);
        var (argument, wanted, matches) = Args.String(args, "transition_id") is { } id
            ? ("transition_id", id, transitions.Where(t => t.Id == id).ToList())
            : Args.String(args, "status") is { } status
                ? ("status", status, transitions.Where(t => Same(t.To?.Name, status.Trim())).ToList())
                : ("transition_name", Args.Required(args, "transition_name"), transitions.Where(t => Same(t.Name, Args.String(args, "transition_name")!.Trim())).ToList());
        if (matches.Count == 1)
        {
            return matches[0];
        }
        var available = transitions.Count == 0
            ? "none is available to this connection now"
            : "available now: " + string.Join("; ", transitions.Take(MaxListed).Select(t => $"{t.Name} → {t.To?.Name} (id {t.Id})"));
        throw new OperationArgumentException(argument, matches.Count == 0
            ? $"{argument}: {issueKey} has no transition matching '{wanted}'; {available}."
            : $"{argument}: {matches.Count} transitions of {issueKey} match '{wanted}'; pass transition_id instead ({available}).");
    }

    /// <summary>Adds <c>custom_fields</c> (by id) to a write: rich-text fields from Markdown, user fields from an email or id.</summary>
    /// <exception cref="OperationArgumentException">A field id the site does not have.</exception>
    public static async Task AddCustomFieldsAsync(OperationRun run, IssueWrite write, JsonElement? fields, string argument, CancellationToken ct)
    {
        if (fields is not { } obj)
        {
            return;
        }
        FieldCatalog? catalog = null;
        foreach (var property in obj.EnumerateObject())
        {
            catalog ??= await run.FieldsAsync(ct).ConfigureAwait(false);
            var field = catalog.FindById(property.Name)
                ?? throw new OperationArgumentException(argument, $"{argument}: this site has no field {property.Name}. List fields with fields:read.");
            var value = property.Value;
            var custom = field.Schema?.Custom ?? "";
            if (value.ValueKind == JsonValueKind.String && custom.EndsWith(":textarea", StringComparison.Ordinal))
            {
                write.RichTextField(field.Id, value.GetString());
            }
            else if (value.ValueKind == JsonValueKind.String && field.Schema?.Type == "user")
            {
                write.UserField(field.Id, (await UserAsync(run, value.GetString()!, argument + "." + field.Id, ct).ConfigureAwait(false)).Id);
            }
            else
            {
                write.Field(field.Id, JsonNode.Parse(value.GetRawText()));
            }
        }
    }

    public static string? IdOf(OperationRun run, JiraUser user) => run.Cloud ? user.AccountId : user.Name ?? user.Key;

    private static string IdName(OperationRun run) => run.Cloud ? "accountId" : "username";

    private static string Describe(OperationRun run, IEnumerable<JiraUser> users) =>
        string.Join("; ", users.Take(MaxListed).Select(u => $"{u.DisplayName} ({IdName(run)} {IdOf(run, u)})"));

    private static bool Same(string? a, string? b) => a is not null && b is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
