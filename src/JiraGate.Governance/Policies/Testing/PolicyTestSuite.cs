using System.Text.Json;
using YamlDotNet.RepresentationModel;
using static JiraGate.Governance.Policies.YamlParsing;

namespace JiraGate.Governance.Policies.Testing;

/// <summary>The outcome a policy test case expects.</summary>
public enum PolicyExpectation
{
    /// <summary>Allowed without approval.</summary>
    Allow = 0,

    /// <summary>Denied.</summary>
    Deny = 1,

    /// <summary>Allowed with an automatic (recorded) approval.</summary>
    Auto = 2,

    /// <summary>Needs a human approval.</summary>
    Hitl = 3,
}

/// <summary>One case: who (an agent or a list of policies), what operation with what arguments, and the expected outcome.</summary>
public sealed class PolicyTestCase
{
    /// <summary>The case's name (defaults to "operation #n").</summary>
    public required string Name { get; init; }

    /// <summary>The agent whose bound policies decide (resolved by the runner), or null.</summary>
    public string? Agent { get; init; }

    /// <summary>The policies that decide, when no agent is named.</summary>
    public IReadOnlyList<string>? Policies { get; init; }

    /// <summary>The operation name.</summary>
    public required string Operation { get; init; }

    /// <summary>The call's arguments (a JSON object; undefined when none are given).</summary>
    public JsonElement Arguments { get; init; }

    /// <summary>The expected outcome.</summary>
    public required PolicyExpectation Expect { get; init; }

    /// <summary>Where the case is written.</summary>
    public required SourceLocation Source { get; init; }
}

/// <summary>
/// A policy test file, in the spirit of <c>opa test</c>:
/// <code>
/// agents:                       # optional: agent → bound policies
///   demo-agent: [jira-soc-triage]
/// cases:
///   - name: triage can search
///     agent: demo-agent         # or policies: [jira-readonly, ...]
///     operation: issues:read
///     arguments: { jql: "project = SEC", max_results: 20 }
///     expect: allow             # allow | deny | auto | hitl
/// </code>
/// </summary>
public sealed class PolicyTestSuite
{
    private static readonly string[] CaseKeys = ["name", "agent", "policies", "operation", "arguments", "expect"];

    /// <summary>Agents declared by the file (agent → policy names).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Agents { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The cases in file order.</summary>
    public required IReadOnlyList<PolicyTestCase> Cases { get; init; }

    /// <summary>Parses a test file; on any error returns null and fills <paramref name="errors"/>.</summary>
    public static PolicyTestSuite? Parse(string yaml, string fileName, out IReadOnlyList<PolicyError> errors)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        var list = new List<PolicyError>();
        errors = list;
        var root = ParseSingleDocument(yaml, fileName, list);
        if (root is null)
        {
            return null;
        }

        if (root is not YamlMappingNode map)
        {
            list.Add(Error(fileName, root, "wrong_type", "a policy test file is a mapping with cases: (and optionally agents:)"));
            return null;
        }

        var agents = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var cases = new List<PolicyTestCase>();
        var sawCases = false;
        foreach (var (k, v) in map.Children)
        {
            switch (Text(k))
            {
                case "agents":
                    ParseAgents(fileName, v, agents, list);
                    break;
                case "cases" when v is YamlSequenceNode seq:
                    sawCases = true;
                    foreach (var item in seq.Children)
                    {
                        if (ParseCase(fileName, item, cases.Count + 1, list) is { } c)
                        {
                            cases.Add(c);
                        }
                    }

                    break;
                case "cases":
                    list.Add(Error(fileName, v, "wrong_type", $"cases must be a list, not {Kind(v)}"));
                    sawCases = true;
                    break;
                default:
                    list.Add(Error(fileName, k, "unknown_key", $"unknown key {Kind(k)} (known: agents, cases)"));
                    break;
            }
        }

        if (!sawCases)
        {
            list.Add(Error(fileName, map, "missing_key", "the file has no cases:"));
        }

        return list.Count == 0 ? new PolicyTestSuite { Agents = agents, Cases = cases } : null;
    }

    private static void ParseAgents(string file, YamlNode node, Dictionary<string, IReadOnlyList<string>> agents, List<PolicyError> errors)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add(Error(file, node, "wrong_type", $"agents must map agent ids to lists of policy names, not {Kind(node)}"));
            return;
        }

        foreach (var (k, v) in map.Children)
        {
            var names = Names(v);
            if (Text(k) is not { Length: > 0 } agent || names is null)
            {
                errors.Add(Error(file, v, "wrong_type", $"agent {Kind(k)} must map to a list of policy names"));
                continue;
            }

            agents[agent] = names;
        }
    }

    private static PolicyTestCase? ParseCase(string file, YamlNode node, int number, List<PolicyError> errors)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add(Error(file, node, "wrong_type", $"a case is a mapping (operation:, expect:, ...), not {Kind(node)}"));
            return null;
        }

        var before = errors.Count;
        string? name = null, agent = null, operation = null;
        IReadOnlyList<string>? policies = null;
        JsonElement arguments = default;
        PolicyExpectation? expect = null;
        foreach (var (k, v) in map.Children)
        {
            var key = Text(k);
            switch (key)
            {
                case "name": name = Text(v); break;
                case "agent": agent = Text(v); break;
                case "operation": operation = Text(v); break;
                case "policies":
                    policies = Names(v);
                    if (policies is null)
                    {
                        errors.Add(Error(file, v, "wrong_type", $"policies must be a list of policy names, not {Kind(v)}"));
                    }

                    break;
                case "arguments":
                    if (v is YamlMappingNode)
                    {
                        arguments = YamlJson.ToJson(v);
                    }
                    else
                    {
                        errors.Add(Error(file, v, "wrong_type", $"arguments must be a mapping, not {Kind(v)}"));
                    }

                    break;
                case "expect":
                    expect = Text(v) switch
                    {
                        "allow" => PolicyExpectation.Allow,
                        "deny" => PolicyExpectation.Deny,
                        "auto" => PolicyExpectation.Auto,
                        "hitl" => PolicyExpectation.Hitl,
                        _ => null,
                    };
                    if (expect is null)
                    {
                        errors.Add(Error(file, v, "invalid_value", $"expect must be allow, deny, auto or hitl, not {Kind(v)}"));
                    }

                    break;
                default:
                    errors.Add(Error(file, k, "unknown_key", $"unknown key {Kind(k)} in a case (known: {string.Join(", ", CaseKeys)})"));
                    break;
            }
        }

        if (operation is null)
        {
            errors.Add(Error(file, map, "missing_key", "a case needs operation:"));
        }

        if (!map.Children.ContainsKey(new YamlScalarNode("expect")))
        {
            errors.Add(Error(file, map, "missing_key", "a case needs expect:"));
        }

        if ((agent is null) == (policies is null))
        {
            errors.Add(Error(file, map, "missing_key", "a case names exactly one of agent: or policies:"));
        }

        if (errors.Count != before)
        {
            return null;
        }

        return new PolicyTestCase
        {
            Name = name ?? $"{operation} #{number}",
            Agent = agent,
            Policies = policies,
            Operation = operation!,
            Arguments = arguments,
            Expect = expect!.Value,
            Source = new SourceLocation(file, (int)map.Start.Line, (int)map.Start.Column),
        };
    }

    private static IReadOnlyList<string>? Names(YamlNode node)
    {
        if (node is not YamlSequenceNode seq)
        {
            return null;
        }

        var names = new List<string>(seq.Children.Count);
        foreach (var item in seq.Children)
        {
            if (Text(item) is not { Length: > 0 } n)
            {
                return null;
            }

            names.Add(n);
        }

        return names;
    }
}
