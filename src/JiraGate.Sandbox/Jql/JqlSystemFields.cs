using System.Globalization;
using JiraGate.Sandbox.Model;
using static JiraGate.Sandbox.Jql.JqlOperatorSet;

namespace JiraGate.Sandbox.Jql;

// Jira's system fields whose values are configuration items (projects, statuses, priorities, …): names resolve to
// ids once per query, and the predicates compare ids.

internal sealed class ProjectField() : JqlFieldHandler(Equality | Emptiness)
{
    public override Func<Issue, bool>? Build(JqlClauseInput input)
    {
        var c = input.Compiler;
        var ids = new HashSet<long>();
        var ok = true;
        foreach (var literal in input.Literals)
        {
            if (c.FindProject(literal.Text, literal.Number) is { } project)
            {
                ids.Add(project.Id);
                continue;
            }
            c.Error(literal.Number is not null ? JqlMessages.NoSuchId(literal.Text, input.Field) : JqlMessages.NoSuchValue(literal.Text, input.Field));
            ok = false;
        }
        ok &= c.AcceptFunctions(input, null, _ => { }, JqlMessages.FunctionValueInvalid);
        return ok ? MatchValue<long>(i => i.ProjectId, ids, input) : null;
    }

    public override JqlSortKey SortKey(JqlCompiler compiler)
    {
        var names = compiler.Site.Projects.ToDictionary(p => p.Id, p => p.Name);
        return new(i => JqlSortValue.Of(names.GetValueOrDefault(i.ProjectId)));
    }
}

internal sealed class StatusField() : JqlFieldHandler(Equality | Emptiness)
{
    public override Func<Issue, bool>? Build(JqlClauseInput input)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var ok = input.Compiler.ResolveNamed(input, input.Compiler.Site.Data.Statuses, s => s.Name, s => s.Id, s => ids.Add(s.Id));
        ok &= input.Compiler.AcceptFunctions(input, null, _ => { }, JqlMessages.FunctionValueInvalid);
        return ok ? MatchString(i => i.StatusId, ids, input) : null;
    }

    public override JqlSortKey SortKey(JqlCompiler compiler) => IndexKey(compiler.Site.Data.Statuses.Select(s => s.Id), i => i.StatusId);

    /// <summary>Sorts by position in the site's list (Jira's sequence for statuses, types and resolutions).</summary>
    public static JqlSortKey IndexKey(IEnumerable<string> ids, Func<Issue, string?> get)
    {
        var index = ids.Select((id, k) => (id, k)).ToDictionary(x => x.id, x => (long)x.k, StringComparer.Ordinal);
        return new(i => get(i) is { } id && index.TryGetValue(id, out var k) ? JqlSortValue.Of(k) : JqlSortValue.Missing);
    }
}

internal sealed class StatusCategoryField() : JqlFieldHandler(Equality, supportsEmpty: false)
{
    private static readonly (string Label, string Id, string Key)[] Categories =
    [
        ("To Do", "2", StatusCategories.New), (StatusCategories.New, "2", StatusCategories.New),
        ("In Progress", "4", StatusCategories.InProgress), (StatusCategories.InProgress, "4", StatusCategories.InProgress),
        ("Done", "3", StatusCategories.Done), (StatusCategories.Done, "3", StatusCategories.Done),
        ("No Category", "1", "undefined"), ("undefined", "1", "undefined"),
    ];

    public override Func<Issue, bool>? Build(JqlClauseInput input)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var ok = input.Compiler.ResolveNamed(input, Categories, c => c.Label, c => c.Id, c => keys.Add(c.Key));
        ok &= input.Compiler.AcceptFunctions(input, null, _ => { }, JqlMessages.FunctionValueInvalid);
        var statuses = input.Compiler.Site.Data.Statuses
            .Where(s => keys.Contains(KeyOf(s)))
            .Select(s => s.Id)
            .ToHashSet(StringComparer.Ordinal);
        return ok ? MatchString(i => i.StatusId, statuses, input) : null;
    }

    public override JqlSortKey SortKey(JqlCompiler compiler)
    {
        var rank = compiler.Site.Data.Statuses.ToDictionary(s => s.Id, s => KeyOf(s) switch
        {
            StatusCategories.New => 0L,
            StatusCategories.InProgress => 1L,
            StatusCategories.Done => 2L,
            _ => 3L,
        }, StringComparer.Ordinal);
        return new(i => rank.TryGetValue(i.StatusId, out var r) ? JqlSortValue.Of(r) : JqlSortValue.Missing);
    }

    private static string KeyOf(StatusDef status) =>
        status.CategoryKey is StatusCategories.New or StatusCategories.InProgress or StatusCategories.Done ? status.CategoryKey : "undefined";
}

internal sealed class IssueTypeField() : JqlFieldHandler(Equality | Emptiness)
{
    public override Func<Issue, bool>? Build(JqlClauseInput input)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var ok = input.Compiler.ResolveNamed(input, input.Compiler.Site.Data.IssueTypes, t => t.Name, t => t.Id, t => ids.Add(t.Id));
        ok &= input.Compiler.AcceptFunctions(input, JqlFunctionKind.IssueTypes, r => ids.UnionWith(r.TypeIds), JqlMessages.FunctionValueInvalid);
        return ok ? MatchString(i => i.IssueTypeId, ids, input) : null;
    }

    public override JqlSortKey SortKey(JqlCompiler compiler) =>
        StatusField.IndexKey(compiler.Site.Data.IssueTypes.Select(t => t.Id), i => i.IssueTypeId);
}

/// <summary>Priorities compare by their order in the site's list, first = highest: "priority > Medium" is High and above.</summary>
internal sealed class PriorityField() : JqlFieldHandler(Equality | Emptiness | Relational)
{
    public override Func<Issue, bool>? Build(JqlClauseInput input)
    {
        var priorities = input.Compiler.Site.Data.Priorities;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var ok = input.Compiler.ResolveNamed(input, priorities, p => p.Name, p => p.Id, p => ids.Add(p.Id));
        ok &= input.Compiler.AcceptFunctions(input, null, _ => { }, JqlMessages.FunctionValueInvalid);
        if (!ok)
        {
            return null;
        }
        if (!input.Operator.IsRelational())
        {
            return MatchString(i => i.PriorityId, ids, input);
        }
        // Higher priority = greater, so rank runs opposite to the list position.
        var bound = -priorities.FindIndex(p => ids.Contains(p.Id));
        var matching = priorities.Where((p, k) => Satisfies(-k, input.Operator, bound)).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        return i => i.PriorityId is { } id && matching.Contains(id);
    }

    public override JqlSortKey SortKey(JqlCompiler compiler)
    {
        var priorities = compiler.Site.Data.Priorities;
        var rank = priorities.Select((p, k) => (p.Id, Rank: (long)(priorities.Count - k))).ToDictionary(x => x.Id, x => x.Rank, StringComparer.Ordinal);
        return new(i => i.PriorityId is { } id && rank.TryGetValue(id, out var r) ? JqlSortValue.Of(r) : JqlSortValue.Missing, DescendingByDefault: true);
    }
}

/// <summary>Resolutions compare by list position; "Unresolved" means EMPTY unless a resolution has that name.</summary>
internal sealed class ResolutionField() : JqlFieldHandler(Equality | Emptiness | Relational)
{
    public override Func<Issue, bool>? Build(JqlClauseInput input)
    {
        var resolutions = input.Compiler.Site.Data.Resolutions;
        var unresolved = input.Literals.Where(l => l.Number is null && l.Text.Trim().Equals("Unresolved", StringComparison.OrdinalIgnoreCase)
            && !resolutions.Exists(r => r.Name.Equals("Unresolved", StringComparison.OrdinalIgnoreCase))).ToList();
        if (unresolved.Count > 0 && !input.Operator.IsRelational())
        {
            input = input.With([.. input.Literals.Except(unresolved)], hasEmpty: true);
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var ok = input.Compiler.ResolveNamed(input, resolutions, r => r.Name, r => r.Id, r => ids.Add(r.Id));
        ok &= input.Compiler.AcceptFunctions(input, null, _ => { }, JqlMessages.FunctionValueInvalid);
        if (!ok)
        {
            return null;
        }
        if (!input.Operator.IsRelational())
        {
            return MatchString(i => i.ResolutionId, ids, input);
        }
        var bound = resolutions.FindIndex(r => ids.Contains(r.Id));
        var matching = resolutions.Where((r, k) => Satisfies(k, input.Operator, bound)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        return i => i.ResolutionId is { } id && matching.Contains(id);
    }

    public override JqlSortKey SortKey(JqlCompiler compiler) =>
        StatusField.IndexKey(compiler.Site.Data.Resolutions.Select(r => r.Id), i => i.ResolutionId);
}

internal sealed class UserField(Func<Issue, string?> accountId) : JqlFieldHandler(Equality | Emptiness)
{
    public override Func<Issue, bool>? Build(JqlClauseInput input)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        return input.Compiler.ResolveUsers(input, ids) ? MatchString(accountId, ids, input) : null;
    }

    /// <summary>Users sort by display name, as Jira shows them.</summary>
    public override JqlSortKey SortKey(JqlCompiler compiler) => ByDisplayName(compiler, accountId);

    public static JqlSortKey ByDisplayName(JqlCompiler compiler, Func<Issue, string?> accountId)
    {
        var names = compiler.Site.Data.Users.ToDictionary(u => u.AccountId, u => u.DisplayName, StringComparer.Ordinal);
        return new(i => accountId(i) is { } id ? JqlSortValue.Of(names.GetValueOrDefault(id) ?? id) : JqlSortValue.Missing);
    }
}

internal sealed class LabelsField() : JqlFieldHandler(Equality | Emptiness)
{
    public override Func<Issue, bool>? Build(JqlClauseInput input)
    {
        var labels = input.Literals.Select(l => l.Text).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return input.Compiler.AcceptFunctions(input, null, _ => { }, JqlMessages.FunctionValueInvalid)
            ? MatchAny<string>(i => i.Labels, labels, input)
            : null;
    }

    public override JqlSortKey SortKey(JqlCompiler compiler) =>
        new(i => JqlSortKeys.Min(i.Labels.Select(l => JqlSortValue.Of(l))));
}

internal sealed class ComponentField() : JqlFieldHandler(Equality | Emptiness)
{
    public override Func<Issue, bool>? Build(JqlClauseInput input)
    {
        var ids = new HashSet<long>();
        var components = input.Compiler.BrowsableProjects.SelectMany(p => p.Components);
        var ok = input.Compiler.ResolveNamed(input, components, c => c.Name, c => Id(c.Id), c => ids.Add(c.Id));
        ok &= input.Compiler.AcceptFunctions(input, null, _ => { }, JqlMessages.FunctionValueInvalid);
        return ok ? MatchAny<long>(i => i.ComponentIds, ids, input) : null;
    }

    public override JqlSortKey SortKey(JqlCompiler compiler)
    {
        var names = compiler.Site.Projects.SelectMany(p => p.Components).ToDictionary(c => c.Id, c => c.Name);
        return new(i => JqlSortKeys.Min(i.ComponentIds.Select(id => JqlSortValue.Of(names.GetValueOrDefault(id)))));
    }

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Versions compare by their order within their project ("fixVersion &lt; 2.0" is the releases before 2.0).</summary>
internal sealed class VersionField(Func<Issue, List<long>> versions) : JqlFieldHandler(Equality | Emptiness | Relational)
{
    public override Func<Issue, bool>? Build(JqlClauseInput input)
    {
        var all = input.Compiler.BrowsableProjects
            .SelectMany(p => p.Versions.Select((v, k) => (Version: v, Project: p, Index: k)))
            .ToList();
        var found = new List<(ProjectVersion Version, Project Project, int Index)>();
        var ok = input.Compiler.ResolveNamed(input, all, x => x.Version.Name, x => ComponentField.Id(x.Version.Id), found.Add);
        var ids = found.Select(x => x.Version.Id).ToHashSet();
        ok &= input.Compiler.AcceptFunctions(input, JqlFunctionKind.Versions, r => ids.UnionWith(r.Ids), JqlMessages.FunctionValueInvalid);
        if (!ok)
        {
            return null;
        }
        if (!input.Operator.IsRelational())
        {
            return MatchAny<long>(i => versions(i), ids, input);
        }
        var matching = found
            .SelectMany(bound => all.Where(x => x.Project == bound.Project && Satisfies(x.Index, input.Operator, bound.Index)))
            .Select(x => x.Version.Id)
            .ToHashSet();
        return i => versions(i).Exists(matching.Contains);
    }

    public override JqlSortKey SortKey(JqlCompiler compiler)
    {
        var order = compiler.Site.Projects
            .SelectMany(p => p.Versions.Select((v, k) => (v.Id, Value: JqlSortValue.Of(p.Key, k))))
            .ToDictionary(x => x.Id, x => x.Value);
        return new(i => JqlSortKeys.Min(versions(i).Select(id => order.GetValueOrDefault(id, JqlSortValue.Missing))));
    }
}

/// <summary>Sprints by name or id (or openSprints() …); an issue's sprints are its sprint list plus any sprint custom field.</summary>
internal sealed class SprintField() : JqlFieldHandler(Equality | Emptiness)
{
    public override Func<Issue, bool>? Build(JqlClauseInput input)
    {
        var ids = new HashSet<long>();
        var ok = input.Compiler.ResolveNamed(input, input.Compiler.Site.Data.Sprints, s => s.Name, s => ComponentField.Id(s.Id), s => ids.Add(s.Id));
        ok &= input.Compiler.AcceptFunctions(input, JqlFunctionKind.Sprints, r => ids.UnionWith(r.Ids), JqlMessages.FunctionValueInvalid);
        return ok ? MatchAny(SprintsOf(input.Compiler.Site), ids, input) : null;
    }

    public override JqlSortKey SortKey(JqlCompiler compiler)
    {
        var sprints = SprintsOf(compiler.Site);
        return new(i => sprints(i) is { Count: > 0 } list ? JqlSortValue.Of(list.Max()) : JqlSortValue.Missing);
    }

    public static Func<Issue, IReadOnlyList<long>> SprintsOf(Site site)
    {
        var fields = site.Data.CustomFields.Where(f => f.Kind == CustomFieldKinds.Sprint).Select(f => f.Id).ToArray();
        if (fields.Length == 0)
        {
            return i => i.SprintIds;
        }
        return i =>
        {
            var all = new List<long>(i.SprintIds);
            foreach (var field in fields)
            {
                all.AddRange(JqlCustomFields.Longs(JqlCustomFields.Raw(i, field)));
            }
            return all;
        };
    }
}

internal sealed class SecurityLevelField() : JqlFieldHandler(Equality | Emptiness)
{
    public override Func<Issue, bool>? Build(JqlClauseInput input)
    {
        var ids = new HashSet<long>();
        var levels = input.Compiler.Site.Data.SecuritySchemes.SelectMany(s => s.Levels);
        var ok = input.Compiler.ResolveNamed(input, levels, l => l.Name, l => ComponentField.Id(l.Id), l => ids.Add(l.Id));
        ok &= input.Compiler.AcceptFunctions(input, null, _ => { }, JqlMessages.FunctionValueInvalid);
        return ok ? MatchValue(i => i.SecurityLevelId, ids, input) : null;
    }

    public override JqlSortKey SortKey(JqlCompiler compiler)
    {
        var names = compiler.Site.Data.SecuritySchemes.SelectMany(s => s.Levels).ToDictionary(l => l.Id, l => l.Name);
        return new(i => i.SecurityLevelId is { } id ? JqlSortValue.Of(names.GetValueOrDefault(id)) : JqlSortValue.Missing);
    }
}

/// <summary>Rank can only be sorted by; the sandbox's rank order is creation order.</summary>
internal sealed class RankField() : JqlFieldHandler(None, supportsEmpty: false)
{
    public override Func<Issue, bool>? Build(JqlClauseInput input) => Never;

    public override JqlSortKey SortKey(JqlCompiler compiler) => JqlSortKeys.Rank;
}
