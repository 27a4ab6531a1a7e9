using System.Text.RegularExpressions;
using JiraGate.Sandbox.Model;
using static JiraGate.Sandbox.Jql.JqlOperatorSet;

namespace JiraGate.Sandbox.Jql;

// Fields whose values are issues (key, parent) or instants and days (created, updated, resolved, due).

/// <summary>key / issuekey / issue / id: an issue by key or id; "&lt;" and "&gt;" compare numbers within the key's project.</summary>
internal sealed partial class IssueKeyField() : JqlFieldHandler(Equality | Relational, supportsEmpty: false)
{
    public override Func<Issue, bool>? Build(JqlClauseInput input)
    {
        var c = input.Compiler;
        if (!c.AcceptFunctions(input, null, _ => { }, JqlMessages.FunctionIssueKeyInvalid))
        {
            return null;
        }
        if (!input.Operator.IsRelational())
        {
            var ids = new HashSet<long>();
            return ResolveIssues(input, ids) ? MatchValue<long>(i => i.Id, ids, input) : null;
        }
        var literal = input.Literals[0];
        long projectId;
        long number;
        if (JqlCompiler.ParseId(literal.Text) is not null)
        {
            if (c.FindIssue(literal.Text) is not { } issue)
            {
                c.Error(JqlMessages.NoSuchId(literal.Text, input.Field));
                return null;
            }
            (projectId, number) = (issue.ProjectId, JqlSortKeys.IssueNumber(issue.Key));
        }
        else
        {
            var key = literal.Text.Trim();
            if (!IsKey(key))
            {
                c.Error(JqlMessages.InvalidIssueKey(literal.Text, input.Field));
                return null;
            }
            var projectKey = JqlSortKeys.ProjectKeyOf(key);
            if (c.BrowsableProjects.FirstOrDefault(p => p.Key.Equals(projectKey, StringComparison.OrdinalIgnoreCase)) is not { } project)
            {
                c.Error(JqlMessages.NoSuchIssue(literal.Text, input.Field));
                return null;
            }
            (projectId, number) = (project.Id, JqlSortKeys.IssueNumber(key));
        }
        var op = input.Operator;
        return i => i.ProjectId == projectId && Satisfies(JqlSortKeys.IssueNumber(i.Key), op, number);
    }

    public override JqlSortKey SortKey(JqlCompiler compiler) => JqlSortKeys.IssueKey;

    /// <summary>Resolves keys and ids to browsable issues, with Jira's three messages (bad key, no such key, no such id).</summary>
    public static bool ResolveIssues(JqlClauseInput input, HashSet<long> ids)
    {
        var ok = true;
        foreach (var literal in input.Literals)
        {
            var text = literal.Text.Trim();
            var numeric = JqlCompiler.ParseId(text) is not null;
            string? error = null;
            if (!numeric && !IsKey(text))
            {
                error = JqlMessages.InvalidIssueKey(literal.Text, input.Field);
            }
            else if (input.Compiler.FindIssue(text) is { } issue)
            {
                ids.Add(issue.Id);
            }
            else
            {
                error = numeric ? JqlMessages.NoSuchId(literal.Text, input.Field) : JqlMessages.NoSuchIssue(literal.Text, input.Field);
            }
            if (error is not null)
            {
                input.Compiler.Error(error);
                ok = false;
            }
        }
        return ok;
    }

    private static bool Satisfies(long number, JqlOperator op, long bound) => op switch
    {
        JqlOperator.LessThan => number < bound,
        JqlOperator.LessThanEquals => number <= bound,
        JqlOperator.GreaterThan => number > bound,
        _ => number >= bound,
    };

    private static bool IsKey(string text) => KeyPattern().IsMatch(text);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*-[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}

/// <summary>parent: the issues whose parent is one of the given issues.</summary>
internal sealed class ParentField() : JqlFieldHandler(Equality, supportsEmpty: false)
{
    public override Func<Issue, bool>? Build(JqlClauseInput input)
    {
        var ids = new HashSet<long>();
        var ok = input.Compiler.AcceptFunctions(input, null, _ => { }, JqlMessages.FunctionIssueKeyInvalid);
        ok &= IssueKeyField.ResolveIssues(input, ids);
        return ok ? MatchValue(i => i.ParentId, ids, input) : null;
    }
}

/// <summary>A date-time field (created, updated, resolved), compared to the instant (UTC) in ticks.</summary>
internal class DateField(Func<Issue, long?> ticks, bool descendingByDefault) : JqlFieldHandler(Equality | Emptiness | Relational)
{
    public override Func<Issue, bool>? Build(JqlClauseInput input)
    {
        var values = new HashSet<long>();
        var ok = true;
        foreach (var literal in input.Literals)
        {
            if (input.Compiler.ParseDate(literal, input.Field) is { } date)
            {
                values.Add(ToValue(date));
            }
            else
            {
                ok = false;
            }
        }
        ok &= input.Compiler.AcceptFunctions(input, JqlFunctionKind.Date, r => values.Add(ToValue(r.Date)), JqlMessages.FunctionDateInvalid);
        if (!ok)
        {
            return null;
        }
        return input.Operator.IsRelational() ? Compare(ticks, values.Single(), input.Operator) : MatchValue(ticks, values, input);
    }

    public override JqlSortKey SortKey(JqlCompiler compiler) => new(i => JqlSortValue.Of(ticks(i)), descendingByDefault);

    /// <summary>The comparable form of a query date for this field.</summary>
    protected virtual long ToValue(DateTimeOffset date) => date.UtcTicks;
}

/// <summary>duedate / due: a day without a time, so dates (and "now"-relative values) compare by their UTC day.</summary>
internal sealed class DueDateField() : DateField(i => i.DueDate?.DayNumber, descendingByDefault: false)
{
    protected override long ToValue(DateTimeOffset date) => DateOnly.FromDateTime(date.UtcDateTime).DayNumber;
}
