using System.CommandLine;
using System.Text.Json;
using JiraGate.Cli.Admin;
using JiraGate.Governance.Policies;
using JiraGate.Governance.Policies.Testing;

namespace JiraGate.Cli.Commands;

/// <summary><c>jiragate policy validate | explain | test</c>.</summary>
internal static class PolicyCommand
{
    public static Command Create()
    {
        var (command, options) = AdminOptions.Create("policy", "Check policy files, explain a decision, run policy tests", policiesAlias: false);
        command.Subcommands.Add(Validate(options));
        command.Subcommands.Add(Explain(options));
        command.Subcommands.Add(Test(options));
        return command;
    }

    private static Command Validate(AdminOptions options)
    {
        var files = new Argument<string[]>("files") { Description = "Policy YAML files, loaded as one set", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Load policy files as the gateway would; every mistake as file:line:col (exit 7 when invalid)") { files };
        AdminRun.SetAction(command, options, (run, ct) =>
        {
            var paths = run.Get(files) ?? [];
            var result = PolicyFiles.Load(paths);
            var errors = result.Errors.Select(e => new PolicyErrorJson(e.File, e.Line, e.Column, e.Code, e.Message)).ToList();
            var policies = result.PolicySet?.All.Select(Summary).ToList() ?? [];
            if (run.Json)
            {
                AdminJsonOutput.Write(run, new PolicyValidateJson(result.Succeeded, paths, errors, policies), AdminJsonContext.Default.PolicyValidateJson);
            }
            else if (result.Succeeded)
            {
                run.Out.WriteLine($"✓ {paths.Length} file(s), {policies.Count} polic{(policies.Count == 1 ? "y" : "ies")}: valid");
                var table = new Table("POLICY", "OPERATIONS", "RISK_MAX", "APPROVAL (low/medium/high)", "SOURCE");
                foreach (var p in policies)
                {
                    table.Add(p.Name, string.Join(", ", p.Operations), p.RiskMax, $"{p.ApprovalLow}/{p.ApprovalMedium}/{p.ApprovalHigh}", p.Source);
                }
                table.WriteTo(run.Out);
            }
            else
            {
                foreach (var e in result.Errors)
                {
                    run.Err.WriteLine(e.ToString());
                }
                run.Err.WriteLine($"✗ {result.Errors.Count} error(s); no policy was loaded (a file with any mistake loads nothing).");
            }
            return Task.FromResult(result.Succeeded ? ExitCodes.Ok : ExitCodes.CheckFailed);
        });
        return command;
    }

    private static Command Explain(AdminOptions options)
    {
        var operation = new Argument<string>("operation") { Description = "The operation, e.g. issues:create" };
        var agent = new Option<string>("--agent") { Description = "Explain for this registered agent's bound policies", HelpName = "id" };
        var names = new Option<string[]>("--policies")
        {
            Description = "Explain for these policy names instead of an agent (comma-separated or repeated)",
            HelpName = "names",
        };
        var args = new Option<string>("--args") { Description = "The call's arguments as a JSON object (where-scopes and bulk escalation use them)", HelpName = "json" };
        var command = new Command("explain", "Which policy, glob and rule decide an operation, and what every bound policy says") { operation, agent, names, args };
        AdminRun.SetAction(command, options, async (run, ct) =>
        {
            var agentId = run.Get(agent);
            var policyNames = (run.Get(names) ?? []).SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            if ((agentId is null) == (policyNames.Count == 0))
            {
                throw CliError.Usage("Give exactly one of --agent ID or --policies NAMES.");
            }
            using var arguments = ParseArguments(run.Get(args));
            PolicySet set;
            IReadOnlyList<string> bound;
            if (agentId is not null)
            {
                await using var services = await run.OpenAsync(ct: ct);
                var found = await services.Agents.GetAsync(agentId, ct)
                    ?? throw new CliError(ExitCodes.Usage, $"There is no agent '{agentId}'; 'jiragate agents list' shows them.");
                set = services.Policies;
                bound = found.Policies;
            }
            else
            {
                set = PolicyFiles.LoadSetOrSeed(run.PolicyFiles);
                bound = policyNames;
            }
            var missing = bound.Where(n => !set.TryGet(n, out _)).ToList();
            if (missing.Count > 0)
            {
                throw CliError.Usage($"Unknown polic{(missing.Count == 1 ? "y" : "ies")} {string.Join(", ", missing)}; known: {string.Join(", ", set.All.Select(p => p.Name))}.");
            }
            var engine = new PolicyEngine();
            var op = run.Get(operation)!;
            var explanation = engine.Explain(engine.Compile(set.Select(bound)), op, arguments?.RootElement ?? default);
            var d = explanation.Decision;
            if (run.Json)
            {
                AdminJsonOutput.Write(run, new PolicyExplainJson(d.Operation, PolicyFiles.Name(d.Effect), PolicyFiles.Name(d.Approval), d.Policy, d.Glob,
                    PolicyFiles.Name(d.Rule), d.Reason, d.Escalated, d.HitlChannel, bound, explanation.Trace), AdminJsonContext.Default.PolicyExplainJson);
            }
            else
            {
                run.Out.WriteLine($"{(d.IsGranted ? "✓" : "✗")} {d.Operation}: {PolicyFiles.Name(d.Effect)} (approval {PolicyFiles.Name(d.Approval)})");
                new Table("DECIDED BY", "GLOB", "RULE").Add(d.Policy ?? "(none)", d.Glob ?? "(none)", PolicyFiles.Name(d.Rule)).WriteTo(run.Out);
                run.Out.WriteLine("Reason: " + d.Reason);
                foreach (var line in explanation.Trace)
                {
                    run.Out.WriteLine("  " + line);
                }
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Test(AdminOptions options)
    {
        var suite = new Argument<string>("suite") { Description = "A policy test file (cases: agent or policies, operation, arguments, expect)" };
        var files = new Option<string[]>("--policies")
        {
            Description = "Policy files to test, comma-separated or repeated (default: --policy-file, else the seed's)",
            HelpName = "files",
        };
        var command = new Command("test", "Run a policy test suite; exit 7 when any case fails") { suite, files };
        AdminRun.SetAction(command, options, async (run, ct) =>
        {
            var path = run.Get(suite)!;
            if (!File.Exists(path))
            {
                throw CliError.Usage($"The test file {path} does not exist.");
            }
            var parsed = PolicyTestSuite.Parse(await File.ReadAllTextAsync(path, ct), path, out var errors);
            if (parsed is null)
            {
                return Report(run, null, errors);
            }
            var policyFiles = (run.Get(files) ?? []).SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Concat(run.PolicyFiles).ToList();
            var set = PolicyFiles.LoadSetOrSeed(policyFiles);
            var registered = await RegisteredAgentsAsync(run, ct);
            PolicyTestReport report;
            using (var progress = TerminalProgress.Start(run, "running policy tests", parsed.Cases.Count))
            {
                report = new PolicyTestRunner().Run(set, parsed, id => registered.TryGetValue(id, out var p) ? p : null,
                    progress.For<int>(n => (n, parsed.Cases.Count)));
            }
            return Report(run, report, []);
        });
        return command;
    }

    private static int Report(AdminInvocation run, PolicyTestReport? report, IReadOnlyList<PolicyError> errors)
    {
        var cases = report?.Results.Select(r => new PolicyTestCaseJson(r.Case.Name, r.Case.Source.ToString(), r.Case.Operation,
            Expectation(r.Case.Expect), r.Actual is { } a ? Expectation(a) : null, r.Passed, r.Explanation)).ToList() ?? [];
        var passed = report is not null && report.AllPassed;
        if (run.Json)
        {
            AdminJsonOutput.Write(run, new PolicyTestJson(passed, report?.PassedCount ?? 0, report?.FailedCount ?? 0,
                errors.Select(e => new PolicyErrorJson(e.File, e.Line, e.Column, e.Code, e.Message)).ToList(), cases), AdminJsonContext.Default.PolicyTestJson);
            return passed ? ExitCodes.Ok : ExitCodes.CheckFailed;
        }
        foreach (var e in errors)
        {
            run.Err.WriteLine(e.ToString());
        }
        foreach (var c in cases)
        {
            run.Out.WriteLine($"{(c.Passed ? "✓" : "✗")} {c.Name}  ({c.Source})");
            if (!c.Passed)
            {
                run.Out.WriteLine($"    expected {c.Expect}, got {c.Actual ?? "no decision"}");
                foreach (var line in c.Explanation.Split('\n'))
                {
                    run.Out.WriteLine("    " + line);
                }
            }
        }
        if (report is not null)
        {
            run.Out.WriteLine($"{report.PassedCount} passed, {report.FailedCount} failed");
        }
        return passed ? ExitCodes.Ok : ExitCodes.CheckFailed;
    }

    private static async Task<Dictionary<string, IReadOnlyList<string>>> RegisteredAgentsAsync(AdminInvocation run, CancellationToken ct)
    {
        // Agents named by a case but not declared in the suite come from the data directory, when there is one.
        if (!Directory.Exists(run.DataDir) || !File.Exists(Path.Combine(run.DataDir, "jiragate.db")))
        {
            return new(StringComparer.Ordinal);
        }
        await using var services = await run.OpenAsync(ct: ct);
        var agents = await services.Agents.ListAsync(cancellationToken: ct);
        return agents.ToDictionary(a => a.Id, a => a.Policies, StringComparer.Ordinal);
    }

    private static JsonDocument? ParseArguments(string? json)
    {
        if (json is null)
        {
            return null;
        }
        try
        {
            var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                doc.Dispose();
                throw CliError.Usage("--args must be a JSON object, e.g. '{\"project\":\"SEC\"}'.");
            }
            return doc;
        }
        catch (JsonException e)
        {
            throw CliError.Usage("--args is not valid JSON: " + e.Message);
        }
    }

    private static PolicySummaryJson Summary(Policy p) => new(p.Name, p.Operations, p.Deny, p.RiskMax.ToString().ToLowerInvariant(),
        PolicyFiles.Name(p.Approval.Low), PolicyFiles.Name(p.Approval.Medium), PolicyFiles.Name(p.Approval.High), p.HitlChannel, p.Source?.ToString());

    private static string Expectation(PolicyExpectation e) => e.ToString().ToLowerInvariant();
}
