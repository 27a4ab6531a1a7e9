using System.Globalization;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Jql;

/// <summary>Value resolution: how a name, key, id or user in a clause becomes the ids issues store.</summary>
internal sealed partial class JqlCompiler
{
    private List<Project>? _browsable;
    private string[]? _textCustomFields;

    /// <summary>Projects the caller may browse; any other project does not exist as far as JQL is concerned.</summary>
    public IReadOnlyList<Project> BrowsableProjects => _browsable ??= [.. Site.Projects.Where(CanBrowse)];

    /// <summary>Ids of the text and text-area custom fields, which the "text" field also searches.</summary>
    public IReadOnlyList<string> TextCustomFields => _textCustomFields ??=
    [
        .. Site.Data.CustomFields.Where(f => f.Kind is CustomFieldKinds.Text or CustomFieldKinds.TextArea).Select(f => f.Id),
    ];

    /// <summary>A browsable project by key, name or id; a number literal is tried as an id first.</summary>
    public Project? FindProject(string text, long? number)
    {
        var trimmed = text.Trim();
        var found = number is { } n ? Site.ProjectById(n) : null;
        found ??= Site.Projects.FirstOrDefault(p => p.Key.Equals(trimmed, StringComparison.OrdinalIgnoreCase))
            ?? Site.Projects.FirstOrDefault(p => p.Name.Equals(trimmed, StringComparison.OrdinalIgnoreCase));
        if (found is null && number is null && ParseId(trimmed) is { } id)
        {
            found = Site.ProjectById(id);
        }
        return found is not null && CanBrowse(found) ? found : null;
    }

    /// <summary>An issue the caller may browse, by key or (for a number) id.</summary>
    public Issue? FindIssue(string text)
    {
        if (!Site.TryGetIssue(text.Trim(), out var issue))
        {
            return null;
        }
        var project = Site.ProjectById(issue.ProjectId);
        return project is not null && CanBrowse(project) ? issue : null;
    }

    /// <summary>
    /// Resolves every literal against named items the way Jira's name/id resolvers do: a value matches items by name
    /// (case-insensitive), else by id; an unquoted number is tried as an id first. Each value that matches nothing
    /// is reported (as a missing ID for numbers) and makes the result false.
    /// </summary>
    public bool ResolveNamed<T>(JqlClauseInput input, IEnumerable<T> items, Func<T, string> name, Func<T, string> id, Action<T> found)
    {
        var ok = true;
        var list = items as IReadOnlyCollection<T> ?? [.. items];
        foreach (var literal in input.Literals)
        {
            var text = literal.Text;
            List<T> ByName() => [.. list.Where(i => name(i).Equals(text.Trim(), StringComparison.OrdinalIgnoreCase))];
            List<T> ById() => [.. list.Where(i => id(i).Equals(text.Trim(), StringComparison.Ordinal))];
            var matches = literal.Number is not null ? ById() : ByName();
            if (matches.Count == 0)
            {
                matches = literal.Number is not null ? ByName() : ById();
            }
            if (matches.Count == 0)
            {
                Error(literal.Number is not null ? JqlMessages.NoSuchId(text, input.Field) : JqlMessages.NoSuchValue(text, input.Field));
                ok = false;
                continue;
            }
            matches.ForEach(found);
        }
        return ok;
    }

    /// <summary>Passes on the function results of the wanted kind (none when null); any other result is Jira's error.</summary>
    public bool AcceptFunctions(JqlClauseInput input, JqlFunctionKind? kind, Action<JqlFunctionResult> accept, Func<string, string, string> error)
    {
        var ok = true;
        foreach (var result in input.Functions)
        {
            if (result.Kind == kind)
            {
                accept(result);
            }
            else
            {
                Error(error(result.Name, input.Field));
                ok = false;
            }
        }
        return ok;
    }

    /// <summary>
    /// Users for user fields: by account id, email or display name; on Data Center also by username and user key
    /// (the sandbox's DC users keep their account ids, so ids written for Cloud still resolve).
    /// </summary>
    public bool ResolveUsers(JqlClauseInput input, HashSet<string> accountIds)
    {
        var ok = true;
        foreach (var literal in input.Literals)
        {
            var text = literal.Text.Trim();
            var matches = Site.Data.Users.Where(u => UserMatches(u, text)).ToList();
            if (matches.Count == 0)
            {
                Error(JqlMessages.NoSuchValue(literal.Text, input.Field));
                ok = false;
            }
            accountIds.UnionWith(matches.Select(u => u.AccountId));
        }
        foreach (var result in input.Functions)
        {
            if (result.Kind == JqlFunctionKind.Users)
            {
                accountIds.UnionWith(result.Users);
            }
            else
            {
                // Jira only warns here and the value matches no one.
                Warn(JqlMessages.FunctionValueInvalid(result.Name, input.Field));
            }
        }
        return ok;
    }

    private bool UserMatches(User user, string text) =>
        user.AccountId.Equals(text, StringComparison.Ordinal)
        || user.EmailAddress.Equals(text, StringComparison.OrdinalIgnoreCase)
        || user.DisplayName.Equals(text, StringComparison.OrdinalIgnoreCase)
        || (Site.Flavor == SandboxFlavor.DataCenter
            && (user.Name.Equals(text, StringComparison.OrdinalIgnoreCase) || user.Key.Equals(text, StringComparison.OrdinalIgnoreCase)));

    /// <summary>
    /// Parses a date literal for a date field: an absolute date, a period relative to now, or epoch milliseconds
    /// for an unquoted number. Reports Jira's message when none fits.
    /// </summary>
    public DateTimeOffset? ParseDate(JqlValueOperand literal, string field)
    {
        if (literal.Number is { } ms ? JqlDates.TryFromEpochMilliseconds(ms, out var date) : JqlDates.TryParse(literal.Text, Now, out date))
        {
            return date;
        }
        Error(JqlMessages.InvalidDate(literal.Text, field));
        return null;
    }

    public static long? ParseId(string text) =>
        long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
