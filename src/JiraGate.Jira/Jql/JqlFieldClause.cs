using System.Text;

namespace JiraGate.Jira.Jql;

/// <summary>
/// A clause waiting for its operator: <c>JqlQuery.Where("status")</c> or <c>query.And("status")</c>. Each operator
/// method completes the clause and returns the resulting <see cref="JqlQuery"/>. Immutable: a pending clause can
/// be completed more than once, each time giving a new query.
/// </summary>
/// <remarks>https://support.atlassian.com/jira-software-cloud/docs/jql-operators/</remarks>
public sealed class JqlFieldClause
{
    private readonly JqlQuery? _left;
    private readonly JqlJoin _join;

    internal JqlFieldClause(JqlQuery? left, JqlJoin join, JqlField field)
    {
        _left = left;
        _join = join;
        Field = field;
    }

    /// <summary>The field this clause tests.</summary>
    public JqlField Field { get; }

    /// <summary><c>field = value</c>.</summary>
    /// <param name="value">A string, number, date or function (converted implicitly) or a <see cref="JqlValue"/>.</param>
    /// <returns>The query with this clause.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public JqlQuery Eq(JqlValue value) => Compare("=", value);

    /// <summary><c>field != value</c>.</summary>
    /// <param name="value">A string, number, date or function, or a <see cref="JqlValue"/>.</param>
    /// <returns>The query with this clause.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public JqlQuery NotEq(JqlValue value) => Compare("!=", value);

    /// <summary><c>field &gt; value</c>.</summary>
    /// <param name="value">A number, date, relative date or function, or a <see cref="JqlValue"/>.</param>
    /// <returns>The query with this clause.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public JqlQuery Gt(JqlValue value) => Compare(">", value);

    /// <summary><c>field &gt;= value</c>.</summary>
    /// <param name="value">A number, date, relative date or function, or a <see cref="JqlValue"/>.</param>
    /// <returns>The query with this clause.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public JqlQuery Gte(JqlValue value) => Compare(">=", value);

    /// <summary><c>field &lt; value</c>.</summary>
    /// <param name="value">A number, date, relative date or function, or a <see cref="JqlValue"/>.</param>
    /// <returns>The query with this clause.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public JqlQuery Lt(JqlValue value) => Compare("<", value);

    /// <summary><c>field &lt;= value</c>.</summary>
    /// <param name="value">A number, date, relative date or function, or a <see cref="JqlValue"/>.</param>
    /// <returns>The query with this clause.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public JqlQuery Lte(JqlValue value) => Compare("<=", value);

    /// <summary><c>field IN (v1, v2, …)</c>.</summary>
    /// <param name="values">One or more values.</param>
    /// <returns>The query with this clause.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or holds a null.</exception>
    public JqlQuery In(params JqlValue[] values) => List("IN", values);

    /// <summary><c>field IN ("a", "b", …)</c> from a list of strings, each quoted.</summary>
    /// <param name="values">One or more strings.</param>
    /// <returns>The query with this clause.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or holds a null.</exception>
    public JqlQuery In(IEnumerable<string> values) => List("IN", Strings(values));

    /// <summary><c>field IN function()</c>, e.g. <c>sprint IN openSprints()</c> or <c>assignee IN membersOf("team")</c>.</summary>
    /// <param name="function">A function that returns a list.</param>
    /// <returns>The query with this clause.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    public JqlQuery In(JqlFunction function) => Compare("IN", JqlValue.FromFunction(function));

    /// <summary><c>field NOT IN (v1, v2, …)</c>.</summary>
    /// <param name="values">One or more values.</param>
    /// <returns>The query with this clause.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or holds a null.</exception>
    public JqlQuery NotIn(params JqlValue[] values) => List("NOT IN", values);

    /// <summary><c>field NOT IN ("a", "b", …)</c> from a list of strings, each quoted.</summary>
    /// <param name="values">One or more strings.</param>
    /// <returns>The query with this clause.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or holds a null.</exception>
    public JqlQuery NotIn(IEnumerable<string> values) => List("NOT IN", Strings(values));

    /// <summary><c>field NOT IN function()</c>.</summary>
    /// <param name="function">A function that returns a list.</param>
    /// <returns>The query with this clause.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    public JqlQuery NotIn(JqlFunction function) => Compare("NOT IN", JqlValue.FromFunction(function));

    /// <summary><c>field IS EMPTY</c>: the field has no value.</summary>
    /// <returns>The query with this clause.</returns>
    public JqlQuery IsEmpty() => Complete(Field + " IS EMPTY");

    /// <summary><c>field IS NOT EMPTY</c>: the field has a value.</summary>
    /// <returns>The query with this clause.</returns>
    public JqlQuery IsNotEmpty() => Complete(Field + " IS NOT EMPTY");

    /// <summary>
    /// <c>field ~ "…"</c> searching for <paramref name="text"/> literally: Lucene's special characters and
    /// AND/OR/NOT are escaped (<see cref="JqlText.EscapeTextSearch"/>), so <c>a+b</c>, <c>C++</c> or <c>OR</c> are
    /// searched as words, never as query syntax. Jira still matches words (stemmed, any order), not substrings.
    /// Use <see cref="Matches"/> for a deliberate query with wildcards or operators.
    /// </summary>
    /// <param name="text">The words to look for.</param>
    /// <returns>The query with this clause.</returns>
    /// <exception cref="ArgumentException"><paramref name="text"/> is null, empty or whitespace (Jira refuses an empty text search).</exception>
    public JqlQuery Contains(string text) => Text("~", Literal(text));

    /// <summary><c>field !~ "…"</c>: the negation of <see cref="Contains"/>, with the same escaping.</summary>
    /// <param name="text">The words that must not appear.</param>
    /// <returns>The query with this clause.</returns>
    /// <exception cref="ArgumentException"><paramref name="text"/> is null, empty or whitespace.</exception>
    public JqlQuery NotContains(string text) => Text("!~", Literal(text));

    /// <summary>
    /// <c>field ~ "\"…\""</c>: the exact phrase <paramref name="phrase"/> (its words side by side, in order),
    /// escaped like <see cref="Contains"/>.
    /// </summary>
    /// <param name="phrase">The phrase to look for.</param>
    /// <returns>The query with this clause.</returns>
    /// <exception cref="ArgumentException"><paramref name="phrase"/> is null, empty or whitespace.</exception>
    public JqlQuery ContainsPhrase(string phrase) => Text("~", "\"" + Literal(phrase) + "\"");

    /// <summary>
    /// <c>field ~ "query"</c> with <paramref name="query"/> passed to Jira's text search as written: wildcards
    /// (<c>auth*</c>), phrases, <c>AND</c>/<c>OR</c>/<c>NOT</c>, <c>+</c>/<c>-</c> and fuzzy <c>~</c> keep their
    /// Lucene meaning. The query is still one quoted JQL literal, so it cannot add JQL clauses; it can only change
    /// what the text search matches. Use <see cref="Contains"/> for untrusted text.
    /// </summary>
    /// <param name="query">A Lucene text query.</param>
    /// <returns>The query with this clause.</returns>
    /// <exception cref="ArgumentException"><paramref name="query"/> is null, empty or whitespace.</exception>
    public JqlQuery Matches(string query)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        return Text("~", query);
    }

    /// <summary><c>field !~ "query"</c>: the negation of <see cref="Matches"/>; the query keeps its Lucene meaning.</summary>
    /// <param name="query">A Lucene text query.</param>
    /// <returns>The query with this clause.</returns>
    /// <exception cref="ArgumentException"><paramref name="query"/> is null, empty or whitespace.</exception>
    public JqlQuery NotMatches(string query)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        return Text("!~", query);
    }

    private static string Literal(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return JqlText.EscapeTextSearch(text);
    }

    private JqlQuery Text(string op, string luceneQuery) => Compare(op, JqlValue.FromString(luceneQuery));

    private JqlQuery Compare(string op, JqlValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder();
        Field.AppendTo(sb);
        sb.Append(' ').Append(op).Append(' ');
        value.AppendTo(sb);
        return Complete(sb.ToString());
    }

    private JqlQuery List(string op, JqlValue[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length == 0)
        {
            throw new ArgumentException($"{op} needs at least one value.", nameof(values));
        }
        var sb = new StringBuilder();
        Field.AppendTo(sb);
        sb.Append(' ').Append(op).Append(" (");
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is null)
            {
                throw new ArgumentException($"{op} values cannot be null.", nameof(values));
            }
            if (i > 0)
            {
                sb.Append(", ");
            }
            values[i].AppendTo(sb);
        }
        sb.Append(')');
        return Complete(sb.ToString());
    }

    private static JqlValue[] Strings(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return [.. values.Select(v => v is null
            ? throw new ArgumentException("IN values cannot be null.", nameof(values))
            : JqlValue.FromString(v))];
    }

    private JqlQuery Complete(string clause)
    {
        var node = new JqlClauseNode(clause);
        return _left is null ? new JqlQuery(node, []) : _left.Append(_join, node);
    }
}
