using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using JiraGate.Cli.Hosting;
using JiraGate.Governance.Pipeline;
using JiraGate.Mcp.Hosting;

namespace JiraGate.Cli.Commands;

/// <summary>
/// <c>jiragate call &lt;operation&gt; --agent ID [--args JSON | --arg k=v …] [--json]</c>: one operation through the
/// pipeline as that agent (key from JIRAGATE_AGENT_KEY, verified). The exit code says what became of it.
/// </summary>
internal static class CallCommand
{
    public static Command Create()
    {
        var operation = new Argument<string>("operation") { Description = "One of the 36 operations, e.g. issues:read." };
        var agent = CommonServeOptions.Agent();
        var argsJson = new Option<string?>("--args") { Description = "The arguments as one JSON object, e.g. '{\"jql\":\"project = SEC\",\"max_results\":5}'." };
        var arg = new Option<string[]>("--arg")
        {
            Description = "One argument as name=value (repeatable); the value is read as JSON when it parses (5, true, [\"a\"]), else as text.",
        };
        var dataDir = CommonServeOptions.DataDir();
        var policies = CommonServeOptions.Policies();
        var config = ConfigStartup.Option();
        var json = CommonServeOptions.Json();
        var command = new Command("call", "Run one operation through the pipeline as an agent (key from JIRAGATE_AGENT_KEY) and print the result.")
        {
            operation, agent, argsJson, arg, dataDir, policies, config, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (!TryBuildArguments(parse.GetValue(argsJson), parse.GetValue(arg) ?? [], out var arguments, out var problem))
            {
                await error.WriteLineAsync("error: " + problem);
                return ExitCodes.Usage;
            }
            var policyFiles = parse.GetValue(policies) ?? [];
            var configPath = parse.GetValue(config);
            if ((configPath is null && await PolicyFiles.ReportAsync(policyFiles, error))
                || await ConfigStartup.ResolveAsync(configPath, parse.GetValue(dataDir)!, policyFiles, error, ct) is not { } start)
            {
                return ExitCodes.Usage;
            }
            var agentId = parse.GetValue(agent)!;
            await using var core = await CoreHost.StartAsync(new DataDirectory(start.DataDir), start.PolicyFiles, LogLevel.Warning, null, error, start.Config, ct);
            if (start.Config is { } file)
            {
                // The file's policies for existing agents; creating agents (and showing keys) is serve's job.
                await ConfigAgents.ApplyAsync(core.Services, file.Agents, create: false, ct);
            }
            Governance.Agents.AgentIdentity identity;
            try
            {
                identity = await JiraGateMcpStdio.AuthenticateAsync(core.Services, agentId, Environment.GetEnvironmentVariable(JiraGateMcpStdio.AgentKeyVariable), ct);
            }
            catch (UnauthorizedAccessException ex)
            {
                await error.WriteLineAsync("error: " + ex.Message);
                return ExitCodes.Denied;
            }
            var result = await core.Services.GetRequiredService<IOperationPipeline>().ExecuteAsync(new OperationCall
            {
                Agent = identity,
                Operation = parse.GetValue(operation)!,
                Arguments = arguments,
                EntryPoint = EntryPoint.Cli,
            }, ct);
            var exit = ExitCodeOf(result);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(CallOutput.From(result, exit), ServeJsonContext.Default.CallOutput));
            }
            else
            {
                await CallPrinter.WriteAsync(output, error, result, agentId);
            }
            return exit;
        });
        return command;
    }

    /// <summary>The documented exit code for a result.</summary>
    public static int ExitCodeOf(OperationResult result) => result.Status switch
    {
        OperationStatus.Ok => ExitCodes.Ok,
        OperationStatus.Denied => ExitCodes.Denied,
        OperationStatus.PendingApproval => ExitCodes.PendingApproval,
        _ => result.Error?.Code switch
        {
            OperationErrorCodes.InvalidInput or OperationErrorCodes.UnknownOperation => ExitCodes.Usage,
            OperationErrorCodes.PolicyDenied or OperationErrorCodes.ApprovalDenied or OperationErrorCodes.ApprovalExpired => ExitCodes.Denied,
            OperationErrorCodes.JiraError or OperationErrorCodes.JiraNotFound => ExitCodes.JiraError,
            OperationErrorCodes.JiraUnavailable or OperationErrorCodes.AuditUnavailable or OperationErrorCodes.RateLimited
                or OperationErrorCodes.OutcomeUnknown => ExitCodes.Unavailable,
            _ => ExitCodes.Error,
        },
    };

    internal static bool TryBuildArguments(string? json, string[] pairs, out JsonElement arguments, out string problem)
    {
        arguments = default;
        problem = "";
        JsonObject target;
        if (json is not null)
        {
            try
            {
                if (JsonNode.Parse(json) is not JsonObject parsed)
                {
                    problem = "--args must be a JSON object, e.g. --args '{\"jql\":\"project = SEC\"}'.";
                    return false;
                }
                target = parsed;
            }
            catch (JsonException ex)
            {
                problem = $"--args is not valid JSON ({ex.Message}). Quote it for your shell: --args '{{\"jql\":\"project = SEC\"}}'.";
                return false;
            }
        }
        else
        {
            target = [];
        }
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                problem = $"--arg '{pair}' must be name=value, e.g. --arg max_results=5.";
                return false;
            }
            var name = pair[..equals].Trim();
            var text = pair[(equals + 1)..];
            JsonNode? value;
            try
            {
                value = JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                value = JsonValue.Create(text);
            }
            target[name] = value;
        }
        arguments = JsonSerializer.SerializeToElement(target, ServeJsonContext.Default.JsonObject);
        return true;
    }
}
