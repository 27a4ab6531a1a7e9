using System.Collections.Immutable;
using System.Text;

namespace JiraGate.Jira.Jql;

/// <summary>
/// An immutable JQL query: a condition plus an optional ORDER BY. Start one with <see cref="Where(string)"/>; every
/// value is quoted and escaped, every field name validated and every group parenthesised, so untrusted text can
/// never turn into JQL syntax. Each method returns a new query and leaves this one unchanged.
/// <code>
/// var jql = JqlQuery.Where("project").Eq("SEC")
///     .And("status").In("Open", "In Progress")
///     .And("assignee").Eq(JqlFunction.CurrentUser)
///     .OrderBy("created", JqlSort.Descending)
///     .ToString();
/// // project = "SEC" AND status IN ("Open", "In Progress") AND assignee = currentUser() ORDER BY created DESC
/// </code>
/// </summary>
/// <remarks>
/// Chains read left to right: <c>a.And(b).Or(c)</c> means <c>(a AND b) OR c</c> and is written with those
/// parentheses, so Jira's precedence (NOT, then AND, then OR) never changes the meaning. JQL reference:
/// https://support.atlassian.com/jira-software-cloud/docs/use-advanced-search-with-jira-query-language-jql/
/// </remarks>
public sealed class JqlQuery
{
    /// <summary>Jira Cloud accepts at most this many fields in ORDER BY.</summary>
    public const int MaxOrderByFields = 7;

    private readonly ImmutableArray<(JqlField Field, JqlSort Direction)> _orderBy;

    internal JqlQuery(JqlNode condition, ImmutableArray<(JqlField Field, JqlSort Direction)> orderBy)
    {
        Condition = condition;
        _orderBy = orderBy;
    }

    internal JqlNode Condition { get; }

    internal bool HasOrderBy => _orderBy.Length > 0;

    /// <summary>Starts a query with a clause on <paramref name="field"/>.</summary>
    /// <param name="field">A field name or id, e.g. <c>project</c>, <c>Story Points</c> or <c>cf[10016]</c>; see <see cref="JqlField.Named"/>.</param>
    /// <returns>The pending clause: pick its operator next.</returns>
    /// <exception cref="ArgumentException"><paramref name="field"/> is not a valid field name.</exception>
    public static JqlFieldClause Where(string field) => new JqlFieldClause(null, JqlJoin.And, JqlField.Named(field));

    /// <summary>Starts a query with a clause on <paramref name="field"/>.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The pending clause: pick its operator next.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="field"/> is null.</exception>
    public static JqlFieldClause Where(JqlField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return new JqlFieldClause(null, JqlJoin.And, field);
    }

    /// <summary><c>NOT condition</c>, with the condition parenthesised when it is a group.</summary>
    /// <param name="condition">A query without ORDER BY.</param>
    /// <returns>The negated condition.</returns>
    /// <exception cref="ArgumentException"><paramref name="condition"/> has an ORDER BY.</exception>
    public static JqlQuery Not(JqlQuery condition) =>
        new(new JqlNotNode(ConditionOf(condition, nameof(condition))), []);

    /// <summary><c>(c1 AND c2 AND …)</c>: every condition must hold.</summary>
    /// <param name="conditions">One or more queries without ORDER BY.</param>
    /// <returns>The combined condition.</returns>
    /// <exception cref="ArgumentException">No conditions were given, or one has an ORDER BY.</exception>
    public static JqlQuery AllOf(params JqlQuery[] conditions) => Group(JqlJoin.And, conditions);

    /// <summary><c>(c1 OR c2 OR …)</c>: at least one condition must hold.</summary>
    /// <param name="conditions">One or more queries without ORDER BY.</param>
    /// <returns>The combined condition.</returns>
    /// <exception cref="ArgumentException">No conditions were given, or one has an ORDER BY.</exception>
    public static JqlQuery AnyOf(params JqlQuery[] conditions) => Group(JqlJoin.Or, conditions);

    private static JqlQuery Group(JqlJoin join, JqlQuery[] conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        if (conditions.Length == 0)
        {
            throw new ArgumentException("Give at least one condition.", nameof(conditions));
        }
        var nodes = new JqlNode[conditions.Length];
        for (var i = 0; i < conditions.Length; i++)
        {
            nodes[i] = ConditionOf(conditions[i], nameof(conditions));
        }
        return new(JqlNode.Join(join, nodes), []);
    }

    /// <summary>Starts a clause on <paramref name="field"/> that will be joined to this query with AND.</summary>
    /// <param name="field">A field name or id; see <see cref="JqlField.Named"/>.</param>
    /// <returns>The pending clause: pick its operator next.</returns>
    /// <exception cref="ArgumentException"><paramref name="field"/> is not a valid field name.</exception>
    public JqlFieldClause And(string field) => new(this, JqlJoin.And, JqlField.Named(field));

    /// <summary>Starts a clause on <paramref name="field"/> that will be joined to this query with AND.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The pending clause: pick its operator next.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="field"/> is null.</exception>
    public JqlFieldClause And(JqlField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return new(this, JqlJoin.And, field);
    }

    /// <summary>Starts a clause on <paramref name="field"/> that will be joined to this query with OR.</summary>
    /// <param name="field">A field name or id; see <see cref="JqlField.Named"/>.</param>
    /// <returns>The pending clause: pick its operator next.</returns>
    /// <exception cref="ArgumentException"><paramref name="field"/> is not a valid field name.</exception>
    public JqlFieldClause Or(string field) => new(this, JqlJoin.Or, JqlField.Named(field));

    /// <summary>Starts a clause on <paramref name="field"/> that will be joined to this query with OR.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The pending clause: pick its operator next.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="field"/> is null.</exception>
    public JqlFieldClause Or(JqlField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return new(this, JqlJoin.Or, field);
    }

    /// <summary>This query AND <paramref name="other"/>; <paramref name="other"/> is parenthesised when it is a group.</summary>
    /// <param name="other">A condition without ORDER BY.</param>
    /// <returns>The combined query (keeping this query's ORDER BY).</returns>
    /// <exception cref="ArgumentException"><paramref name="other"/> has an ORDER BY.</exception>
    public JqlQuery And(JqlQuery other) => Join(JqlJoin.And, other);

    /// <summary>This query OR <paramref name="other"/>; <paramref name="other"/> is parenthesised when it is a group.</summary>
    /// <param name="other">A condition without ORDER BY.</param>
    /// <returns>The combined query (keeping this query's ORDER BY).</returns>
    /// <exception cref="ArgumentException"><paramref name="other"/> has an ORDER BY.</exception>
    public JqlQuery Or(JqlQuery other) => Join(JqlJoin.Or, other);

    /// <summary>
    /// Adds a sort field after any already given (<c>q.OrderBy("priority", …).OrderBy("created", …)</c> sorts by
    /// priority, then by created). The direction is always written.
    /// </summary>
    /// <param name="field">A field name or id; see <see cref="JqlField.Named"/>.</param>
    /// <param name="direction">ASC or DESC.</param>
    /// <returns>The query with the extra sort field.</returns>
    /// <exception cref="ArgumentException">The field is invalid or already in the ORDER BY.</exception>
    /// <exception cref="InvalidOperationException">The ORDER BY already has <see cref="MaxOrderByFields"/> fields.</exception>
    public JqlQuery OrderBy(string field, JqlSort direction) => OrderBy(JqlField.Named(field), direction);

    /// <summary>Adds a sort field after any already given; see <see cref="OrderBy(string, JqlSort)"/>.</summary>
    /// <param name="field">The field.</param>
    /// <param name="direction">ASC or DESC.</param>
    /// <returns>The query with the extra sort field.</returns>
    /// <exception cref="ArgumentException">The field is already in the ORDER BY, or the direction is undefined.</exception>
    /// <exception cref="InvalidOperationException">The ORDER BY already has <see cref="MaxOrderByFields"/> fields.</exception>
    public JqlQuery OrderBy(JqlField field, JqlSort direction)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (direction is not (JqlSort.Ascending or JqlSort.Descending))
        {
            throw new ArgumentException("Unknown sort direction.", nameof(direction));
        }
        if (_orderBy.Length >= MaxOrderByFields)
        {
            throw new InvalidOperationException("JQL allows at most 7 ORDER BY fields (Jira Cloud's limit).");
        }
        foreach (var (existing, _) in _orderBy)
        {
            if (existing.Equals(field))
            {
                throw new ArgumentException($"The ORDER BY already sorts by {field}.", nameof(field));
            }
        }
        return new JqlQuery(Condition, _orderBy.Add((field, direction)));
    }

    /// <summary>The JQL text, e.g. <c>project = "SEC" AND status IN ("Open", "In Progress") ORDER BY created DESC</c>.</summary>
    /// <returns>The query as JQL.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        Condition.AppendTo(sb);
        for (var i = 0; i < _orderBy.Length; i++)
        {
            sb.Append(i == 0 ? " ORDER BY " : ", ");
            _orderBy[i].Field.AppendTo(sb);
            sb.Append(_orderBy[i].Direction == JqlSort.Descending ? " DESC" : " ASC");
        }
        return sb.ToString();
    }

    /// <summary>Joins a finished clause to this query (used by <see cref="JqlFieldClause"/>).</summary>
    internal JqlQuery Append(JqlJoin join, JqlNode clause) => new(JqlNode.Join(Condition, join, clause), _orderBy);

    internal static JqlNode ConditionOf(JqlQuery query, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(query, parameterName);
        if (query.HasOrderBy)
        {
            throw new ArgumentException("A query used as a condition inside another cannot have an ORDER BY.", parameterName);
        }
        return query.Condition;
    }

    private JqlQuery Join(JqlJoin join, JqlQuery other) =>
        new(JqlNode.Join(Condition, join, ConditionOf(other, nameof(other))), _orderBy);
}
