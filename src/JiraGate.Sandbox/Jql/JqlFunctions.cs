using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Jql;

internal enum JqlFunctionKind
{
    Users,
    Date,
    Sprints,
    IssueTypes,
    Versions,
}

/// <summary>What a function produced: account ids, a date, or ids of sprints, issue types or versions.</summary>
internal sealed record JqlFunctionResult(string Name, JqlFunctionKind Kind)
{
    public IReadOnlyList<string> Users { get; init; } = [];

    public DateTimeOffset Date { get; init; }

    public IReadOnlyList<long> Ids { get; init; } = [];

    public IReadOnlyList<string> TypeIds { get; init; } = [];
}

/// <summary>
/// The JQL functions the sandbox knows. Names are case-insensitive; messages echo the name as written, as Jira does.
/// List functions (membersOf, openSprints, …) go with IN / NOT IN; the others with =, !=, &lt;, &gt;.
/// </summary>
internal static class JqlFunctions
{
    private sealed record Spec(int Min, int Max, bool IsList, Func<JqlFunctionOperand, JqlCompiler, JqlFunctionResult?> Run);

    private static readonly Dictionary<string, Spec> Specs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["currentUser"] = new(0, 0, false, CurrentUser),
        ["membersOf"] = new(1, 1, true, MembersOf),
        ["now"] = new(0, 0, false, (f, c) => new JqlFunctionResult(f.Name, JqlFunctionKind.Date) { Date = c.Now }),
        ["startOfDay"] = DateBoundary(JqlDates.Period.Day, end: false),
        ["endOfDay"] = DateBoundary(JqlDates.Period.Day, end: true),
        ["startOfWeek"] = DateBoundary(JqlDates.Period.Week, end: false),
        ["endOfWeek"] = DateBoundary(JqlDates.Period.Week, end: true),
        ["startOfMonth"] = DateBoundary(JqlDates.Period.Month, end: false),
        ["endOfMonth"] = DateBoundary(JqlDates.Period.Month, end: true),
        ["startOfYear"] = DateBoundary(JqlDates.Period.Year, end: false),
        ["endOfYear"] = DateBoundary(JqlDates.Period.Year, end: true),
        ["openSprints"] = Sprints(SprintStates.Active),
        ["closedSprints"] = Sprints(SprintStates.Closed),
        ["futureSprints"] = Sprints(SprintStates.Future),
        ["standardIssueTypes"] = IssueTypes(subtask: false),
        ["subTaskIssueTypes"] = IssueTypes(subtask: true),
        ["releasedVersions"] = Versions(released: true),
        ["unreleasedVersions"] = Versions(released: false),
    };

    /// <summary>Whether the function returns a list; null when there is no such function.</summary>
    public static bool? IsList(string name) => Specs.TryGetValue(name, out var spec) ? spec.IsList : null;

    /// <summary>Runs the function, or reports Jira's error (unknown function, wrong arguments) and returns null.</summary>
    public static JqlFunctionResult? Evaluate(JqlFunctionOperand function, JqlCompiler compiler)
    {
        if (!Specs.TryGetValue(function.Name, out var spec))
        {
            compiler.Error(JqlMessages.NoSuchFunction(function.Display));
            return null;
        }
        var count = function.Arguments.Count;
        if (count < spec.Min || count > spec.Max)
        {
            compiler.Error(spec.Min == spec.Max
                ? JqlMessages.FunctionArgumentCount(function.Name, spec.Min, count)
                : JqlMessages.FunctionArgumentRange(function.Name, spec.Min, spec.Max, count));
            return null;
        }
        return spec.Run(function, compiler);
    }

    private static JqlFunctionResult CurrentUser(JqlFunctionOperand f, JqlCompiler c) =>
        // Anonymous callers get no user: the clause matches nothing, without an error (as in Jira).
        new(f.Name, JqlFunctionKind.Users) { Users = c.CurrentUser is { } u ? [u.AccountId] : [] };

    private static JqlFunctionResult? MembersOf(JqlFunctionOperand f, JqlCompiler c)
    {
        var name = f.Arguments[0];
        var group = c.Site.GroupByName(name) ?? c.Site.GroupById(name);
        if (group is null)
        {
            c.Error(JqlMessages.NoSuchGroup(f.Name, name));
            return null;
        }
        return new(f.Name, JqlFunctionKind.Users) { Users = [.. c.Site.MembersOf(group).Select(u => u.AccountId)] };
    }

    private static Spec DateBoundary(JqlDates.Period period, bool end) => new(0, 1, false, (f, c) =>
    {
        var offset = f.Arguments.Count == 1 ? f.Arguments[0] : null;
        if (!JqlDates.TryBoundary(period, end, offset, c.Now, out var date))
        {
            c.Error(JqlMessages.FunctionDuration(f.Name));
            return null;
        }
        return new JqlFunctionResult(f.Name, JqlFunctionKind.Date) { Date = date };
    });

    private static Spec Sprints(string state) => new(0, 0, true, (f, c) =>
        new JqlFunctionResult(f.Name, JqlFunctionKind.Sprints)
        {
            Ids = [.. c.Site.Data.Sprints.Where(s => string.Equals(s.State, state, StringComparison.OrdinalIgnoreCase)).Select(s => s.Id)],
        });

    private static Spec IssueTypes(bool subtask) => new(0, 0, true, (f, c) =>
        new JqlFunctionResult(f.Name, JqlFunctionKind.IssueTypes)
        {
            TypeIds = [.. c.Site.Data.IssueTypes.Where(t => t.Subtask == subtask).Select(t => t.Id)],
        });

    /// <summary>releasedVersions([project, …]): versions of the given (or all browsable) projects; archived ones excluded.</summary>
    private static Spec Versions(bool released) => new(0, int.MaxValue, true, (f, c) =>
    {
        var projects = new List<Project>();
        foreach (var argument in f.Arguments)
        {
            var project = c.FindProject(argument, number: null);
            if (project is null)
            {
                c.Error(JqlMessages.NoSuchProjectForFunction(argument, f.Name));
                return null;
            }
            projects.Add(project);
        }
        if (f.Arguments.Count == 0)
        {
            projects.AddRange(c.BrowsableProjects);
        }
        return new JqlFunctionResult(f.Name, JqlFunctionKind.Versions)
        {
            Ids = [.. projects.SelectMany(p => p.Versions).Where(v => v.Released == released && !v.Archived).Select(v => v.Id)],
        };
    });
}
