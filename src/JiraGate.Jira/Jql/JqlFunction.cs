using System.Text;
using System.Text.RegularExpressions;

namespace JiraGate.Jira.Jql;

/// <summary>
/// A JQL function call such as <c>currentUser()</c>, <c>startOfDay("-1d")</c> or <c>membersOf("jira-users")</c>:
/// a value kind of its own that is written unquoted. Only the factories below (or <see cref="Create"/>, which
/// validates the name) make one, and every argument is quoted, so a function can never carry injected text.
/// </summary>
/// <remarks>https://support.atlassian.com/jira-software-cloud/docs/jql-functions/</remarks>
public sealed partial class JqlFunction
{
    private readonly string[] _arguments;

    private JqlFunction(string name, string[] arguments)
    {
        Name = name;
        _arguments = arguments;
    }

    /// <summary>The function's name, e.g. <c>startOfDay</c>.</summary>
    public string Name { get; }

    /// <summary>The arguments, unquoted (they are quoted when written).</summary>
    public IReadOnlyList<string> Arguments => _arguments;

    /// <summary><c>currentUser()</c>: the user running the search.</summary>
    public static JqlFunction CurrentUser { get; } = new("currentUser", []);

    /// <summary><c>now()</c>: the current time.</summary>
    public static JqlFunction Now { get; } = new("now", []);

    /// <summary><c>openSprints()</c>: active sprints (use with IN / NOT IN).</summary>
    public static JqlFunction OpenSprints { get; } = new("openSprints", []);

    /// <summary><c>closedSprints()</c>: completed sprints (use with IN / NOT IN).</summary>
    public static JqlFunction ClosedSprints { get; } = new("closedSprints", []);

    /// <summary><c>futureSprints()</c>: sprints not started yet (use with IN / NOT IN).</summary>
    public static JqlFunction FutureSprints { get; } = new("futureSprints", []);

    /// <summary><c>standardIssueTypes()</c>: every issue type that is not a sub-task type.</summary>
    public static JqlFunction StandardIssueTypes { get; } = new("standardIssueTypes", []);

    /// <summary><c>subTaskIssueTypes()</c>: every sub-task issue type.</summary>
    public static JqlFunction SubTaskIssueTypes { get; } = new("subTaskIssueTypes", []);

    /// <summary><c>watchedIssues()</c>: issues the current user watches (use with <c>issue IN</c>).</summary>
    public static JqlFunction WatchedIssues { get; } = new("watchedIssues", []);

    /// <summary><c>votedIssues()</c>: issues the current user voted for (use with <c>issue IN</c>).</summary>
    public static JqlFunction VotedIssues { get; } = new("votedIssues", []);

    /// <summary><c>issueHistory()</c>: issues the current user viewed recently (use with <c>issue IN</c>).</summary>
    public static JqlFunction IssueHistory { get; } = new("issueHistory", []);

    /// <summary><c>currentLogin()</c>: when the current user's session started.</summary>
    public static JqlFunction CurrentLogin { get; } = new("currentLogin", []);

    /// <summary><c>lastLogin()</c>: when the current user's previous session started.</summary>
    public static JqlFunction LastLogin { get; } = new("lastLogin", []);

    /// <summary><c>startOfDay([offset])</c>.</summary>
    /// <param name="offset">Optional shift such as <c>-1</c>, <c>+1d</c> or <c>-2w</c> (see <see cref="StartOfDay"/> remarks).</param>
    /// <returns>The function call.</returns>
    /// <remarks>The offset is <c>(+|-)n</c> with an optional unit y, M, w, d, h or m; a bare number counts in the function's own period.</remarks>
    /// <exception cref="ArgumentException"><paramref name="offset"/> is not in that format.</exception>
    public static JqlFunction StartOfDay(string? offset = null) => Boundary("startOfDay", offset);

    /// <summary><c>endOfDay([offset])</c>; offset as for <see cref="StartOfDay"/>.</summary>
    /// <param name="offset">Optional shift such as <c>-1</c> or <c>+1d</c>.</param>
    /// <returns>The function call.</returns>
    /// <exception cref="ArgumentException"><paramref name="offset"/> is not in Jira's offset format.</exception>
    public static JqlFunction EndOfDay(string? offset = null) => Boundary("endOfDay", offset);

    /// <summary><c>startOfWeek([offset])</c>; offset as for <see cref="StartOfDay"/>.</summary>
    /// <param name="offset">Optional shift such as <c>-1</c> or <c>+1w</c>.</param>
    /// <returns>The function call.</returns>
    /// <exception cref="ArgumentException"><paramref name="offset"/> is not in Jira's offset format.</exception>
    public static JqlFunction StartOfWeek(string? offset = null) => Boundary("startOfWeek", offset);

    /// <summary><c>endOfWeek([offset])</c>; offset as for <see cref="StartOfDay"/>.</summary>
    /// <param name="offset">Optional shift such as <c>-1</c> or <c>+1w</c>.</param>
    /// <returns>The function call.</returns>
    /// <exception cref="ArgumentException"><paramref name="offset"/> is not in Jira's offset format.</exception>
    public static JqlFunction EndOfWeek(string? offset = null) => Boundary("endOfWeek", offset);

    /// <summary><c>startOfMonth([offset])</c>; offset as for <see cref="StartOfDay"/>.</summary>
    /// <param name="offset">Optional shift such as <c>-1</c> or <c>+14d</c>.</param>
    /// <returns>The function call.</returns>
    /// <exception cref="ArgumentException"><paramref name="offset"/> is not in Jira's offset format.</exception>
    public static JqlFunction StartOfMonth(string? offset = null) => Boundary("startOfMonth", offset);

    /// <summary><c>endOfMonth([offset])</c>; offset as for <see cref="StartOfDay"/>.</summary>
    /// <param name="offset">Optional shift such as <c>-1</c> or <c>+1M</c>.</param>
    /// <returns>The function call.</returns>
    /// <exception cref="ArgumentException"><paramref name="offset"/> is not in Jira's offset format.</exception>
    public static JqlFunction EndOfMonth(string? offset = null) => Boundary("endOfMonth", offset);

    /// <summary><c>startOfYear([offset])</c>; offset as for <see cref="StartOfDay"/>.</summary>
    /// <param name="offset">Optional shift such as <c>-1</c> or <c>+6M</c>.</param>
    /// <returns>The function call.</returns>
    /// <exception cref="ArgumentException"><paramref name="offset"/> is not in Jira's offset format.</exception>
    public static JqlFunction StartOfYear(string? offset = null) => Boundary("startOfYear", offset);

    /// <summary><c>endOfYear([offset])</c>; offset as for <see cref="StartOfDay"/>.</summary>
    /// <param name="offset">Optional shift such as <c>-1</c> or <c>+6M</c>.</param>
    /// <returns>The function call.</returns>
    /// <exception cref="ArgumentException"><paramref name="offset"/> is not in Jira's offset format.</exception>
    public static JqlFunction EndOfYear(string? offset = null) => Boundary("endOfYear", offset);

    /// <summary><c>membersOf("group")</c>: users in a group (use with IN / NOT IN).</summary>
    /// <param name="group">The group's name (or, on Cloud, its id); quoted when written.</param>
    /// <returns>The function call.</returns>
    /// <exception cref="ArgumentException"><paramref name="group"/> is null or empty.</exception>
    public static JqlFunction MembersOf(string group)
    {
        ArgumentException.ThrowIfNullOrEmpty(group);
        return new("membersOf", [group]);
    }

    /// <summary><c>releasedVersions(["project", …])</c>: released versions of the given projects, or of all.</summary>
    /// <param name="projects">Project keys or names; none means every project.</param>
    /// <returns>The function call.</returns>
    public static JqlFunction ReleasedVersions(params string[] projects) => new("releasedVersions", CopyArguments(projects));

    /// <summary><c>unreleasedVersions(["project", …])</c>: unreleased versions of the given projects, or of all.</summary>
    /// <param name="projects">Project keys or names; none means every project.</param>
    /// <returns>The function call.</returns>
    public static JqlFunction UnreleasedVersions(params string[] projects) => new("unreleasedVersions", CopyArguments(projects));

    /// <summary><c>linkedIssues("KEY"[, "link type"])</c>: issues linked to an issue (use with <c>issue IN</c>).</summary>
    /// <param name="issueKey">The issue key or id.</param>
    /// <param name="linkType">Optional link description, e.g. <c>is blocked by</c>.</param>
    /// <returns>The function call.</returns>
    /// <exception cref="ArgumentException"><paramref name="issueKey"/> is null or empty.</exception>
    public static JqlFunction LinkedIssues(string issueKey, string? linkType = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(issueKey);
        return new("linkedIssues", linkType is null ? [issueKey] : [issueKey, linkType]);
    }

    /// <summary>
    /// Any other JQL function (for example one an app adds). The name must be a plain identifier
    /// (ASCII letters, digits and <c>_</c>, starting with a letter); each argument is quoted when written.
    /// </summary>
    /// <param name="name">The function's name, e.g. <c>updatedBy</c>.</param>
    /// <param name="arguments">The arguments, as plain text.</param>
    /// <returns>The function call.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a plain identifier, or an argument is null.</exception>
    public static JqlFunction Create(string name, params string[] arguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!NamePattern().IsMatch(name))
        {
            throw new ArgumentException("A JQL function name must be letters, digits and '_', starting with a letter.", nameof(name));
        }
        return new(name, CopyArguments(arguments));
    }

    /// <summary>The call as written in JQL, e.g. <c>startOfDay("-1d")</c>.</summary>
    /// <returns>The JQL text of the call.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        AppendTo(sb);
        return sb.ToString();
    }

    internal void AppendTo(StringBuilder sb)
    {
        sb.Append(Name).Append('(');
        for (var i = 0; i < _arguments.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }
            JqlText.AppendQuoted(sb, _arguments[i]);
        }
        sb.Append(')');
    }

    private static JqlFunction Boundary(string name, string? offset)
    {
        if (offset is null)
        {
            return new(name, []);
        }
        if (!OffsetPattern().IsMatch(offset))
        {
            throw new ArgumentException(
                "A date function offset is (+|-)n with an optional unit y, M, w, d, h or m, e.g. \"-1\", \"+1d\" or \"-2w\".",
                nameof(offset));
        }
        return new(name, [offset]);
    }

    private static string[] CopyArguments(string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        foreach (var argument in arguments)
        {
            ArgumentNullException.ThrowIfNull(argument, nameof(arguments));
        }
        return [.. arguments];
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[+-]?[0-9]{1,9}[yMwdhm]?\z", RegexOptions.CultureInvariant)]
    private static partial Regex OffsetPattern();
}
