using System.Text.Json;
using System.Text.RegularExpressions;
using JiraGate.Governance.Policies;
using JiraGate.Governance.Tests.Catalog;

namespace JiraGate.Governance.Tests.Policies;

/// <summary>The outcome the reference evaluator computes.</summary>
public sealed record NaiveDecision(bool Granted, ApprovalMode Approval, string? Channel, string? Policy, bool Escalated, IReadOnlyList<string> ScopePolicies);

/// <summary>
/// A deliberately plain evaluator of ARCHITECTURE.md "Governance semantics", written apart from the engine: risks come from
/// the seed's table, globs become regexes, where-scopes are named per operation by hand, nothing is precomputed.
/// </summary>
public static class NaiveEvaluator
{
    private static readonly Dictionary<string, int> Risk = SeedTable.Operations.ToDictionary(o => o.Name, o => o.Risk switch { "LOW" => 0, "MEDIUM" => 1, _ => 2 });

    private static readonly HashSet<string> NoProject = ["projects:read", "users:read", "users:read_detail", "users:read_groups", "fields:read", "priorities:read", "statuses:read", "webhooks:read"];
    private static readonly HashSet<string> Unknowable = ["attachments:delete", "boards:read_sprints", "boards:read_backlog", "sprints:read", "sprints:read_issues", "webhooks:create", "webhooks:delete"];
    private static readonly HashSet<string> ByProjectKey = ["projects:read_detail", "projects:read_components", "projects:read_versions", "boards:read"];

    public static bool GlobMatches(string glob, string op) =>
        Regex.IsMatch(op, "^" + string.Concat(glob.Select(c => c == '*' ? ".*" : Regex.Escape(c.ToString()))) + "$");

    public static NaiveDecision Decide(IEnumerable<Policy> policies, string op, JsonElement args)
    {
        var jira = policies.Where(p => p.Connector == "jira").ToList();
        if (!Risk.TryGetValue(op, out var risk) || jira.Any(p => p.Deny.Any(g => GlobMatches(g, op))))
        {
            return new NaiveDecision(false, ApprovalMode.None, null, null, false, []);
        }

        var grants = new List<(Policy P, ApprovalMode Mode, bool Scoped, bool Escalated)>();
        foreach (var p in jira)
        {
            if (!p.Operations.Any(g => GlobMatches(g, op)) || risk > (int)p.RiskMax)
            {
                continue;
            }

            var (ok, scoped) = Where(p, op, args);
            if (!ok)
            {
                continue;
            }

            var mode = risk switch { 0 => p.Approval.Low, 1 => p.Approval.Medium, _ => p.Approval.High };
            var escalated = false;
            if (p.Escalate is not null && op == "issues:bulk_create" && Items(args).Count > p.Escalate.BulkOver)
            {
                escalated = true;
                mode = ApprovalMode.Hitl;
            }

            grants.Add((p, mode, scoped, escalated));
        }

        if (grants.Count == 0)
        {
            return new NaiveDecision(false, ApprovalMode.None, null, null, false, []);
        }

        var best = grants.OrderByDescending(g => g.Mode).ThenBy(g => g.P.Name, StringComparer.Ordinal).First();
        IReadOnlyList<string> scopes = grants.Any(g => !g.Scoped) ? [] : grants.Select(g => g.P.Name).Order(StringComparer.Ordinal).ToList();
        return new NaiveDecision(true, best.Mode, best.Mode == ApprovalMode.Hitl ? best.P.HitlChannel : null, best.P.Name, best.Escalated, scopes);
    }

    private static (bool Ok, bool Scoped) Where(Policy p, string op, JsonElement args)
    {
        var w = p.Where;
        if (w is null || NoProject.Contains(op))
        {
            return (true, false);
        }

        if (Unknowable.Contains(op))
        {
            return (false, false);
        }

        if (op == "issues:read")
        {
            return (true, true);
        }

        if (op == "issues:bulk_create")
        {
            var items = Items(args);
            return (items.All(i => InProjects(w, Str(i, "project_key")) && InTypes(w, Str(i, "issue_type"))), false);
        }

        if (op == "issues:create")
        {
            return (InProjects(w, Str(args, "project_key")) && InTypes(w, Str(args, "issue_type")), false);
        }

        if (ByProjectKey.Contains(op))
        {
            return (InProjects(w, Str(args, "project_key")), false);
        }

        // Every other operation names one issue by issue_key.
        var key = Str(args, "issue_key");
        var project = key is not null && key.Contains('-') ? key[..key.LastIndexOf('-')] : null;
        return (InProjects(w, project), w.IssueTypes is not null);
    }

    private static bool InProjects(PolicyWhere w, string? project) =>
        w.Projects is null || (project is not null && w.Projects.Contains(project, StringComparer.OrdinalIgnoreCase));

    private static bool InTypes(PolicyWhere w, string? type) =>
        w.IssueTypes is null || (type is not null && w.IssueTypes.Contains(type, StringComparer.OrdinalIgnoreCase));

    private static List<JsonElement> Items(JsonElement args) =>
        args.ValueKind == JsonValueKind.Object && args.TryGetProperty("issues", out var a) && a.ValueKind == JsonValueKind.Array ? [.. a.EnumerateArray()] : [];

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
