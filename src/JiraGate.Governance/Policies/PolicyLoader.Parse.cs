using System.Text.RegularExpressions;
using JiraGate.Governance.Catalog;
using YamlDotNet.RepresentationModel;
using static JiraGate.Governance.Policies.YamlParsing;

namespace JiraGate.Governance.Policies;

public sealed partial class PolicyLoader
{
    private static readonly string[] Keys = ["name", "connector", "operations", "risk_max", "approval", "hitl_channel", "deny", "where", "escalate"];
    private static readonly string[] Required = ["name", "connector", "operations", "risk_max", "approval"];

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex PolicyNameRegex();

    [GeneratedRegex("^[A-Z][A-Z0-9_]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ProjectKeyRegex();

    private Policy? ParsePolicy(string file, YamlNode node, List<PolicyError> errors)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add(Error(file, node, "wrong_type", $"a policy is a mapping (name:, connector:, operations:, ...), not {Kind(node)}"));
            return null;
        }

        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            var key = Text(keyNode);
            if (key is null || !Keys.Contains(key, StringComparer.Ordinal))
            {
                errors.Add(Error(file, keyNode, "unknown_key", $"unknown key {Kind(keyNode)} in a policy{Suggest(key)} (known: {string.Join(", ", Keys)})"));
                continue;
            }

            values[key] = value;
        }

        var label = values.TryGetValue("name", out var nameNode) && Text(nameNode) is { } n ? $"policy '{n}'" : "policy";
        foreach (var key in Required)
        {
            if (!values.ContainsKey(key))
            {
                errors.Add(Error(file, map, "missing_key", $"{label} has no '{key}'"));
            }
        }

        var name = values.TryGetValue("name", out var v) ? ParseName(file, v, errors) : null;
        if (values.TryGetValue("connector", out v))
        {
            ParseConnector(file, v, errors);
        }

        var operations = values.TryGetValue("operations", out v) ? ParseGlobs(file, "operations", v, allowEmpty: false, errors) : null;
        var deny = values.TryGetValue("deny", out v) ? ParseGlobs(file, "deny", v, allowEmpty: true, errors) : [];
        RiskLevel? riskMax = values.TryGetValue("risk_max", out v) ? ParseRisk(file, v, errors) : null;
        var approval = values.TryGetValue("approval", out var approvalNode) ? ParseApproval(file, approvalNode, errors) : null;
        var channel = values.TryGetValue("hitl_channel", out v) ? ParseChannel(file, v, errors) : null;
        var where = values.TryGetValue("where", out v) ? ParseWhere(file, v, errors) : null;
        var escalate = values.TryGetValue("escalate", out var escalateNode) ? ParseEscalate(file, escalateNode, errors) : null;

        if (channel is null && !values.ContainsKey("hitl_channel"))
        {
            if (approval is { UsesHitl: true })
            {
                errors.Add(Error(file, approvalNode!, "hitl_without_channel", $"{label} asks for hitl approval but names no hitl_channel"));
            }

            if (escalate is not null)
            {
                errors.Add(Error(file, escalateNode!, "hitl_without_channel", $"{label} escalates to hitl but names no hitl_channel"));
            }
        }

        if (name is null || operations is null || deny is null || riskMax is null || approval is null)
        {
            return null;
        }

        return new Policy
        {
            Name = name,
            Connector = Policy.JiraConnector,
            Operations = operations,
            RiskMax = riskMax.Value,
            Approval = approval,
            HitlChannel = channel,
            Deny = deny,
            Where = where,
            Escalate = escalate,
            Source = new SourceLocation(file, (int)map.Start.Line, (int)map.Start.Column),
        };
    }

    private static string? ParseName(string file, YamlNode node, List<PolicyError> errors)
    {
        var text = Text(node);
        if (text is null)
        {
            errors.Add(Error(file, node, "wrong_type", $"name must be a string, not {Kind(node)}"));
            return null;
        }

        if (!PolicyNameRegex().IsMatch(text))
        {
            errors.Add(Error(file, node, "invalid_value", $"name '{Truncate(text)}' must be 1-128 letters, digits, '.', '_' or '-'"));
            return null;
        }

        return text;
    }

    private static void ParseConnector(string file, YamlNode node, List<PolicyError> errors)
    {
        var text = Text(node);
        if (text is null)
        {
            errors.Add(Error(file, node, "wrong_type", $"connector must be a string, not {Kind(node)}"));
        }
        else if (text != Policy.JiraConnector)
        {
            // Another connector's policy in a Jira policy file is most likely a typo; refusing it never falls open.
            errors.Add(Error(file, node, "invalid_value", $"connector '{Truncate(text)}' is not served here: the only connector is 'jira'"));
        }
    }

    private IReadOnlyList<string>? ParseGlobs(string file, string key, YamlNode node, bool allowEmpty, List<PolicyError> errors)
    {
        if (node is not YamlSequenceNode seq)
        {
            errors.Add(Error(file, node, "wrong_type", $"{key} must be a list of operation globs, not {Kind(node)}"));
            return null;
        }

        if (seq.Children.Count == 0 && !allowEmpty)
        {
            errors.Add(Error(file, node, "empty", $"{key} must list at least one operation glob"));
            return null;
        }

        if (seq.Children.Count > _options.MaxGlobsPerList)
        {
            errors.Add(Error(file, node, "too_large", $"{key} lists more than {_options.MaxGlobsPerList} globs"));
            return null;
        }

        var globs = new List<string>(seq.Children.Count);
        var ok = true;
        foreach (var item in seq.Children)
        {
            var glob = Text(item);
            if (glob is null)
            {
                errors.Add(Error(file, item, "wrong_type", $"each {key} entry must be a string glob, not {Kind(item)}"));
                ok = false;
            }
            else if (!_catalog.All.Any(o => OperationGlob.IsMatch(glob, o.Name)))
            {
                errors.Add(Error(file, item, "unmatched_glob", $"{key} glob '{Truncate(glob)}' matches no operation{SuggestOperation(glob)}"));
                ok = false;
            }
            else
            {
                globs.Add(glob);
            }
        }

        return ok ? globs : null;
    }

    private static RiskLevel? ParseRisk(string file, YamlNode node, List<PolicyError> errors)
    {
        switch (Text(node))
        {
            case "low": return RiskLevel.Low;
            case "medium": return RiskLevel.Medium;
            case "high": return RiskLevel.High;
            case null:
                errors.Add(Error(file, node, "wrong_type", $"risk_max must be low, medium or high, not {Kind(node)}"));
                return null;
            case var other:
                errors.Add(Error(file, node, "invalid_value", $"risk_max '{Truncate(other)}' is not one of low, medium, high"));
                return null;
        }
    }

    private static PolicyApproval? ParseApproval(string file, YamlNode node, List<PolicyError> errors)
    {
        if (node is YamlScalarNode)
        {
            if (Text(node) == "none")
            {
                return PolicyApproval.None;
            }

            errors.Add(Error(file, node, "invalid_value", $"approval must be 'none' or a map of low/medium/high to none/auto/hitl, not {Kind(node)}"));
            return null;
        }

        if (node is not YamlMappingNode map)
        {
            errors.Add(Error(file, node, "wrong_type", $"approval must be 'none' or a map of low/medium/high to none/auto/hitl, not {Kind(node)}"));
            return null;
        }

        ApprovalMode low = ApprovalMode.None, medium = ApprovalMode.None, high = ApprovalMode.None;
        var ok = true;
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var level = Text(keyNode);
            if (level is not ("low" or "medium" or "high"))
            {
                errors.Add(Error(file, keyNode, "unknown_key", $"approval level {Kind(keyNode)} is not one of low, medium, high"));
                ok = false;
                continue;
            }

            ApprovalMode? mode = Text(valueNode) switch { "none" => ApprovalMode.None, "auto" => ApprovalMode.Auto, "hitl" => ApprovalMode.Hitl, _ => null };
            if (mode is null)
            {
                errors.Add(Error(file, valueNode, valueNode is YamlScalarNode ? "invalid_value" : "wrong_type",
                    $"approval for {level} must be none, auto or hitl, not {Kind(valueNode)}"));
                ok = false;
                continue;
            }

            _ = level switch { "low" => low = mode.Value, "medium" => medium = mode.Value, _ => high = mode.Value };
        }

        return ok ? new PolicyApproval { Low = low, Medium = medium, High = high } : null;
    }

    private static string? ParseChannel(string file, YamlNode node, List<PolicyError> errors)
    {
        var text = Text(node);
        if (string.IsNullOrWhiteSpace(text) || text.Length > 256)
        {
            errors.Add(Error(file, node, text is null ? "wrong_type" : "invalid_value", $"hitl_channel must be a channel name such as '#jira-approvals', not {Kind(node)}"));
            return null;
        }

        return text;
    }

    private static PolicyWhere? ParseWhere(string file, YamlNode node, List<PolicyError> errors)
    {
        if (node is not YamlMappingNode map || map.Children.Count == 0)
        {
            errors.Add(Error(file, node, "wrong_type", $"where must be a mapping with projects: and/or issue_types:, not {Kind(node)}"));
            return null;
        }

        IReadOnlyList<string>? projects = null, issueTypes = null;
        var ok = true;
        foreach (var (keyNode, valueNode) in map.Children)
        {
            switch (Text(keyNode))
            {
                case "projects":
                    projects = ParseNames(file, "where.projects", valueNode, ProjectKeyRegex(), "a project key such as SEC", errors);
                    ok &= projects is not null;
                    break;
                case "issue_types":
                    issueTypes = ParseNames(file, "where.issue_types", valueNode, null, null, errors);
                    ok &= issueTypes is not null;
                    break;
                default:
                    errors.Add(Error(file, keyNode, "unknown_key", $"unknown key {Kind(keyNode)} in where (known: projects, issue_types)"));
                    ok = false;
                    break;
            }
        }

        return ok ? new PolicyWhere { Projects = projects, IssueTypes = issueTypes } : null;
    }

    private static IReadOnlyList<string>? ParseNames(string file, string key, YamlNode node, Regex? pattern, string? what, List<PolicyError> errors)
    {
        if (node is not YamlSequenceNode seq || seq.Children.Count == 0)
        {
            errors.Add(Error(file, node, node is YamlSequenceNode ? "empty" : "wrong_type", $"{key} must be a non-empty list, not {Kind(node)}"));
            return null;
        }

        var names = new List<string>();
        foreach (var item in seq.Children)
        {
            var text = Text(item);
            if (string.IsNullOrWhiteSpace(text) || text.Length > 255)
            {
                errors.Add(Error(file, item, "wrong_type", $"each {key} entry must be a non-empty string, not {Kind(item)}"));
                return null;
            }

            if (pattern is not null && !pattern.IsMatch(text))
            {
                errors.Add(Error(file, item, "invalid_value", $"{key} entry '{Truncate(text)}' is not {what}"));
                return null;
            }

            names.Add(text);
        }

        return names;
    }

    private static PolicyEscalation? ParseEscalate(string file, YamlNode node, List<PolicyError> errors)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add(Error(file, node, "wrong_type", $"escalate must be a mapping such as {{ bulk_over: 20 }}, not {Kind(node)}"));
            return null;
        }

        int? bulkOver = null;
        foreach (var (keyNode, valueNode) in map.Children)
        {
            if (Text(keyNode) != "bulk_over")
            {
                errors.Add(Error(file, keyNode, "unknown_key", $"unknown key {Kind(keyNode)} in escalate (known: bulk_over)"));
                return null;
            }

            if (!TryInt(valueNode, out var n) || n < 0)
            {
                errors.Add(Error(file, valueNode, "wrong_type", $"escalate.bulk_over must be a whole number ≥ 0, not {Kind(valueNode)}"));
                return null;
            }

            bulkOver = n;
        }

        if (bulkOver is null)
        {
            errors.Add(Error(file, node, "missing_key", "escalate has no bulk_over"));
            return null;
        }

        return new PolicyEscalation { BulkOver = bulkOver.Value };
    }

    private static string Suggest(string? key)
    {
        if (key is null)
        {
            return "";
        }

        var best = Keys.MinBy(k => Distance(k, key));
        return best is not null && Distance(best, key) <= 2 ? $" (did you mean '{best}'?)" : "";
    }

    private string SuggestOperation(string glob)
    {
        var plain = glob.Replace("*", "", StringComparison.Ordinal);
        var best = _catalog.All.MinBy(o => Distance(o.Name, plain));
        return best is not null && Distance(best.Name, plain) <= 3 ? $" (did you mean '{best.Name}'?)" : "";
    }

    // Levenshtein distance, for "did you mean" hints on short keys and names only.
    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 3 || a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue;
        }

        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }
}
