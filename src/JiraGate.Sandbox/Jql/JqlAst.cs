using System.Globalization;

namespace JiraGate.Sandbox.Jql;

internal enum JqlOperator
{
    Equals,
    NotEquals,
    Like,
    NotLike,
    LessThan,
    GreaterThan,
    LessThanEquals,
    GreaterThanEquals,
    In,
    NotIn,
    Is,
    IsNot,
    Was,
    WasNot,
    WasIn,
    WasNotIn,
    Changed,
}

internal static class JqlOperators
{
    /// <summary>How Jira names the operator in validation messages ("=", "not in", "is not", …).</summary>
    public static string Display(this JqlOperator op) => op switch
    {
        JqlOperator.Equals => "=",
        JqlOperator.NotEquals => "!=",
        JqlOperator.Like => "~",
        JqlOperator.NotLike => "!~",
        JqlOperator.LessThan => "<",
        JqlOperator.GreaterThan => ">",
        JqlOperator.LessThanEquals => "<=",
        JqlOperator.GreaterThanEquals => ">=",
        JqlOperator.In => "in",
        JqlOperator.NotIn => "not in",
        JqlOperator.Is => "is",
        JqlOperator.IsNot => "is not",
        JqlOperator.Was => "was",
        JqlOperator.WasNot => "was not",
        JqlOperator.WasIn => "was in",
        JqlOperator.WasNotIn => "was not in",
        _ => "changed",
    };

    /// <summary>Jira's enum name, used in its predicate errors ("The EQUALS operator …").</summary>
    public static string EnumName(this JqlOperator op) => op switch
    {
        JqlOperator.Equals => "EQUALS",
        JqlOperator.NotEquals => "NOT_EQUALS",
        JqlOperator.Like => "LIKE",
        JqlOperator.NotLike => "NOT_LIKE",
        JqlOperator.LessThan => "LESS_THAN",
        JqlOperator.GreaterThan => "GREATER_THAN",
        JqlOperator.LessThanEquals => "LESS_THAN_EQUALS",
        JqlOperator.GreaterThanEquals => "GREATER_THAN_EQUALS",
        JqlOperator.In => "IN",
        JqlOperator.NotIn => "NOT_IN",
        JqlOperator.Is => "IS",
        JqlOperator.IsNot => "IS_NOT",
        _ => op.Display().ToUpperInvariant().Replace(' ', '_'),
    };

    public static bool IsHistory(this JqlOperator op) =>
        op is JqlOperator.Was or JqlOperator.WasNot or JqlOperator.WasIn or JqlOperator.WasNotIn or JqlOperator.Changed;

    public static bool IsList(this JqlOperator op) => op is JqlOperator.In or JqlOperator.NotIn;

    public static bool IsEmptyCheck(this JqlOperator op) => op is JqlOperator.Is or JqlOperator.IsNot;

    public static bool IsRelational(this JqlOperator op) =>
        op is JqlOperator.LessThan or JqlOperator.GreaterThan or JqlOperator.LessThanEquals or JqlOperator.GreaterThanEquals;

    /// <summary>The operator NOT turns this one into (Jira pushes NOT down to the clauses: De Morgan).</summary>
    public static JqlOperator Negate(this JqlOperator op) => op switch
    {
        JqlOperator.Equals => JqlOperator.NotEquals,
        JqlOperator.NotEquals => JqlOperator.Equals,
        JqlOperator.Like => JqlOperator.NotLike,
        JqlOperator.NotLike => JqlOperator.Like,
        JqlOperator.LessThan => JqlOperator.GreaterThanEquals,
        JqlOperator.GreaterThanEquals => JqlOperator.LessThan,
        JqlOperator.GreaterThan => JqlOperator.LessThanEquals,
        JqlOperator.LessThanEquals => JqlOperator.GreaterThan,
        JqlOperator.In => JqlOperator.NotIn,
        JqlOperator.NotIn => JqlOperator.In,
        JqlOperator.Is => JqlOperator.IsNot,
        JqlOperator.IsNot => JqlOperator.Is,
        _ => op,
    };

    /// <summary>Whether the operator asks for the values to be absent (!=, not in, !~); such clauses never match an empty field.</summary>
    public static bool IsNegative(this JqlOperator op) =>
        op is JqlOperator.NotEquals or JqlOperator.NotIn or JqlOperator.NotLike;
}

/// <summary>A field as written: a name (quoted or not, case kept for messages) or cf[NNNNN].</summary>
internal sealed record JqlField(string Name, long? CustomFieldId, JqlPosition Position)
{
    /// <summary>The field as Jira names it in messages: as the user wrote it.</summary>
    public string Display => CustomFieldId is { } id ? string.Create(CultureInfo.InvariantCulture, $"cf[{id}]") : Name;
}

internal abstract record JqlClause;

internal sealed record JqlAndClause(IReadOnlyList<JqlClause> Clauses) : JqlClause;

internal sealed record JqlOrClause(IReadOnlyList<JqlClause> Clauses) : JqlClause;

internal sealed record JqlNotClause(JqlClause Clause) : JqlClause;

/// <summary><c>field operator operand</c>; the operand is null only for CHANGED.</summary>
internal sealed record JqlTerminalClause(JqlField Field, JqlOperator Operator, JqlOperand? Operand) : JqlClause;

internal abstract record JqlOperand
{
    /// <summary>How Jira prints the operand in messages: strings in double quotes, numbers bare, lists in parentheses.</summary>
    public abstract string Display { get; }
}

/// <summary>A value. <see cref="Number"/> is set for an unquoted integer literal, which Jira resolves as an id first.</summary>
internal sealed record JqlValueOperand(string Text, long? Number) : JqlOperand
{
    public override string Display => Number is { } n ? n.ToString(CultureInfo.InvariantCulture) : $"\"{Text}\"";
}

internal sealed record JqlEmptyOperand : JqlOperand
{
    public static readonly JqlEmptyOperand Instance = new();

    public override string Display => "EMPTY";
}

internal sealed record JqlListOperand(IReadOnlyList<JqlOperand> Items) : JqlOperand
{
    public override string Display => "(" + string.Join(", ", Items.Select(i => i.Display)) + ")";
}

internal sealed record JqlFunctionOperand(string Name, IReadOnlyList<string> Arguments) : JqlOperand
{
    public override string Display => Name + "(" + string.Join(", ", Arguments) + ")";
}

internal enum JqlSortDirection
{
    Ascending,
    Descending,
}

/// <summary>One ORDER BY field; <see cref="Direction"/> null means the field's default direction.</summary>
internal sealed record JqlOrderBy(JqlField Field, JqlSortDirection? Direction);

/// <summary>A parsed query: immutable and shared between requests through the parse cache.</summary>
internal sealed class JqlQuery
{
    public JqlQuery(string text, JqlClause? where, IReadOnlyList<JqlOrderBy> orderBy)
    {
        Text = text;
        Where = where;
        OrderBy = orderBy;
    }

    public string Text { get; }

    /// <summary>The WHERE part; null for an empty query or one with only ORDER BY.</summary>
    public JqlClause? Where { get; }

    public IReadOnlyList<JqlOrderBy> OrderBy { get; }

    /// <summary>Whether the query restricts the issues at all (Cloud refuses unbounded searches).</summary>
    public bool HasRestriction => Where is not null;
}
