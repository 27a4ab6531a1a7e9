using System.Text.Json;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Policies;

namespace JiraGate.Governance.Tests.Policies;

/// <summary>Seeded generators of policy sets and calls over the catalog (failures reproduce from the seed).</summary>
public sealed class RandomPolicies(int seed)
{
    private static readonly string[] Names = [.. OperationCatalog.Default.All.Select(o => o.Name)];
    private static readonly string[] Families = [.. Names.Select(n => n[..n.IndexOf(':')]).Distinct()];
    private static readonly string[] Projects = ["SEC", "OPS", "DEV"];
    private static readonly string[] Types = ["Bug", "Task"];

    private readonly Random _r = new(seed);

    public Random Random => _r;

    public string Glob()
    {
        var name = Names[_r.Next(Names.Length)];
        return _r.Next(8) switch
        {
            0 => "*",
            1 => Families[_r.Next(Families.Length)] + ":*",
            2 => Families[_r.Next(Families.Length)] + ":read*",
            3 => "*:" + name[(name.IndexOf(':') + 1)..],
            4 => "*delete",
            5 => name[..(name.IndexOf(':') + 1 + _r.Next(name.Length - name.IndexOf(':')))] + "*",
            _ => name,
        };
    }

    public Policy Policy(string name)
    {
        ApprovalMode Mode() => (ApprovalMode)_r.Next(3);
        var approval = _r.Next(3) == 0 ? PolicyApproval.None : new PolicyApproval { Low = Mode(), Medium = Mode(), High = Mode() };
        return new Policy
        {
            Name = name,
            Connector = _r.Next(20) == 0 ? "github" : "jira",
            Operations = [.. Enumerable.Range(0, 1 + _r.Next(4)).Select(_ => Glob())],
            RiskMax = (RiskLevel)_r.Next(3),
            Approval = approval,
            HitlChannel = "#" + name,
            Deny = _r.Next(10) < 7 ? [] : [.. Enumerable.Range(0, 1 + _r.Next(2)).Select(_ => Glob())],
            Where = _r.Next(4) == 0 ? Where() : null,
            Escalate = _r.Next(5) == 0 ? new PolicyEscalation { BulkOver = _r.Next(6) } : null,
        };
    }

    public List<Policy> PolicySet()
    {
        var count = 1 + _r.Next(6);
        var names = Enumerable.Range(0, 10).Select(i => $"p{i}").OrderBy(_ => _r.Next()).Take(count);
        return [.. names.Select(Policy)];
    }

    // Bulk create is one operation in 36 but the only one escalate reaches: weight it so escalation is well covered.
    public string Operation() => _r.Next(6) == 0 ? "issues:bulk_create" : Names[_r.Next(Names.Length)];

    /// <summary>Arguments touching random projects, issues and bulk sizes (not necessarily schema-valid: policy must not care).</summary>
    public JsonElement Arguments()
    {
        var parts = new List<string>();
        if (_r.Next(5) > 0)
        {
            parts.Add($"\"project_key\": \"{Projects[_r.Next(3)]}\"");
        }

        if (_r.Next(5) > 0)
        {
            parts.Add(_r.Next(4) == 0 ? "\"issue_key\": \"10001\"" : $"\"issue_key\": \"{Projects[_r.Next(3)]}-{1 + _r.Next(99)}\"");
        }

        if (_r.Next(4) > 0)
        {
            parts.Add($"\"issue_type\": \"{Types[_r.Next(2)]}\"");
        }

        parts.Add("\"jql\": \"order by key\"");
        var items = Enumerable.Range(0, _r.Next(9)).Select(_ => $"{{\"project_key\": \"{Projects[_r.Next(3)]}\", \"summary\": \"s\", \"issue_type\": \"{Types[_r.Next(2)]}\"}}");
        parts.Add($"\"issues\": [{string.Join(",", items)}]");
        using var doc = JsonDocument.Parse("{" + string.Join(",", parts) + "}");
        return doc.RootElement.Clone();
    }

    private PolicyWhere Where()
    {
        IReadOnlyList<string>? Pick(string[] from) => _r.Next(3) == 0 ? null : [.. from.Where(_ => _r.Next(2) == 0).DefaultIfEmpty(from[0])];
        var w = new PolicyWhere { Projects = Pick(Projects), IssueTypes = Pick(Types) };
        return w.Projects is null && w.IssueTypes is null ? new PolicyWhere { Projects = ["SEC"] } : w;
    }
}
