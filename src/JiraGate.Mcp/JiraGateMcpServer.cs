using System.Text.Json;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Pipeline;
using JiraGate.Governance.Policies;
using JiraGate.Mcp.Results;
using JiraGate.Mcp.Tools;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace JiraGate.Mcp;

/// <summary>
/// JiraGate's MCP tools for one agent at a time: lists one tool per operation the agent's policies grant (plus
/// <c>jira_approval_status</c>) and carries each call through <see cref="IOperationPipeline"/> with
/// <see cref="EntryPoint.Mcp"/>. Results are compact JSON shaped by a profile and split at the size cap with a cursor;
/// governance outcomes are tool results (<c>isError</c> with the stable code), never exceptions. Transport-neutral:
/// <see cref="ConfigureHandlers"/> plugs it into any <see cref="McpServerOptions"/>.
/// </summary>
public sealed partial class JiraGateMcpServer
{
    private readonly IOperationPipeline _pipeline;
    private readonly IAgentPolicySource _policies;
    private readonly PolicyEngine _engine;
    private readonly JiraGateMcpOptions _options;
    private readonly ResultPageStore _pages;
    private readonly ILogger _logger;

    /// <summary>Creates the server's tool logic.</summary>
    /// <param name="pipeline">The one way to Jira.</param>
    /// <param name="policies">Where each agent's compiled policies come from.</param>
    /// <param name="options">Size cap, default profile, cursor lifetime.</param>
    /// <param name="timeProvider">The clock for cursor expiry.</param>
    /// <param name="logger">Logs unexpected failures (never arguments or results).</param>
    public JiraGateMcpServer(
        IOperationPipeline pipeline,
        IAgentPolicySource policies,
        JiraGateMcpOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger<JiraGateMcpServer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(policies);
        _pipeline = pipeline;
        _policies = policies;
        _options = options ?? new JiraGateMcpOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxResultBytes, 1024, nameof(options));
        _engine = new PolicyEngine();
        _pages = new ResultPageStore(timeProvider ?? TimeProvider.System, _options);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The options in force.</summary>
    public JiraGateMcpOptions Options => _options;

    /// <summary>
    /// Sets the tools/list and tools/call handlers (and the server's name) on <paramref name="options"/>. With
    /// <paramref name="agent"/> every request acts as that agent (stdio); without, each request's user must carry an agent
    /// made by <see cref="McpAgentClaims.ToPrincipal"/> (HTTP), else the agent sees no tools and every call is refused.
    /// </summary>
    public void ConfigureHandlers(McpServerOptions options, AgentIdentity? agent = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ServerInfo = new Implementation { Name = _options.ServerName, Version = _options.ServerVersion };
        options.ServerInstructions ??=
            "JiraGate: governed Jira access. You see only the tools your policy grants; each description states its risk and whether a human must approve. " +
            "A call that needs approval returns an approval_id: check it with jira_approval_status. Long results come in pages: pass next_cursor as cursor.";
        options.Capabilities ??= new ServerCapabilities();
        options.Capabilities.Tools ??= new ToolsCapability();
        options.Handlers.ListToolsHandler = async (request, ct) =>
            new ListToolsResult { Tools = [.. await ListToolsAsync(agent ?? McpAgentClaims.FromPrincipal(request.User), ct).ConfigureAwait(false)] };
        options.Handlers.CallToolHandler = (request, ct) =>
            CallToolAsync(agent ?? McpAgentClaims.FromPrincipal(request.User), request.Params?.Name ?? "", ToDictionary(request.Params?.Arguments), ct);
    }

    /// <summary>The tools <paramref name="agent"/> may call: one per granted operation, then <c>jira_approval_status</c>. None for no agent.</summary>
    public async ValueTask<IReadOnlyList<Tool>> ListToolsAsync(AgentIdentity? agent, CancellationToken cancellationToken = default)
    {
        if (agent is null)
        {
            return [];
        }

        var compiled = await _policies.GetPoliciesAsync(agent, cancellationToken).ConfigureAwait(false);
        return AgentToolset.For(compiled, _engine).Tools;
    }

    /// <summary>Calls one tool as <paramref name="agent"/>. Every outcome is a result; refusals carry <c>isError</c> and a stable code.</summary>
    /// <param name="agent">The caller; null is refused as unauthenticated.</param>
    /// <param name="toolName">The tool, e.g. <c>jira_issues_read_detail</c>.</param>
    /// <param name="arguments">The arguments, including the optional <c>profile</c> and <c>cursor</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async ValueTask<CallToolResult> CallToolAsync(
        AgentIdentity? agent,
        string toolName,
        IReadOnlyDictionary<string, JsonElement>? arguments,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(toolName);
        arguments ??= new Dictionary<string, JsonElement>();
        if (agent is null)
        {
            return ToolResults.Error(OperationErrorCodes.Unauthenticated, "No authenticated agent: present a valid agent key.");
        }

        try
        {
            var compiled = await _policies.GetPoliciesAsync(agent, cancellationToken).ConfigureAwait(false);
            if (string.Equals(toolName, McpToolNames.ApprovalStatus, StringComparison.Ordinal))
            {
                return await ApprovalStatusAsync(agent, arguments, cancellationToken).ConfigureAwait(false);
            }

            var toolset = AgentToolset.For(compiled, _engine);
            if (!toolset.TryGetOperation(toolName, out var operation))
            {
                return await NotGrantedAsync(agent, toolName, arguments, compiled, cancellationToken).ConfigureAwait(false);
            }

            return await ExecuteAsync(agent, toolName, operation, arguments, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A tool call must never take the session down; the failure is logged and answered.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogCallFailed(_logger, toolName, agent.AgentId, ex.GetType().Name);
            return ToolResults.Error("internal_error", "JiraGate failed while handling this call; it may or may not have reached Jira. Check the audit log before retrying a write.");
        }
    }

    private async ValueTask<CallToolResult> ExecuteAsync(
        AgentIdentity agent, string toolName, OperationDescriptor operation, IReadOnlyDictionary<string, JsonElement> arguments, CancellationToken ct)
    {
        if (!TryReadPaging(arguments, out var profile, out var cursor, out var error))
        {
            return error;
        }

        if (cursor is not null)
        {
            return NextPage(agent, toolName, cursor);
        }

        var result = await _pipeline.ExecuteAsync(
            new OperationCall { Agent = agent, Operation = operation.Name, Arguments = WithoutPaging(arguments), EntryPoint = EntryPoint.Mcp },
            ct).ConfigureAwait(false);
        return Answer(agent, toolName, result, profile, r => r.Value);
    }

    private async ValueTask<CallToolResult> ApprovalStatusAsync(AgentIdentity agent, IReadOnlyDictionary<string, JsonElement> arguments, CancellationToken ct)
    {
        if (!TryReadPaging(arguments, out var profile, out var cursor, out var error))
        {
            return error;
        }

        if (cursor is not null)
        {
            return NextPage(agent, McpToolNames.ApprovalStatus, cursor);
        }

        if (!arguments.TryGetValue("approval_id", out var idElement) || idElement.ValueKind != JsonValueKind.String || idElement.GetString() is not { Length: > 0 and <= 128 } approvalId)
        {
            return ToolResults.Error(OperationErrorCodes.InvalidInput, "approval_id is required: the id a pending result returned, e.g. apr_….");
        }

        var result = await _pipeline.GetApprovalResultAsync(agent, approvalId, ct).ConfigureAwait(false);
        return Answer(agent, McpToolNames.ApprovalStatus, result, profile, r => ToolResults.ExecutedApproval(r.ApprovalId ?? approvalId, r.Value));
    }

    private CallToolResult Answer(AgentIdentity agent, string toolName, OperationResult result, ResultProfile profile, Func<OperationResult, JsonElement?> value) =>
        result.Status switch
        {
            OperationStatus.Ok => ToolResults.Text(_pages.FirstPage(agent.AgentId, toolName, value(result) is { } v ? ResultProfiles.Apply(v, profile) : null)),
            OperationStatus.PendingApproval => ToolResults.Pending(result),
            _ => ToolResults.Error(
                result.Error ?? new OperationError { Code = OperationErrorCodes.JiraError, Message = $"{result.Operation} did not succeed ({result.Status})." },
                result.ApprovalId),
        };

    private CallToolResult NextPage(AgentIdentity agent, string toolName, string cursor) =>
        _pages.Page(agent.AgentId, toolName, cursor) is { } page
            ? ToolResults.Text(page)
            : ToolResults.Error(OperationErrorCodes.InvalidInput,
                $"cursor is unknown or expired (cursors last {_options.CursorLifetime.TotalMinutes:0} minutes and work only with the tool that returned them): call {toolName} again without a cursor.");

    /// <summary>
    /// A tool that is not listed. When it names a real operation the call still goes to the pipeline — the one authority,
    /// which refuses it and writes the refusal to the audit log, so probing for tools leaves a trace — and the agent gets
    /// the policy's reason. Nothing reaches Jira: the pipeline refuses before execution.
    /// </summary>
    private async ValueTask<CallToolResult> NotGrantedAsync(
        AgentIdentity agent, string toolName, IReadOnlyDictionary<string, JsonElement> arguments, CompiledPolicies? compiled, CancellationToken ct)
    {
        var operation = McpToolNames.ToOperation(toolName, _engine.Catalog);
        if (operation is null)
        {
            return ToolResults.Error(OperationErrorCodes.UnknownOperation, $"There is no tool named '{toolName}'. List the tools to see the ones your policy grants.");
        }

        var result = await _pipeline.ExecuteAsync(
            new OperationCall { Agent = agent, Operation = operation.Name, Arguments = WithoutPaging(arguments), EntryPoint = EntryPoint.Mcp },
            ct).ConfigureAwait(false);
        if (result.Status is OperationStatus.Ok or OperationStatus.PendingApproval)
        {
            // The tool list and the pipeline disagree only if the policies changed between the two calls: the pipeline wins.
            return Answer(agent, toolName, result, _options.DefaultProfile, r => r.Value);
        }

        var reason = compiled is null ? $"agent {agent.AgentId} has no policy in force" : _engine.Decide(compiled, operation).Reason;
        return ToolResults.Error(OperationErrorCodes.PolicyDenied, $"{toolName} is not available to agent {agent.AgentId}: {reason}. Nothing was sent to Jira.");
    }

    private bool TryReadPaging(IReadOnlyDictionary<string, JsonElement> arguments, out ResultProfile profile, out string? cursor, out CallToolResult error)
    {
        profile = _options.DefaultProfile;
        cursor = null;
        error = null!;
        if (arguments.TryGetValue(McpToolNames.ProfileArgument, out var p) && p.ValueKind != JsonValueKind.Null)
        {
            if (p.ValueKind != JsonValueKind.String || !ResultProfiles.TryParse(p.GetString(), out profile))
            {
                error = ToolResults.Error(OperationErrorCodes.InvalidInput, "profile must be one of minimal, standard, full.");
                return false;
            }
        }

        if (arguments.TryGetValue(McpToolNames.CursorArgument, out var c) && c.ValueKind != JsonValueKind.Null)
        {
            if (c.ValueKind != JsonValueKind.String || c.GetString() is not { Length: > 0 and <= 128 } text)
            {
                error = ToolResults.Error(OperationErrorCodes.InvalidInput, "cursor must be the next_cursor string of a previous result.");
                return false;
            }

            cursor = text;
        }

        return true;
    }

    private static JsonElement WithoutPaging(IReadOnlyDictionary<string, JsonElement> arguments)
    {
        var text = ResultJson.Write(w =>
        {
            w.WriteStartObject();
            foreach (var (name, value) in arguments)
            {
                if (name is McpToolNames.ProfileArgument or McpToolNames.CursorArgument)
                {
                    continue;
                }

                w.WritePropertyName(name);
                value.WriteTo(w);
            }

            w.WriteEndObject();
        });
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    private static IReadOnlyDictionary<string, JsonElement>? ToDictionary(IDictionary<string, JsonElement>? arguments) =>
        arguments is null ? null : arguments as IReadOnlyDictionary<string, JsonElement> ?? new Dictionary<string, JsonElement>(arguments, StringComparer.Ordinal);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Error, Message = "MCP tool {Tool} failed unexpectedly for agent {Agent} ({ExceptionType})")]
    private static partial void LogCallFailed(ILogger logger, string tool, string agent, string exceptionType);
}
