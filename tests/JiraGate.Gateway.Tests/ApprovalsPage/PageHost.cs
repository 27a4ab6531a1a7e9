using System.Text.Json;
using JiraGate.Gateway.ApprovalsPage;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Approvals;
using JiraGate.Governance.Pipeline;
using JiraGate.Storage.Sqlite;
using JiraGate.Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace JiraGate.Gateway.Tests.ApprovalsPage;

/// <summary>
/// The approvals page on Kestrel (127.0.0.1, a free port) over a fresh SQLite file: one agent (soc-bot, owned by olivia)
/// and three approvers — alice and olivia in org-acme, mallory in org-other.
/// </summary>
public sealed class PageHost : LoopbackApp
{
    public const string Org = "org-acme";
    public const string AgentId = "soc-bot";

    private PageHost()
        : base("jiragate-approvals-page-tests")
    {
    }

    public ApprovalService Approvals => Services.GetRequiredService<ApprovalService>();

    public ApproverRegistry Approvers => Services.GetRequiredService<ApproverRegistry>();

    public AgentRegistry Agents => Services.GetRequiredService<AgentRegistry>();

    public AgentIdentity Agent { get; } = new() { AgentId = AgentId, OrgId = Org };

    public string AgentKey { get; private set; } = "";

    public string AliceKey { get; private set; } = "";

    public string OliviaKey { get; private set; } = "";

    public string MalloryKey { get; private set; } = "";

    /// <summary>Starts the page; <paramref name="configure"/> adds or replaces services (a pipeline, a preview source …).</summary>
    /// <param name="configure">Adds or replaces services.</param>
    /// <param name="governance">
    /// True: the whole governance core as the gateway will host it (<c>AddJiraGateSqlite</c> + <c>AddJiraGate</c>: the real
    /// OperationPipeline, audit log, vault) — register an <see cref="IOperationExecutor"/> in <paramref name="configure"/>.
    /// False: only the stores and the approval service.
    /// </param>
    public static async Task<PageHost> StartAsync(Action<IServiceCollection>? configure = null, bool governance = false)
    {
        var host = new PageHost();
        var ct = Ct;
        var builder = CreateBuilder();
        var services = builder.Services;
        if (governance)
        {
            host.AddGovernance(services);
        }
        else
        {
            var database = await SqliteDatabase.OpenAsync(new SqliteStorageOptions { DatabasePath = Path.Combine(host.Folder, "jiragate.db") }, null, ct);
            services.AddSingleton(database);
            services.AddSingleton<IAgentStore>(new SqliteAgentStore(database.OpenConnectionAsync));
            services.AddSingleton<IApproverStore>(new SqliteApproverStore(database.OpenConnectionAsync));
            services.AddSingleton<IApprovalStore>(new SqliteApprovalStore(database.OpenConnectionAsync));
            services.AddJiraGateApprovals();
        }
        configure?.Invoke(services);
        services.AddJiraGateApprovalsPage();
        await host.StartAsync(builder, app => app.MapJiraGateApprovalsPage());

        var agent = await host.Agents.RegisterAsync(new NewAgent { Id = AgentId, OrgId = Org, Owner = "olivia", Policies = ["jira-full-management"] }, ct);
        host.AgentKey = agent.Key.Reveal();
        host.AliceKey = (await host.Approvers.RegisterAsync(new NewApprover { Id = "alice", OrgId = Org, DisplayName = "Alice Analyst" }, ct)).Key.Reveal();
        host.OliviaKey = (await host.Approvers.RegisterAsync(new NewApprover { Id = "olivia", OrgId = Org, DisplayName = "Olivia Owner" }, ct)).Key.Reveal();
        host.MalloryKey = (await host.Approvers.RegisterAsync(new NewApprover { Id = "mallory", OrgId = "org-other", DisplayName = "Mallory" }, ct)).Key.Reveal();
        return host;
    }

    /// <summary>Opens a pending (human) approval for the agent, as the pipeline would.</summary>
    public async Task<Approval> RequestAsync(string operation, string argumentsJson, string risk = "high")
    {
        using var document = JsonDocument.Parse(argumentsJson);
        return await Approvals.RequestAsync(new ApprovalRequest
        {
            Agent = Agent,
            Operation = operation,
            Risk = risk,
            Policy = "jira-full-management",
            Channel = "#jira-approvals",
            Arguments = document.RootElement,
        }, TestContext.Current.CancellationToken);
    }

    public async Task<Approval> GetAsync(string id) =>
        (await Approvals.GetForAgentAsync(Agent, id, TestContext.Current.CancellationToken))!;

    public PageClient NewClient() => new(BaseUrl);
}

/// <summary>
/// Stands in for the pipeline: executes an approved request exactly once through the approval service's claim, counting
/// executions, and keeps the result for the agent.
/// </summary>
public sealed class FakePipeline(ApprovalService approvals) : IOperationPipeline
{
    private int _executions;
    private int _calls;

    public int Executions => Volatile.Read(ref _executions);

    public int Calls => Volatile.Read(ref _calls);

    public Task<OperationResult> ExecuteAsync(OperationCall call, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The approvals page never starts calls.");

    public async Task<OperationResult> GetApprovalResultAsync(AgentIdentity agent, string approvalId, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        var approval = await approvals.GetForAgentAsync(agent, approvalId, cancellationToken);
        if (approval is null)
        {
            return Failed("approval:" + approvalId, OperationErrorCodes.NotFound);
        }
        if (approval.State == ApprovalState.Approved)
        {
            var claim = await approvals.BeginExecutionAsync(approvalId, approval.Arguments, agent, "fake-pipeline", cancellationToken);
            if (claim.Succeeded)
            {
                Interlocked.Increment(ref _executions);
                using var args = approval.Arguments.ToDocument();
                var key = args.RootElement.TryGetProperty("issue_key", out var k) ? k.GetString() : null;
                var done = await approvals.CompleteAsync(approvalId, $$"""{"key":"{{key}}","deleted":true}""", cancellationToken);
                approval = done.Approval!;
            }
            else
            {
                approval = claim.Approval ?? approval;
            }
        }
        return approval.State switch
        {
            ApprovalState.Executed => new OperationResult
            {
                Operation = approval.Operation,
                Status = OperationStatus.Ok,
                ApprovalId = approval.Id,
                Value = JsonDocument.Parse(approval.ResultJson!).RootElement.Clone(),
            },
            ApprovalState.Pending or ApprovalState.Approved or ApprovalState.Executing => new OperationResult
            {
                Operation = approval.Operation,
                Status = OperationStatus.PendingApproval,
                ApprovalId = approval.Id,
            },
            _ => Failed(approval.Operation, ApprovalStates.ToName(approval.State)),
        };
    }

    private static OperationResult Failed(string operation, string code) => new()
    {
        Operation = operation,
        Status = OperationStatus.Failed,
        Error = new OperationError { Code = code, Message = code },
    };
}

/// <summary>Current issue values from a dictionary; counts reads.</summary>
public sealed class FakePreviewSource : IIssuePreviewSource
{
    public Dictionary<string, IssueSnapshot> Issues { get; } = new(StringComparer.Ordinal);

    public bool Fail { get; set; }

    public Task<IssueSnapshot?> GetIssueAsync(string issueKey, IReadOnlyCollection<string> customFields, AgentIdentity? requestedBy, CancellationToken cancellationToken = default) =>
        Fail ? throw new HttpRequestException("sandbox down") : Task.FromResult(Issues.GetValueOrDefault(issueKey));

    public static FakePreviewSource WithSec456()
    {
        var source = new FakePreviewSource();
        source.Issues["SEC-456"] = new IssueSnapshot
        {
            Key = "SEC-456",
            Summary = "Suspicious login from 198.51.100.42",
            Status = "Open",
            Fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
            {
                ["summary"] = "Suspicious login from 198.51.100.42",
                ["status"] = "Open",
                ["priority"] = "Medium",
                ["labels"] = "soc",
                ["assignee"] = "Alice Analyst <alice@example.com>",
            },
        };
        return source;
    }
}
