using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Jql;

/// <summary>
/// Turns a parsed query into a predicate and a comparer against one site, for one caller, at one instant. It
/// validates as Jira does — field, operator use, operator support, EMPTY support, then values and functions — and
/// collects every such error before throwing, so the caller sees them all at once. NOT is pushed down to the
/// clauses (De Morgan), which is why "NOT assignee = x" skips unassigned issues exactly like "assignee != x".
/// </summary>
internal sealed partial class JqlCompiler
{
    /// <summary>Jira Cloud's /search/jql accepts at most this many ORDER BY fields.</summary>
    public const int MaxCloudSortFields = 7;

    private readonly JqlContext _context;
    private readonly List<string> _errors = [];
    private readonly List<string> _warnings = [];

    private JqlCompiler(JqlContext context)
    {
        _context = context;
        Now = context.Site.Now;
    }

    public Site Site => _context.Site;

    public User? CurrentUser => _context.CurrentUser;

    /// <summary>The instant relative dates and date functions count from, read once per compilation.</summary>
    public DateTimeOffset Now { get; }

    public static CompiledJql Compile(JqlQuery query, JqlContext context)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(context);
        var compiler = new JqlCompiler(context);
        var predicate = query.Where is null ? static _ => true : compiler.Clause(query.Where, negated: false);
        var comparer = compiler.OrderBy(query.OrderBy);
        if (compiler._errors.Count > 0 || predicate is null || comparer is null)
        {
            throw new JqlException(compiler._errors.Distinct(StringComparer.Ordinal).ToList());
        }
        return new CompiledJql(query, predicate, comparer, compiler._warnings.Distinct(StringComparer.Ordinal).ToList());
    }

    public void Error(string message) => _errors.Add(message);

    /// <summary>A problem Jira reports without refusing the query (the clause then matches nothing).</summary>
    public void Warn(string message) => _warnings.Add(message);

    public bool CanBrowse(Project project) => _context.CanBrowseProject(project);

    private Func<Issue, bool>? Clause(JqlClause clause, bool negated)
    {
        switch (clause)
        {
            case JqlNotClause not:
                return Clause(not.Clause, !negated);
            case JqlAndClause and:
                return negated ? Any(and.Clauses, negated) : All(and.Clauses, negated);
            case JqlOrClause or:
                return negated ? All(or.Clauses, negated) : Any(or.Clauses, negated);
            case JqlTerminalClause terminal:
                return Terminal(terminal, negated);
            default:
                throw new ArgumentOutOfRangeException(nameof(clause), clause, "Unknown clause type.");
        }
    }

    private Func<Issue, bool>? All(IReadOnlyList<JqlClause> clauses, bool negated)
    {
        var parts = Children(clauses, negated);
        if (parts is null)
        {
            return null;
        }
        if (parts.Length == 2)
        {
            var (a, b) = (parts[0], parts[1]);
            return i => a(i) && b(i);
        }
        return i => Array.TrueForAll(parts, p => p(i));
    }

    private Func<Issue, bool>? Any(IReadOnlyList<JqlClause> clauses, bool negated)
    {
        var parts = Children(clauses, negated);
        if (parts is null)
        {
            return null;
        }
        if (parts.Length == 2)
        {
            var (a, b) = (parts[0], parts[1]);
            return i => a(i) || b(i);
        }
        return i => Array.Exists(parts, p => p(i));
    }

    /// <summary>Compiles every child, even after a failure, so that all errors are reported.</summary>
    private Func<Issue, bool>[]? Children(IReadOnlyList<JqlClause> clauses, bool negated)
    {
        var parts = new Func<Issue, bool>?[clauses.Count];
        for (var k = 0; k < clauses.Count; k++)
        {
            parts[k] = Clause(clauses[k], negated);
        }
        return Array.TrueForAll(parts, p => p is not null) ? Array.ConvertAll(parts, p => p!) : null;
    }

    private Func<Issue, bool>? Terminal(JqlTerminalClause clause, bool negated)
    {
        var field = clause.Field.Display;
        var handler = JqlFieldCatalog.Find(clause.Field, Site);
        if (handler is null)
        {
            Error(JqlMessages.NoSuchField(field));
            return null;
        }
        var op = clause.Operator;
        if (op.IsHistory())
        {
            Error(JqlMessages.HistoryNotSupported(op.Display(), field));
            return null;
        }
        var operand = clause.Operand ?? JqlEmptyOperand.Instance;
        if (!CheckOperatorUse(op, operand, field))
        {
            return null;
        }
        if (!handler.Supported.Contains(op))
        {
            Error(JqlMessages.OperatorNotSupported(op.Display(), field));
            return null;
        }
        var literals = new List<JqlValueOperand>();
        var functions = new List<JqlFunctionOperand>();
        var hasEmpty = Flatten(operand, literals, functions);
        if (hasEmpty && !handler.SupportsEmpty)
        {
            Error(JqlMessages.EmptyNotSupported(field));
            return null;
        }
        var results = new List<JqlFunctionResult>();
        var functionsOk = true;
        foreach (var function in functions)
        {
            if (JqlFunctions.Evaluate(function, this) is { } result)
            {
                results.Add(result);
            }
            else
            {
                functionsOk = false;
            }
        }
        if (!functionsOk)
        {
            return null;
        }
        return handler.Build(new JqlClauseInput
        {
            Compiler = this,
            Field = field,
            Operator = negated ? op.Negate() : op,
            Literals = literals,
            HasEmpty = hasEmpty,
            Functions = results,
        });
    }

    /// <summary>Jira's operator-usage rules: IN wants a list, = and friends a single value, IS only EMPTY.</summary>
    private bool CheckOperatorUse(JqlOperator op, JqlOperand operand, string field)
    {
        var isList = operand switch
        {
            JqlListOperand => true,
            JqlFunctionOperand f => JqlFunctions.IsList(f.Name),
            _ => false,
        };
        if (isList is null)
        {
            // An unknown function is the only thing Jira says about the clause.
            Error(JqlMessages.NoSuchFunction(operand.Display));
            return false;
        }
        string? problem = null;
        if (op.IsEmptyCheck())
        {
            if (operand is not JqlEmptyOperand)
            {
                problem = JqlMessages.OnlyEmpty(op.Display(), field);
            }
        }
        else if (op.IsList())
        {
            problem = operand is JqlEmptyOperand ? JqlMessages.EmptyOperandNotSupported(op.Display(), field)
                : isList == false ? JqlMessages.NonListValue(op.Display(), operand.Display, field)
                : null;
        }
        else if (operand is JqlEmptyOperand && op.IsRelational())
        {
            problem = JqlMessages.EmptyOperandNotSupported(op.Display(), field);
        }
        else if (isList == true)
        {
            problem = JqlMessages.ListValue(op.Display(), operand.Display, field);
        }
        if (problem is not null)
        {
            Error(problem);
            return false;
        }
        return true;
    }

    /// <summary>Splits an operand into values, functions and EMPTY; nested lists count as one list.</summary>
    private static bool Flatten(JqlOperand operand, List<JqlValueOperand> literals, List<JqlFunctionOperand> functions)
    {
        switch (operand)
        {
            case JqlValueOperand value:
                literals.Add(value);
                return false;
            case JqlFunctionOperand function:
                functions.Add(function);
                return false;
            case JqlListOperand list:
                var empty = false;
                foreach (var item in list.Items)
                {
                    empty |= Flatten(item, literals, functions);
                }
                return empty;
            default:
                return true;
        }
    }

    private JqlIssueComparer? OrderBy(IReadOnlyList<JqlOrderBy> orderBy)
    {
        if (orderBy.Count == 0)
        {
            // Jira's order when the query names none: newest first.
            return new JqlIssueComparer([new JqlSortField(JqlSortKeys.Created, Descending: true)]);
        }
        if (Site.Flavor == SandboxFlavor.Cloud && orderBy.Count > MaxCloudSortFields)
        {
            Error(JqlMessages.TooManySortFields(MaxCloudSortFields));
            return null;
        }
        var fields = new List<JqlSortField>();
        foreach (var sort in orderBy)
        {
            var handler = JqlFieldCatalog.Find(sort.Field, Site);
            if (handler is null)
            {
                Error(JqlMessages.NotSortable(sort.Field.Display));
                continue;
            }
            if (handler.SortKey(this) is not { } key)
            {
                Error(JqlMessages.FieldDoesNotSupportSorting(sort.Field.Display));
                continue;
            }
            var descending = sort.Direction is { } d ? d == JqlSortDirection.Descending : key.DescendingByDefault;
            fields.Add(new JqlSortField(key, descending));
        }
        return fields.Count == orderBy.Count ? new JqlIssueComparer(fields) : null;
    }
}
