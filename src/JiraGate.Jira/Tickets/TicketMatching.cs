using System.Globalization;
using System.Text.Json;
using JiraGate.Jira.Models;

namespace JiraGate.Jira.Tickets;

/// <summary>
/// The decisions of <see cref="JiraTickets"/>, kept free of I/O so each rule is tested on its own: which user an email
/// names, which transition a target names, which issue type a name names, which required fields are missing. Each
/// picks exactly one or throws a <see cref="JiraTicketException"/> listing the choices; none of them guesses.
/// </summary>
internal static class TicketMatching
{
    private const int MaxListed = 20;

    /// <summary>
    /// The one user an email address names, among the users Jira's user search returned for it. A user whose
    /// <c>emailAddress</c> equals it (ignoring case; on Data Center also a username equal to it) wins. When Jira hides
    /// every address (profile visibility) and returned exactly one user, that user is the match Jira made on the
    /// address itself; more than one such user is ambiguous.
    /// </summary>
    public static JiraUser PickUserByEmail(string email, IReadOnlyList<JiraUser> found, bool cloud)
    {
        var wanted = email.Trim();
        var exact = found.Where(u => Same(u.EmailAddress, wanted) || (!cloud && Same(u.Name, wanted)))
            .DistinctBy(u => IdOf(u, cloud) ?? u.DisplayName).ToList();
        if (exact.Count == 1)
        {
            return exact[0];
        }
        if (exact.Count > 1)
        {
            throw AmbiguousUser(wanted, exact, cloud, $"{exact.Count} Jira users have the email {wanted}");
        }
        var hidden = found.Where(u => string.IsNullOrEmpty(u.EmailAddress)).ToList();
        if (hidden.Count == 1 && found.Count == 1)
        {
            return hidden[0];
        }
        if (hidden.Count > 1)
        {
            throw AmbiguousUser(wanted, hidden, cloud,
                $"Jira's user search for {wanted} returned {hidden.Count} users whose email addresses are hidden, so which one has it cannot be told");
        }
        var others = found.Where(u => !string.IsNullOrEmpty(u.EmailAddress)).Take(5).Select(u => Describe(u, cloud)).ToList();
        throw new JiraTicketException(JiraTicketError.UnknownUser,
            $"No Jira user has the email {wanted}. Check the address (it must be the user's whole Jira email), or pass the user's "
            + (cloud ? "accountId" : "username") + " instead."
            + (others.Count > 0 ? " Users whose email starts that way: " + string.Join("; ", others) + "." : ""),
            "email", others);
    }

    /// <summary>
    /// The one transition a target names: an id exactly, else a transition name, else a target status name (both
    /// ignoring case). The first kind that matches decides; two matches of that kind are ambiguous.
    /// </summary>
    public static Transition PickTransition(string issueKey, string target, IReadOnlyList<Transition> transitions)
    {
        var wanted = target.Trim();
        var available = transitions.Select(Describe).ToList();
        if (transitions.Count == 0)
        {
            throw new JiraTicketException(JiraTicketError.UnknownTransition,
                $"{issueKey} has no transition available to you now: its workflow allows none from its current status, or you lack the Transition Issues permission.",
                "target");
        }
        if (transitions.FirstOrDefault(t => string.Equals(t.Id, wanted, StringComparison.Ordinal)) is { } byId)
        {
            return byId;
        }
        foreach (var matches in new[]
        {
            transitions.Where(t => Same(t.Name, wanted)).ToList(),
            transitions.Where(t => Same(t.To?.Name, wanted)).ToList(),
        })
        {
            if (matches.Count == 1)
            {
                return matches[0];
            }
            if (matches.Count > 1)
            {
                throw new JiraTicketException(JiraTicketError.AmbiguousTransition,
                    $"'{wanted}' matches {matches.Count} transitions of {issueKey}: {string.Join("; ", matches.Select(Describe))}. Pass the transition id instead.",
                    "target", [.. matches.Select(Describe)]);
            }
        }
        throw new JiraTicketException(JiraTicketError.UnknownTransition,
            $"No transition of {issueKey} available now matches '{wanted}' (by id, transition name or target status). Available: {string.Join("; ", available)}.",
            "target", available);
    }

    /// <summary>The issue type, by id or by name ignoring case, among those the project offers; no other type is substituted.</summary>
    public static IssueType PickIssueType(string projectKey, string issueType, IReadOnlyList<IssueType> offered)
    {
        var wanted = issueType.Trim();
        var match = offered.FirstOrDefault(t => string.Equals(t.Id, wanted, StringComparison.Ordinal))
            ?? offered.FirstOrDefault(t => Same(t.Name, wanted));
        if (match?.Id is not null)
        {
            return match;
        }
        var names = offered.Select(t => t.Name ?? t.Id ?? "?").ToList();
        throw new JiraTicketException(JiraTicketError.UnknownIssueType,
            $"Issue type '{wanted}' is not available in project {projectKey}. It offers: {string.Join(", ", names)}. "
            + "Use one of these exactly; no other type is substituted.",
            "issueType", names);
    }

    /// <summary>The required fields of a screen that were not given and that Jira does not fill by default.</summary>
    public static IReadOnlyList<FieldMetadata> MissingRequired(IEnumerable<FieldMetadata> screen, IReadOnlySet<string> given) =>
        [.. screen.Where(f => f.Required == true && f.HasDefaultValue != true && !given.Contains(FieldIdOf(f)))];

    /// <summary>The error for missing required fields, naming each with its allowed values when Jira listed them.</summary>
    public static JiraTicketException MissingFields(string what, IReadOnlyList<FieldMetadata> missing, string how)
    {
        var described = missing.Select(DescribeRequired).ToList();
        return new JiraTicketException(JiraTicketError.MissingRequiredFields,
            $"{what} requires {string.Join("; ", described)}, which {(missing.Count == 1 ? "was" : "were")} not given. {how}",
            "fields", described);
    }

    /// <summary>The field's id in metadata: <c>fieldId</c> on createmeta, <c>key</c> elsewhere.</summary>
    public static string FieldIdOf(FieldMetadata field) => field.FieldId ?? field.Key ?? field.Name ?? "";

    /// <summary>How the deployment names the user: account id on Cloud, username on Data Center.</summary>
    public static string? IdOf(JiraUser user, bool cloud) => cloud ? user.AccountId : user.Name ?? user.Key;

    public static string Describe(JiraUser user, bool cloud) =>
        (user.DisplayName ?? "(no name)") + " (" + (cloud ? "accountId " + user.AccountId : "username " + (user.Name ?? user.Key))
        + (string.IsNullOrEmpty(user.EmailAddress) ? "" : ", " + user.EmailAddress) + ")";

    public static string Describe(Transition transition) =>
        (transition.Name ?? "?") + " → " + (transition.To?.Name ?? "?") + " (id " + transition.Id + ")";

    private static string DescribeRequired(FieldMetadata field)
    {
        var id = FieldIdOf(field);
        var text = field.Name is { Length: > 0 } name && name != id ? name + " (" + id + ")" : id;
        var allowed = field.AllowedValues?.Select(ValueName).OfType<string>().Take(MaxListed).ToList();
        return allowed is { Count: > 0 } ? text + ", one of: " + string.Join(", ", allowed) : text;
    }

    /// <summary>The text a person would use for an allowed value: its value, name, or key.</summary>
    private static string? ValueName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Object => new[] { "value", "name", "key", "id" }
            .Select(p => value.TryGetProperty(p, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText() : null)
            .FirstOrDefault(v => v is not null),
        _ => null,
    };

    private static JiraTicketException AmbiguousUser(string email, IReadOnlyList<JiraUser> users, bool cloud, string what)
    {
        var listed = users.Take(MaxListed).Select(u => Describe(u, cloud)).ToList();
        return new JiraTicketException(JiraTicketError.AmbiguousUser,
            string.Create(CultureInfo.InvariantCulture, $"{what}: {string.Join("; ", listed)}. Pass the {(cloud ? "accountId" : "username")} of the one you mean instead."),
            "email", listed);
    }

    private static bool Same(string? a, string b) => a is not null && string.Equals(a.Trim(), b, StringComparison.OrdinalIgnoreCase);
}
