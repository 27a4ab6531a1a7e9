using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Jql;

/// <summary>A set of operators, one bit per <see cref="JqlOperator"/>.</summary>
internal readonly record struct JqlOperatorSet(uint Bits)
{
    public static readonly JqlOperatorSet None = new(0);
    public static readonly JqlOperatorSet Equality = Of(JqlOperator.Equals, JqlOperator.NotEquals, JqlOperator.In, JqlOperator.NotIn);
    public static readonly JqlOperatorSet Emptiness = Of(JqlOperator.Is, JqlOperator.IsNot);
    public static readonly JqlOperatorSet Relational = Of(JqlOperator.LessThan, JqlOperator.LessThanEquals, JqlOperator.GreaterThan, JqlOperator.GreaterThanEquals);
    public static readonly JqlOperatorSet Text = Of(JqlOperator.Like, JqlOperator.NotLike);

    public static JqlOperatorSet Of(params JqlOperator[] operators) =>
        new(operators.Aggregate(0u, (bits, op) => bits | (1u << (int)op)));

    public bool Contains(JqlOperator op) => (Bits & (1u << (int)op)) != 0;

    public static JqlOperatorSet operator |(JqlOperatorSet a, JqlOperatorSet b) => new(a.Bits | b.Bits);
}

/// <summary>What a clause asks for once its operand has been checked and its functions run.</summary>
internal sealed class JqlClauseInput
{
    public required JqlCompiler Compiler { get; init; }

    /// <summary>The field as written, for messages.</summary>
    public required string Field { get; init; }

    /// <summary>The operator to evaluate: the written one, negated when the clause sits under an odd number of NOTs.</summary>
    public required JqlOperator Operator { get; init; }

    public required IReadOnlyList<JqlValueOperand> Literals { get; init; }

    /// <summary>Whether the operand is or contains EMPTY (always for IS / IS NOT).</summary>
    public required bool HasEmpty { get; init; }

    public required IReadOnlyList<JqlFunctionResult> Functions { get; init; }

    public bool Positive => Operator is JqlOperator.Equals or JqlOperator.In or JqlOperator.Like;

    /// <summary>The same clause with some values replaced (e.g. resolution "Unresolved" turned into EMPTY).</summary>
    public JqlClauseInput With(IReadOnlyList<JqlValueOperand> literals, bool hasEmpty) => new()
    {
        Compiler = Compiler,
        Field = Field,
        Operator = Operator,
        Literals = literals,
        HasEmpty = hasEmpty,
        Functions = Functions,
    };
}

/// <summary>
/// How one searchable field evaluates clauses and sorts. Handlers are stateless; everything a clause needs from the
/// site is resolved once in <see cref="Build"/> so the returned predicate only compares ids and values per issue.
/// </summary>
internal abstract class JqlFieldHandler(JqlOperatorSet supported, bool supportsEmpty = true)
{
    public JqlOperatorSet Supported { get; } = supported;

    public bool SupportsEmpty { get; } = supportsEmpty;

    /// <summary>Builds the clause's predicate; reports value errors to the compiler and returns null when there were any.</summary>
    public abstract Func<Issue, bool>? Build(JqlClauseInput input);

    /// <summary>The field's sort key, or null when Jira cannot sort by it.</summary>
    public virtual JqlSortKey? SortKey(JqlCompiler compiler) => null;

    // ---- predicates shared by the handlers ----

    protected static Func<Issue, bool> Never { get; } = static _ => false;

    /// <summary>
    /// A single-valued field against a set of values. Positive operators match a value in the set (or an empty
    /// field when EMPTY was asked for); negative ones match a set field whose value is not in the set — Jira never
    /// returns empty fields for !=, NOT IN or NOT (…).
    /// </summary>
    protected static Func<Issue, bool> MatchString(Func<Issue, string?> get, HashSet<string> values, JqlClauseInput input)
    {
        switch (input.Operator)
        {
            case JqlOperator.Is: return i => get(i) is null;
            case JqlOperator.IsNot: return i => get(i) is not null;
        }
        var empty = input.HasEmpty;
        if (input.Positive)
        {
            if (values.Count == 1 && !empty)
            {
                var only = values.First();
                return i => string.Equals(get(i), only, StringComparison.Ordinal);
            }
            return i => get(i) is { } v ? values.Contains(v) : empty;
        }
        return i => get(i) is { } v && !values.Contains(v);
    }

    protected static Func<Issue, bool> MatchValue<T>(Func<Issue, T?> get, HashSet<T> values, JqlClauseInput input)
        where T : struct
    {
        switch (input.Operator)
        {
            case JqlOperator.Is: return i => get(i) is null;
            case JqlOperator.IsNot: return i => get(i) is not null;
        }
        var empty = input.HasEmpty;
        if (input.Positive)
        {
            if (values.Count == 1 && !empty)
            {
                var only = values.First();
                var comparer = EqualityComparer<T>.Default;
                return i => get(i) is { } v && comparer.Equals(v, only);
            }
            return i => get(i) is { } v ? values.Contains(v) : empty;
        }
        return i => get(i) is { } v && !values.Contains(v);
    }

    /// <summary>A multi-valued field (labels, components, versions, sprints): positive matches any value in the set.</summary>
    protected static Func<Issue, bool> MatchAny<T>(Func<Issue, IReadOnlyList<T>> get, HashSet<T> values, JqlClauseInput input)
    {
        switch (input.Operator)
        {
            case JqlOperator.Is: return i => get(i).Count == 0;
            case JqlOperator.IsNot: return i => get(i).Count > 0;
        }
        var empty = input.HasEmpty;
        if (input.Positive)
        {
            return i => get(i) is { Count: > 0 } list ? Any(list, values) : empty;
        }
        return i => get(i) is { Count: > 0 } list && !Any(list, values);
    }

    private static bool Any<T>(IReadOnlyList<T> list, HashSet<T> values)
    {
        for (var k = 0; k < list.Count; k++)
        {
            if (values.Contains(list[k]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Compares an ordered value (dates, numbers) with a single bound; an empty field never matches.</summary>
    protected static Func<Issue, bool> Compare<T>(Func<Issue, T?> get, T bound, JqlOperator op)
        where T : struct, IComparable<T> => op switch
        {
            JqlOperator.LessThan => i => get(i) is { } v && v.CompareTo(bound) < 0,
            JqlOperator.LessThanEquals => i => get(i) is { } v && v.CompareTo(bound) <= 0,
            JqlOperator.GreaterThan => i => get(i) is { } v && v.CompareTo(bound) > 0,
            JqlOperator.GreaterThanEquals => i => get(i) is { } v && v.CompareTo(bound) >= 0,
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Not a relational operator."),
        };

    /// <summary>Whether an item at <paramref name="rank"/> satisfies "rank op <paramref name="bound"/>".</summary>
    protected static bool Satisfies(int rank, JqlOperator op, int bound) => op switch
    {
        JqlOperator.LessThan => rank < bound,
        JqlOperator.LessThanEquals => rank <= bound,
        JqlOperator.GreaterThan => rank > bound,
        _ => rank >= bound,
    };
}
