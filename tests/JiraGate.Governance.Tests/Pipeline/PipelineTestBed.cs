using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Approvals;
using JiraGate.Governance.Audit;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Pipeline;
using JiraGate.Governance.Policies;
using JiraGate.Governance.Tests.Approvals;
using JiraGate.Jira;
using JiraGate.Storage.Sqlite;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace JiraGate.Governance.Tests.Pipeline;

/// <summary>
/// The pipeline over real SQLite stores (agents, approvals, audit) on a fresh file, the seed's policies plus a few test
/// ones, a fake clock and a counting executor. Agents: <c>agent-001</c> (soc-triage, owner olivia), <c>agent-full</c>
/// (full-management, owner olivia), <c>agent-ro</c> (readonly), <c>agent-scoped</c> (issues:* where projects [SEC]).
/// </summary>
public sealed class PipelineTestBed : IAsyncDisposable
{
    public const string Org = "org-acme";
    public static readonly AgentIdentity Soc = new() { AgentId = "agent-001", OrgId = Org };
    public static readonly AgentIdentity Full = new() { AgentId = "agent-full", OrgId = Org };
    public static readonly AgentIdentity ReadOnly = new() { AgentId = "agent-ro", OrgId = Org };
    public static readonly AgentIdentity Scoped = new() { AgentId = "agent-scoped", OrgId = Org };
    public static readonly ApproverIdentity Alice = new() { ApproverId = "alice", OrgId = Org };
    public static readonly ApproverIdentity Olivia = new() { ApproverId = "olivia", OrgId = Org };

    private const string ExtraPolicies = """
        - name: scoped-sec
          connector: jira
          operations: ["issues:read*", "issues:create"]
          risk_max: medium
          approval: none
          where: { projects: [SEC] }
        """;

    private TestStores _stores = null!;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public CountingExecutor Executor { get; } = new();

    public SwitchableAuditStore AuditStore { get; private set; } = null!;

    public AuditLog Audit { get; private set; } = null!;

    public ApprovalService Approvals { get; private set; } = null!;

    public AgentRegistry Agents { get; private set; } = null!;

    public PolicySetHolder Policies { get; private set; } = null!;

    public OperationPipeline Pipeline { get; private set; } = null!;

    public ListLogger<OperationPipeline> Logger { get; } = new();

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<PipelineTestBed> CreateAsync(IOperationExecutor? executor = null)
    {
        var bed = new PipelineTestBed();
        bed._stores = await TestStores.CreateAsync();
        var database = await SqliteDatabase.OpenAsync(new SqliteStorageOptions { DatabasePath = bed._stores.FilePath, DurableCommits = false }, null, Ct);
        bed.AuditStore = new SwitchableAuditStore(new SqliteAuditStore(database));
        bed.Audit = new AuditLog(bed.AuditStore, AuditSigningKey.Generate(), new AuditLogOptions(), bed.Time);
        bed.Agents = new AgentRegistry(bed._stores.Agents, bed.Time);
        bed.Approvals = new ApprovalService(bed._stores.Approvals, bed._stores.Agents, null, Options.Create(new ApprovalOptions()), bed.Time);
        var seed = SeedPolicies.Load();
        var extra = new PolicyLoader().Load(ExtraPolicies, "extra.yaml");
        Assert.True(extra.Succeeded, string.Join("; ", extra.Errors));
        bed.Policies = new PolicySetHolder(new PolicySet([.. seed.All, .. extra.PolicySet!.All]));
        await bed.RegisterAsync(Soc, SeedPolicies.SocTriage);
        await bed.RegisterAsync(Full, SeedPolicies.FullManagement);
        await bed.RegisterAsync(ReadOnly, SeedPolicies.ReadOnly);
        await bed.RegisterAsync(Scoped, "scoped-sec");
        bed.Pipeline = new OperationPipeline(bed._stores.Agents, bed.Policies, bed.Approvals, bed.Audit, executor ?? bed.Executor,
            timeProvider: bed.Time, logger: bed.Logger);
        return bed;
    }

    public Task RegisterAsync(AgentIdentity agent, params string[] policies) =>
        Agents.RegisterAsync(new NewAgent { Id = agent.AgentId, OrgId = agent.OrgId, Owner = "olivia", Policies = policies }, Ct);

    public Task<OperationResult> CallAsync(AgentIdentity agent, string operation, string json) =>
        Pipeline.ExecuteAsync(new OperationCall { Agent = agent, Operation = operation, Arguments = Json(json) }, Ct);

    public static JsonElement Json(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }

    public async Task<IReadOnlyList<AuditRecord>> AuditRecordsAsync()
    {
        var records = new List<AuditRecord>();
        await foreach (var r in AuditStore.Inner.ReadAsync(1, Ct))
        {
            records.Add(r);
        }
        return records;
    }

    public byte[] RawDatabaseBytes() => _stores.RawBytes();

    public async ValueTask DisposeAsync()
    {
        await Audit.DisposeAsync();
        _stores.Dispose();
    }
}

/// <summary>Counts executions and records what it was given; answers <c>{"operation": …, "n": …}</c> or throws what it is told to.</summary>
public sealed class CountingExecutor : IOperationExecutor
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public ConcurrentQueue<(string Operation, string Arguments, ExecutionScope Scope)> Received { get; } = new();

    public Func<OperationDescriptor, Exception?>? Throw { get; set; }

    /// <summary>Delays each execution (to widen races in concurrency tests).</summary>
    public TimeSpan Delay { get; set; }

    public async Task<OperationOutput> ExecuteAsync(OperationDescriptor operation, JsonElement arguments, ExecutionScope scope, CancellationToken cancellationToken = default)
    {
        var n = Interlocked.Increment(ref _calls);
        Received.Enqueue((operation.Name, arguments.GetRawText(), scope));
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }
        if (Throw?.Invoke(operation) is { } ex)
        {
            throw ex;
        }
        return new OperationOutput { Value = PipelineTestBed.Json($$"""{"operation":"{{operation.Name}}","n":{{n}}}"""), JiraRequestId = "req-" + n };
    }
}

/// <summary>The SQLite audit store, made to fail on demand (from the Nth append on) as a dead disk would.</summary>
public sealed class SwitchableAuditStore(IAuditStore inner) : IAuditStore
{
    private int _appends;

    public IAuditStore Inner { get; } = inner;

    /// <summary>Appends numbered from this one on (1-based, counted from now) throw; null never.</summary>
    public int? FailFromAppend { get; private set; }

    public void FailFrom(int appendsFromNow) => FailFromAppend = Volatile.Read(ref _appends) + appendsFromNow;

    public void FailAll() => FailFrom(1);

    public Task<AuditHead> GetHeadAsync(CancellationToken cancellationToken = default) => Inner.GetHeadAsync(cancellationToken);

    public Task AppendAsync(IReadOnlyList<AuditRecord> records, AuditCheckpoint? checkpoint = null, CancellationToken cancellationToken = default)
    {
        var n = Interlocked.Increment(ref _appends);
        return FailFromAppend is { } from && n >= from
            ? throw new IOException("disk I/O error (simulated)")
            : Inner.AppendAsync(records, checkpoint, cancellationToken);
    }

    public IAsyncEnumerable<AuditRecord> ReadAsync(long fromSeq = 1, CancellationToken cancellationToken = default) => Inner.ReadAsync(fromSeq, cancellationToken);

    public Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default) => Inner.QueryAsync(query, cancellationToken);

    public Task<IReadOnlyList<AuditCheckpoint>> ListCheckpointsAsync(CancellationToken cancellationToken = default) => Inner.ListCheckpointsAsync(cancellationToken);
}

/// <summary>Jira's exceptions as the client raises them (their constructors are internal to JiraGate.Jira).</summary>
public static class JiraErrors
{
    public static T Create<T>(HttpStatusCode? status, string message = "Jira said no.", string[]? messages = null,
        Dictionary<string, string>? errors = null, TimeSpan? retryAfter = null, string? requestId = "req-jira")
        where T : JiraException
    {
        var detailsType = typeof(JiraException).Assembly.GetType("JiraGate.Jira.JiraErrorDetails", throwOnError: true)!;
        var details = Activator.CreateInstance(detailsType, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null,
            [status, (IReadOnlyList<string>)(messages ?? []), (IReadOnlyDictionary<string, string>)(errors ?? []), requestId, retryAfter, false], null)!;
        var ctor = typeof(T).GetConstructors(BindingFlags.Instance | BindingFlags.NonPublic)
            .OrderByDescending(c => c.GetParameters().Length)
            .First(c => c.GetParameters().Length >= 2 && c.GetParameters()[1].ParameterType == detailsType);
        var args = ctor.GetParameters().Length == 2 ? new object?[] { message, details } : [message, details, null];
        return (T)ctor.Invoke(args);
    }

    public static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
