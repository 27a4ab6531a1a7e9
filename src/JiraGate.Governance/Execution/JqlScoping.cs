using System.Text.RegularExpressions;
using JiraGate.Governance.Pipeline;
using JiraGate.Jira.Jql;

namespace JiraGate.Governance.Execution;

/// <summary>
/// Keeps an agent's JQL inside its <see cref="ExecutionScope"/>: the query sent is
/// <c>(&lt;scope clause&gt;) AND (&lt;agent's condition&gt;) ORDER BY &lt;agent's order&gt;</c>, the scope clause built
/// with the client's JQL builder (every key and type quoted). Jira's JQL has no comments, so the only ways out of the
/// agent's parentheses are an unbalanced parenthesis, a quote left open, or a second ORDER BY; each is refused before
/// anything is sent, as is an ORDER BY whose text is not a plain list of sort fields.
/// </summary>
internal static partial class JqlScoping
{
    /// <summary>The query to send for <paramref name="jql"/> (may be null: the scope alone) under <paramref name="scope"/>.</summary>
    /// <exception cref="OperationArgumentException">The JQL is unbalanced or its ORDER BY is not a list of fields.</exception>
    /// <exception cref="ExecutionScopeException">The scope allows no project at all.</exception>
    public static string? Constrain(ExecutionScope scope, string? jql, string argument)
    {
        var clause = ScopeClause(scope);
        if (clause is null)
        {
            return string.IsNullOrWhiteSpace(jql) ? null : jql;
        }
        if (string.IsNullOrWhiteSpace(jql))
        {
            return clause;
        }
        var (condition, orderBy) = Split(jql, argument);
        var query = condition is null ? clause : "(" + clause + ") AND (" + condition + ")";
        return orderBy is null ? query : query + " ORDER BY " + orderBy;
    }

    /// <summary>The condition every result must meet under <paramref name="scope"/>, or null when nothing restricts it.</summary>
    public static string? ScopeClause(ExecutionScope scope)
    {
        if (scope.IsUnrestricted)
        {
            return null;
        }
        var grants = new List<JqlQuery>(scope.Grants.Count);
        foreach (var grant in scope.Grants)
        {
            if (grant.Projects is null && grant.IssueTypes is null)
            {
                return null; // this grant restricts nothing, and a call may use whatever any grant allows
            }
            if (grant.Projects is { Count: 0 } || grant.IssueTypes is { Count: 0 })
            {
                continue; // allows nothing
            }
            JqlQuery? q = null;
            if (grant.Projects is { } projects)
            {
                q = JqlQuery.Where("project").In(projects);
            }
            if (grant.IssueTypes is { } types)
            {
                q = q is null ? JqlQuery.Where("issuetype").In(types) : q.And("issuetype").In(types);
            }
            grants.Add(q!);
        }
        return grants.Count switch
        {
            0 => throw new ExecutionScopeException("The policy's where allows no project or issue type, so there is nothing to search."),
            1 => grants[0].ToString(),
            _ => JqlQuery.AnyOf([.. grants]).ToString(),
        };
    }

    /// <summary>
    /// Splits JQL into its condition (null when empty) and the text after its one top-level ORDER BY (null when none),
    /// after checking that quotes close and parentheses balance outside quotes.
    /// </summary>
    public static (string? Condition, string? OrderBy) Split(string jql, string argument)
    {
        var depth = 0;
        var orderAt = -1;
        var orderEnd = -1;
        char quote = '\0';
        for (var i = 0; i < jql.Length; i++)
        {
            var c = jql[i];
            if (c == '\\')
            {
                // An escape, inside or outside quotes: the next character is literal (never a quote or a parenthesis).
                if (++i >= jql.Length)
                {
                    throw Bad(argument, "it ends with a lone backslash");
                }
                continue;
            }
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                continue;
            }
            switch (c)
            {
                case '"' or '\'':
                    quote = c;
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    if (--depth < 0)
                    {
                        throw Bad(argument, $"a ')' at position {i + 1} closes a parenthesis that was never opened");
                    }
                    break;
                default:
                    if (IsOrderBy(jql, i, out var end))
                    {
                        if (orderAt >= 0 || depth != 0)
                        {
                            throw Bad(argument, "ORDER BY may appear once, at the end, outside parentheses");
                        }
                        orderAt = i;
                        orderEnd = end;
                        i = end - 1;
                    }
                    break;
            }
        }
        if (quote != '\0')
        {
            throw Bad(argument, $"a {quote} quote is never closed");
        }
        if (depth != 0)
        {
            throw Bad(argument, $"{depth} '(' never closed");
        }
        if (orderAt < 0)
        {
            return (Trimmed(jql), null);
        }
        var order = jql[orderEnd..].Trim();
        if (!OrderByList().IsMatch(order))
        {
            throw Bad(argument, "its ORDER BY must be a comma-separated list of fields, each optionally ASC or DESC");
        }
        return (Trimmed(jql[..orderAt]), order);
    }

    private static string? Trimmed(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>True when the keywords ORDER BY (any case, any whitespace between) start at <paramref name="i"/> as whole words.</summary>
    private static bool IsOrderBy(string jql, int i, out int end)
    {
        end = i;
        if (i > 0 && IsWordChar(jql[i - 1]))
        {
            return false;
        }
        if (!Word(jql, i, "order"))
        {
            return false;
        }
        var j = i + 5;
        var ws = j;
        while (j < jql.Length && char.IsWhiteSpace(jql[j]))
        {
            j++;
        }
        if (j == ws || !Word(jql, j, "by") || (j + 2 < jql.Length && IsWordChar(jql[j + 2])))
        {
            return false;
        }
        end = j + 2;
        return true;
    }

    private static bool Word(string text, int at, string word) =>
        at + word.Length <= text.Length && text.AsSpan(at, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase);

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '.' or '-';

    private static OperationArgumentException Bad(string argument, string why) =>
        new(argument, $"The {argument} cannot be used: {why}. Balance its parentheses and quotes and put at most one ORDER BY at the end.");

    // A sort field: "quoted", 'quoted', cf[123] or a plain name; then ASC or DESC; fields separated by commas.
    [GeneratedRegex("""^(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|cf\[[0-9]+\]|[A-Za-z_][A-Za-z0-9_.\-]*)(?:\s+(?:ASC|DESC))?(?:\s*,\s*(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|cf\[[0-9]+\]|[A-Za-z_][A-Za-z0-9_.\-]*)(?:\s+(?:ASC|DESC))?)*\z""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OrderByList();
}
