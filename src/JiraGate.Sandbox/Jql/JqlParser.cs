using System.Globalization;

namespace JiraGate.Sandbox.Jql;

/// <summary>
/// Recursive-descent parser for Jira's JQL grammar:
/// <code>
/// query    := [or] [ORDER BY sort ("," sort)*] EOF
/// or       := and (OR and)*            -- OR: "or" | "|" | "||"
/// and      := not (AND not)*           -- AND: "and" | "&amp;" | "&amp;&amp;"
/// not      := (NOT | "!") not | "(" or ")" | field operator operand [predicates]
/// operand  := EMPTY | value | function | "(" operand ("," operand)* ")"
/// </code>
/// Errors follow Jira's parser: the first one ends parsing, with its wording and position.
/// </summary>
internal sealed class JqlParser
{
    /// <summary>Deeper nesting is refused rather than risking the process's stack on hostile input.</summary>
    public const int MaxDepth = 100;

    private readonly List<JqlToken> _tokens;
    private int _next;
    private int _depth;

    private JqlParser(List<JqlToken> tokens) => _tokens = tokens;

    public static JqlQuery Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new JqlParser(JqlLexer.Tokenize(text));
        return parser.Query(text);
    }

    private JqlToken Peek => _tokens[_next];

    private JqlToken Take()
    {
        var token = _tokens[_next];
        if (token.Kind != JqlTokenKind.Eof)
        {
            _next++;
        }
        return token;
    }

    private JqlQuery Query(string text)
    {
        JqlClause? where = null;
        if (Peek.Kind is not (JqlTokenKind.Eof or JqlTokenKind.Order))
        {
            where = Or();
        }
        var orderBy = new List<JqlOrderBy>();
        if (Peek.Kind == JqlTokenKind.Order)
        {
            OrderBy(orderBy);
        }
        if (Peek.Kind != JqlTokenKind.Eof)
        {
            // Only a "," can continue a sort; only AND or OR can join another clause.
            throw new JqlException(orderBy.Count > 0 ? JqlMessages.Expected(",", Peek) : JqlMessages.ExpectedLogicalOperator(Peek));
        }
        return new JqlQuery(text, where, orderBy);
    }

    private JqlClause Or()
    {
        var clauses = new List<JqlClause> { And() };
        while (Peek.Kind == JqlTokenKind.Or)
        {
            Take();
            clauses.Add(And());
        }
        return clauses.Count == 1 ? clauses[0] : new JqlOrClause(clauses);
    }

    private JqlClause And()
    {
        var clauses = new List<JqlClause> { Not() };
        while (Peek.Kind == JqlTokenKind.And)
        {
            Take();
            clauses.Add(Not());
        }
        return clauses.Count == 1 ? clauses[0] : new JqlAndClause(clauses);
    }

    private JqlClause Not()
    {
        if (Peek.Kind is JqlTokenKind.Not or JqlTokenKind.Bang)
        {
            Take();
            Enter();
            var inner = Not();
            _depth--;
            return new JqlNotClause(inner);
        }
        if (Peek.Kind == JqlTokenKind.LParen)
        {
            Take();
            Enter();
            var inner = Or();
            _depth--;
            if (Peek.Kind != JqlTokenKind.RParen)
            {
                throw new JqlException(JqlMessages.Expected(")", Peek));
            }
            Take();
            return inner;
        }
        return Terminal();
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw new JqlException(JqlMessages.TooDeep(MaxDepth));
        }
    }

    private JqlTerminalClause Terminal()
    {
        var field = Field();
        var op = Operator();
        JqlOperand? operand = null;
        if (op != JqlOperator.Changed || CanStartOperand(Peek))
        {
            operand = Operand(inList: false);
        }
        // History predicates (FROM, TO, BY, BEFORE, AFTER, ON, DURING) only belong to WAS and CHANGED.
        var predicates = new List<string>();
        while (Peek.IsHistoryPredicate)
        {
            var keyword = Take();
            predicates.Add(keyword.Text.ToLowerInvariant() + " " + Operand(inList: false).Display);
        }
        if (op == JqlOperator.Changed && operand is not null)
        {
            throw new JqlException(JqlMessages.ChangedWithValue(operand.Display));
        }
        if (predicates.Count > 0 && !op.IsHistory())
        {
            throw new JqlException(JqlMessages.UnsupportedPredicate(op.EnumName(), string.Join(" ", predicates)));
        }
        return new JqlTerminalClause(field, op, operand);
    }

    private JqlField Field()
    {
        var token = Take();
        if (token.IsNumber)
        {
            return new JqlField(token.Text, null, token.Position);
        }
        if (token.IsString)
        {
            if (string.IsNullOrWhiteSpace(token.Text))
            {
                throw new JqlException(JqlMessages.EmptyFieldName(token.Position));
            }
            return new JqlField(token.Text, null, token.Position);
        }
        if (token.Kind != JqlTokenKind.CustomField)
        {
            throw new JqlException(JqlMessages.ExpectedField(token));
        }
        if (Peek.Kind != JqlTokenKind.LBracket)
        {
            throw new JqlException(JqlMessages.Expected("[", Peek));
        }
        Take();
        if (Peek.Kind != JqlTokenKind.PositiveNumber)
        {
            throw new JqlException(JqlMessages.ExpectedCustomFieldId(Peek));
        }
        var id = ParseLong(Take());
        if (Peek.Kind != JqlTokenKind.RBracket)
        {
            throw new JqlException(JqlMessages.Expected("]", Peek));
        }
        Take();
        return new JqlField("cf[" + id.ToString(CultureInfo.InvariantCulture) + "]", id, token.Position);
    }

    private JqlOperator Operator()
    {
        var token = Take();
        switch (token.Kind)
        {
            case JqlTokenKind.Equals: return JqlOperator.Equals;
            case JqlTokenKind.NotEquals: return JqlOperator.NotEquals;
            case JqlTokenKind.Like: return JqlOperator.Like;
            case JqlTokenKind.NotLike: return JqlOperator.NotLike;
            case JqlTokenKind.LessThan: return JqlOperator.LessThan;
            case JqlTokenKind.GreaterThan: return JqlOperator.GreaterThan;
            case JqlTokenKind.LessThanEquals: return JqlOperator.LessThanEquals;
            case JqlTokenKind.GreaterThanEquals: return JqlOperator.GreaterThanEquals;
            case JqlTokenKind.In: return JqlOperator.In;
            case JqlTokenKind.Changed: return JqlOperator.Changed;
            case JqlTokenKind.Is:
                if (Peek.Kind == JqlTokenKind.Not)
                {
                    Take();
                    return JqlOperator.IsNot;
                }
                return CanStartOperand(Peek) ? JqlOperator.Is : throw new JqlException(JqlMessages.Expected("NOT", Peek));
            case JqlTokenKind.Not:
                if (Peek.Kind != JqlTokenKind.In)
                {
                    throw new JqlException(JqlMessages.Expected("IN", Peek));
                }
                Take();
                return JqlOperator.NotIn;
            case JqlTokenKind.Was:
                var not = Peek.Kind == JqlTokenKind.Not;
                if (not)
                {
                    Take();
                }
                if (Peek.Kind == JqlTokenKind.In)
                {
                    Take();
                    return not ? JqlOperator.WasNotIn : JqlOperator.WasIn;
                }
                return not ? JqlOperator.WasNot : JqlOperator.Was;
            default:
                throw new JqlException(JqlMessages.ExpectedOperator(token));
        }
    }

    private static bool CanStartOperand(JqlToken token) =>
        token.IsString || token.IsNumber || token.Kind is JqlTokenKind.Empty or JqlTokenKind.LParen;

    private JqlOperand Operand(bool inList)
    {
        var token = Peek;
        if (token.Kind == JqlTokenKind.Empty)
        {
            Take();
            return JqlEmptyOperand.Instance;
        }
        if (token.Kind == JqlTokenKind.LParen)
        {
            return List();
        }
        if (!token.IsString && !token.IsNumber)
        {
            throw new JqlException(JqlMessages.ExpectedOperand(token));
        }
        Take();
        if (Peek.Kind == JqlTokenKind.LParen)
        {
            return Function(token);
        }
        var value = token.IsNumber ? new JqlValueOperand(token.Text, ParseLong(token)) : new JqlValueOperand(token.Text, null);
        if (inList && Peek.Kind is not (JqlTokenKind.Comma or JqlTokenKind.RParen or JqlTokenKind.Eof))
        {
            // Jira's lookahead blames a plain value in a list for what follows it.
            throw new JqlException(JqlMessages.Expected(",", ")", Peek));
        }
        return value;
    }

    private JqlListOperand List()
    {
        Take();
        Enter();
        var items = new List<JqlOperand> { Operand(inList: true) };
        while (Peek.Kind == JqlTokenKind.Comma)
        {
            Take();
            items.Add(Operand(inList: true));
        }
        if (Peek.Kind != JqlTokenKind.RParen)
        {
            throw new JqlException(JqlMessages.Expected(")", Peek));
        }
        Take();
        _depth--;
        return new JqlListOperand(items);
    }

    private JqlFunctionOperand Function(JqlToken name)
    {
        if (string.IsNullOrWhiteSpace(name.Text))
        {
            throw new JqlException(JqlMessages.EmptyFunctionName(name.Position));
        }
        Take();
        var arguments = new List<string>();
        if (Peek.Kind == JqlTokenKind.RParen)
        {
            Take();
            return new JqlFunctionOperand(name.Text, arguments);
        }
        if (Peek.Kind is JqlTokenKind.Eof or JqlTokenKind.Comma)
        {
            throw new JqlException(JqlMessages.Expected(")", Peek));
        }
        while (true)
        {
            var argument = Take();
            if (!argument.IsString && !argument.IsNumber)
            {
                throw new JqlException(argument.Kind is JqlTokenKind.Comma or JqlTokenKind.RParen
                    ? JqlMessages.EmptyFunctionArgument(argument.Position)
                    : JqlMessages.ExpectedFunctionArgument(argument));
            }
            arguments.Add(argument.Text);
            if (Peek.Kind == JqlTokenKind.RParen)
            {
                Take();
                return new JqlFunctionOperand(name.Text, arguments);
            }
            if (Peek.Kind == JqlTokenKind.Eof)
            {
                throw new JqlException(JqlMessages.Expected(")", Peek));
            }
            if (Peek.Kind != JqlTokenKind.Comma)
            {
                throw new JqlException(JqlMessages.Expected(")", ",", Peek));
            }
            Take();
        }
    }

    private void OrderBy(List<JqlOrderBy> sorts)
    {
        Take();
        if (Peek.Kind != JqlTokenKind.By)
        {
            throw new JqlException(JqlMessages.Expected("by", Peek));
        }
        Take();
        while (true)
        {
            var field = Field();
            JqlSortDirection? direction = null;
            if (Peek.Kind is JqlTokenKind.Asc or JqlTokenKind.Desc)
            {
                direction = Take().Kind == JqlTokenKind.Asc ? JqlSortDirection.Ascending : JqlSortDirection.Descending;
            }
            else if (Peek.Kind is not (JqlTokenKind.Eof or JqlTokenKind.Comma))
            {
                throw new JqlException(JqlMessages.ExpectedSortOrder(Peek));
            }
            sorts.Add(new JqlOrderBy(field, direction));
            if (Peek.Kind != JqlTokenKind.Comma)
            {
                return;
            }
            Take();
        }
    }

    private static long ParseLong(JqlToken token) =>
        long.TryParse(token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new JqlException(JqlMessages.IllegalNumber(token.Text, token.Position));
}
