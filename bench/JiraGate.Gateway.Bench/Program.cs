using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using JiraGate.Gateway.Bench;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Audit;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Pipeline;
using JiraGate.Governance.Policies;
using JiraGate.Jira;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Model;
using Microsoft.Extensions.DependencyInjection;

// Issue 5 item 7 and TARGETS.md, side by side in one run against the in-process sandbox (loopback only):
//   http    — POST /v1/operations/issues:read_detail {"issue_key":"SEC-456"} through the gateway (Kestrel, agent key,
//             the real pipeline, SQLite audit) vs GET /rest/api/3/issue/SEC-456 on the sandbox with the executor's fields;
//   in-proc — OperationPipeline.ExecuteAsync(issues:read_detail) vs JiraClient.Issues.GetIssueAsync with the same fields.
// Each with durable commits (the default) and without. 1 and 32 concurrent agents (32 distinct agents, each its own
// key). Every loop is bounded: fixed calls per round, fixed rounds, and a run timeout.
var settings = Settings.Parse(args);
using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(settings.TimeoutMinutes));
var ct = timeout.Token;
const string IssueKey = "SEC-456";
// What the Jira executor asks for in a detail view (IssueView: the core fields, then the detail fields).
string[] fields = ["project", "summary", "status", "issuetype", "priority", "assignee", "reporter", "labels", "created", "updated",
    "description", "resolution", "components", "fixVersions", "duedate", "parent", "subtasks"];

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $".NET {Environment.Version}, {Environment.ProcessorCount} cores, {(System.Runtime.GCSettings.IsServerGC ? "Server" : "Workstation")} GC, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}"));
var loadAtStart = LoadAverage.Describe();
Console.WriteLine($"Load average at start: {loadAtStart}");

var sandboxOptions = new SandboxOptions { Flavor = SandboxFlavor.Cloud };
if (settings.JiraLatencyMs > 0)
{
    // Jira Cloud answers in tens to hundreds of ms; the in-process sandbox in a fraction of one. Added to every issue
    // GET, so both sides of each comparison wait the same.
    sandboxOptions.Faults.Add(new FaultRule { Kind = FaultKind.Latency, Method = "GET", PathPrefix = "/rest/api/3/issue/", Latency = TimeSpan.FromMilliseconds(settings.JiraLatencyMs) });
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"The sandbox adds {settings.JiraLatencyMs} ms to every GET /rest/api/3/issue/…"));
}
await using var sandbox = await SandboxHost.StartAsync(sandboxOptions, ct);
var maxAgents = settings.Concurrency.Max();
await using var durable = await GatewayStack.StartAsync(sandbox.BaseUrl, durable: true, maxAgents, settings.MaxJiraConcurrency, ct);
await using var fast = await GatewayStack.StartAsync(sandbox.BaseUrl, durable: false, maxAgents, settings.MaxJiraConcurrency, ct);
Console.WriteLine($"Sandbox at {sandbox.BaseUrl}; gateway (durable commits) at {durable.BaseUrl}; gateway (DurableCommits off) at {fast.BaseUrl}");

var services = new ServiceCollection();
services.AddHttpClient("load")
    .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
    .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
await using var provider = services.BuildServiceProvider();
var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient("load");

var directUrl = new Uri(sandbox.BaseUrl, $"/rest/api/3/issue/{IssueKey}?fields={string.Join(',', fields)}");
var basic = new AuthenticationHeaderValue("Basic",
    Convert.ToBase64String(Encoding.UTF8.GetBytes(DemoCredentials.Ada.Email + ":" + DemoCredentials.Ada.ApiToken)));
var body = Encoding.UTF8.GetBytes($$"""{"issue_key":"{{IssueKey}}"}""");
var arguments = JsonDocument.Parse(body).RootElement.Clone();
var options = new GetIssueOptions { Fields = fields };

async Task<byte[]> DirectAsync(CancellationToken token)
{
    using var request = new HttpRequestMessage(HttpMethod.Get, directUrl);
    request.Headers.Authorization = basic;
    using var response = await http.SendAsync(request, token);
    return Ok(response, await response.Content.ReadAsByteArrayAsync(token));
}

async Task<byte[]> GatewayAsync(GatewayStack stack, int agent, CancellationToken token)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(stack.BaseUrl, "/v1/operations/issues:read_detail"));
    request.Headers.Authorization = GatewayStack.Bearer(stack.Agents[agent].Key);
    request.Content = new ByteArrayContent(body);
    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
    using var response = await http.SendAsync(request, token);
    return Ok(response, await response.Content.ReadAsByteArrayAsync(token));
}

async Task PipelineAsync(GatewayStack stack, int agent, CancellationToken token)
{
    var result = await stack.Pipeline.ExecuteAsync(new OperationCall
    {
        Agent = stack.Agents[agent].Identity,
        Operation = "issues:read_detail",
        Arguments = arguments,
    }, token);
    if (result.Status != OperationStatus.Ok)
    {
        throw new InvalidOperationException($"The pipeline answered {result.Status}: {result.Error?.Code} {result.Error?.Message}");
    }
}

// One call of each, to check every side reads the same issue (and to show what crosses the wire).
var directBody = await DirectAsync(ct);
var gatewayBody = await GatewayAsync(durable, 0, ct);
var issue = await durable.Jira.Issues.GetIssueAsync(IssueKey, options, ct);
if (issue.Key != IssueKey || !Encoding.UTF8.GetString(gatewayBody).Contains(IssueKey, StringComparison.Ordinal))
{
    throw new InvalidOperationException("The sides do not read the same issue.");
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{IssueKey}: sandbox answers {directBody.Length:N0} bytes; the gateway answers {gatewayBody.Length:N0} bytes"));

List<Side> sides =
[
    new("http", "sandbox direct: GET /rest/api/3/issue/SEC-456", (_, t) => DirectAsync(t)),
    new("http", "gateway: POST /v1/operations/issues:read_detail", (a, t) => GatewayAsync(durable, a, t)),
    new("http", "gateway, DurableCommits off", (a, t) => GatewayAsync(fast, a, t)),
    new("in-proc", "JiraClient.Issues.GetIssueAsync", (_, t) => durable.Jira.Issues.GetIssueAsync(IssueKey, options, t)),
    new("in-proc", "OperationPipeline.ExecuteAsync", (a, t) => PipelineAsync(durable, a, t)),
    new("in-proc", "OperationPipeline.ExecuteAsync, DurableCommits off", (a, t) => PipelineAsync(fast, a, t)),
];
if (settings.Parts)
{
    // The pipeline's parts, each alone, to see where its time goes (same agents, same arguments).
    var executor = durable.Services.GetRequiredService<IOperationExecutor>();
    var descriptor = durable.Services.GetRequiredService<OperationCatalog>().TryGet("issues:read_detail", out var d) ? d : throw new InvalidOperationException("no issues:read_detail");
    var registry = durable.Services.GetRequiredService<AgentRegistry>();
    Task AuditPairAsync(GatewayStack stack, int agent, CancellationToken token) => AuditPair(stack.Services.GetRequiredService<AuditLog>(),
        stack.Agents[agent].Identity, descriptor, arguments, token);
    sides.AddRange(
    [
        new("in-proc", "part: JiraOperationExecutor.ExecuteAsync alone", (_, t) => executor.ExecuteAsync(descriptor, arguments, ExecutionScope.Unrestricted, t)),
        new("in-proc", "part: ArgumentValidator.Validate (JSON Schema)", (_, _) => ArgumentValidator.Validate(descriptor, arguments).IsValid
            ? Task.CompletedTask
            : throw new InvalidOperationException("The arguments were refused.")),
        new("in-proc", "part: AuditLog intent + outcome", (a, t) => AuditPairAsync(durable, a, t)),
        new("in-proc", "part: AuditLog intent + outcome, DurableCommits off", (a, t) => AuditPairAsync(fast, a, t)),
        new("in-proc", "part: AgentRegistry.GetAsync (pipeline step 1)", (a, t) => registry.GetAsync(durable.Agents[a].Identity.AgentId, t)),
        new("in-proc", "part: AgentRegistry.AuthenticateAsync (gateway key)", async (a, t) =>
        {
            if (!(await registry.AuthenticateAsync(durable.Agents[a].Key, t)).Succeeded)
            {
                throw new InvalidOperationException("The agent key was refused.");
            }
        }),
    ]);
}

var results = new List<SideResult>();
var loads = new List<string> { "start " + loadAtStart };
foreach (var concurrency in settings.Concurrency)
{
    var perWorker = Math.Max(1, (settings.CallsPerRound + concurrency - 1) / concurrency);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{concurrency} concurrent agent(s): {settings.WarmupCalls} warm-up calls each, then {settings.Rounds} rounds of {perWorker} calls each per side (load {LoadAverage.Describe()})"));
    results.AddRange(await Load.RunAsync(sides, concurrency, settings.WarmupCalls, perWorker, settings.Rounds, ct));
    loads.Add(string.Create(CultureInfo.InvariantCulture, $"after c={concurrency} {LoadAverage.Describe()}"));
}

Console.WriteLine();
Console.WriteLine($"Load average (1, 5, 15 min): {string.Join("; ", loads)}");
Console.WriteLine();
Console.WriteLine("| agents | setting | side | calls | p50 ms | p95 ms | p99 ms | calls/s (median round) | p50 vs baseline (median of rounds) | per-round p50 ratios | p50 − baseline ms |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
foreach (var group in results.GroupBy(r => (r.Concurrency, r.Side.Group)))
{
    var baseline = group.First();
    foreach (var r in group)
    {
        var ratios = r.RoundP50s.Select((p, i) => p / baseline.RoundP50s[i]).ToArray();
        var added = Load.Median(r.RoundP50s.Select((p, i) => p - baseline.RoundP50s[i]));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {r.Concurrency} | {r.Side.Group} | {r.Side.Name} | {r.Calls:N0} | {r.P50:F3} | {r.P95:F3} | {r.P99:F3} | {r.MedianCallsPerSecond:N0} | {Load.Median(ratios):F2}× | {ratios.Min():F2}–{ratios.Max():F2}× | {added:F3} |"));
    }
}
Console.WriteLine("Goals: gateway p50 ≤ 1.15× the sandbox direct (issue 5 item 7); pipeline ≤ 1.10× the client (TARGETS.md).");
return 0;

// The two audit records the pipeline writes for an executed call, as it writes them.
static async Task AuditPair(AuditLog audit, AgentIdentity agent, OperationDescriptor op, JsonElement arguments, CancellationToken ct)
{
    var intent = await audit.AppendIntentAsync(new AuditIntent
    {
        Agent = agent.AgentId,
        Org = agent.OrgId,
        Operation = op.Name,
        Risk = "low",
        Decision = "allow",
        Policy = SeedPolicies.SocTriage,
        Parameters = arguments,
        Redactions = op.Redactions,
    }, ct);
    await audit.AppendOutcomeAsync(intent, new AuditOutcome { Status = "ok", DurationMs = 1, JiraRequestId = "bench" }, CancellationToken.None);
}

static byte[] Ok(HttpResponseMessage response, byte[] content) => response.StatusCode == HttpStatusCode.OK
    ? content
    : throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(content)}");

internal sealed record Settings(IReadOnlyList<int> Concurrency, int CallsPerRound, int WarmupCalls, int Rounds, int JiraLatencyMs, int? MaxJiraConcurrency, bool Parts,
    int TimeoutMinutes)
{
    public static Settings Parse(string[] args)
    {
        string? Text(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        int Int(string name, int fallback) => Text(name) is { } t ? int.Parse(t, CultureInfo.InvariantCulture) : fallback;
        return new Settings(
            Concurrency: [.. (Text("--concurrency") ?? "1,32").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))],
            CallsPerRound: Int("--calls", 640),
            WarmupCalls: Int("--warmup-calls", 20),
            Rounds: Int("--rounds", 7),
            JiraLatencyMs: Int("--jira-latency-ms", 0),
            MaxJiraConcurrency: Text("--max-jira-concurrency") is { } m ? int.Parse(m, CultureInfo.InvariantCulture) : null,
            Parts: !args.Contains("--no-parts"),
            TimeoutMinutes: Int("--timeout-minutes", 20));
    }
}
