using System.Text.Json;
using System.Text.Json.Nodes;
using JiraGate.Governance.Pipeline;
using JiraGate.Jira;
using JiraGate.Jira.Models;
using JiraGate.Jira.Tickets;

namespace JiraGate.Governance.Execution;

/// <summary>
/// Turns what an agent names (an email, an issue type, a custom field id) into what Jira takes, or an
/// <see cref="OperationArgumentException"/> that lists the valid choices; used where the client's ticket helpers have
/// no call for the job (bulk create, assign returning the user). Nothing is written before these succeed.
/// </summary>
internal static class JiraResolution
{
    private const int MaxListed = 15;

    /// <summary>
    /// An email resolved to exactly one user by the ticket helpers (<see cref="JiraTickets.ResolveUserAsync"/>), or the
    /// value itself taken as an account id (Cloud) / username (Data Center).
    /// </summary>
    /// <exception cref="OperationArgumentException">No user, or several, have that email.</exception>
    public static async Task<(string Id, JiraUser? User)> UserAsync(OperationRun run, string value, string argument, CancellationToken ct)
    {
        var wanted = value.Trim();
        if (!wanted.Contains('@', StringComparison.Ordinal))
        {
            return (wanted, null);
        }
        try
        {
            var user = await run.Tickets.ResolveUserAsync(wanted, ct).ConfigureAwait(false);
            return (IdOf(run, user) ?? throw new OperationArgumentException(argument, $"{argument}: Jira returned the user with email {wanted} without an id."), user);
        }
        catch (JiraTicketException ex)
        {
            throw new OperationArgumentException(argument, argument + ": " + ex.Message);
        }
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

    private static bool Same(string? a, string? b) => a is not null && b is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
