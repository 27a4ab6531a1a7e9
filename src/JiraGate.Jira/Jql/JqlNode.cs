using System.Text;

namespace JiraGate.Jira.Jql;

/// <summary>How a group joins its parts.</summary>
internal enum JqlJoin
{
    And,
    Or,
}

/// <summary>
/// The condition tree behind a <see cref="JqlQuery"/>. Rendering puts parentheses around every group that sits
/// inside another group or under NOT, so JQL's precedence (NOT, then AND, then OR) can never regroup what the
/// builder meant.
/// </summary>
internal abstract class JqlNode
{
    public abstract void AppendTo(StringBuilder sb);

    /// <summary>Joins two conditions, flattening same-kind groups (AND and OR are associative).</summary>
    public static JqlNode Join(JqlNode left, JqlJoin join, JqlNode right)
    {
        var parts = new List<JqlNode>();
        Add(parts, left, join);
        Add(parts, right, join);
        return new JqlGroupNode(join, [.. parts]);
    }

    public static JqlNode Join(JqlJoin join, IReadOnlyList<JqlNode> nodes)
    {
        if (nodes.Count == 1)
        {
            return nodes[0];
        }
        var parts = new List<JqlNode>();
        foreach (var node in nodes)
        {
            Add(parts, node, join);
        }
        return new JqlGroupNode(join, [.. parts]);
    }

    private static void Add(List<JqlNode> parts, JqlNode node, JqlJoin join)
    {
        if (node is JqlGroupNode group && group.Kind == join)
        {
            parts.AddRange(group.Parts);
        }
        else
        {
            parts.Add(node);
        }
    }

    /// <summary>Writes a node that is an operand of AND, OR or NOT: groups go in parentheses.</summary>
    protected static void AppendOperand(StringBuilder sb, JqlNode node)
    {
        if (node is JqlGroupNode)
        {
            sb.Append('(');
            node.AppendTo(sb);
            sb.Append(')');
        }
        else
        {
            node.AppendTo(sb);
        }
    }
}

/// <summary>One terminal clause, already rendered from a validated field, an operator and quoted operands.</summary>
internal sealed class JqlClauseNode(string jql) : JqlNode
{
    public override void AppendTo(StringBuilder sb) => sb.Append(jql);
}

internal sealed class JqlGroupNode(JqlJoin join, JqlNode[] parts) : JqlNode
{
    public JqlJoin Kind { get; } = join;

    public IReadOnlyList<JqlNode> Parts { get; } = parts;

    public override void AppendTo(StringBuilder sb)
    {
        var separator = Kind == JqlJoin.And ? " AND " : " OR ";
        for (var i = 0; i < Parts.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(separator);
            }
            AppendOperand(sb, Parts[i]);
        }
    }
}

internal sealed class JqlNotNode(JqlNode inner) : JqlNode
{
    public override void AppendTo(StringBuilder sb)
    {
        sb.Append("NOT ");
        AppendOperand(sb, inner);
    }
}
