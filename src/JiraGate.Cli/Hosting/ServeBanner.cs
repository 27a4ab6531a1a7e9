using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraGate.Cli.Hosting;

/// <summary>What <c>jiragate serve</c> prints once it listens: the URLs, and the demo keys on the run that created them.</summary>
internal static partial class ServeBanner
{
    public static void Write(TextWriter output, ServeHost host)
    {
        if (host.Config is not null)
        {
            WriteConfigured(output, host);
            return;
        }
        var gateway = host.BaseUrl.ToString().TrimEnd('/');
        var w = new List<string>
        {
            $"JiraGate — embedded mode (SQLite at {host.Data.Display()}, {host.Jira.Description})",
            "",
            $"  gateway    {gateway}",
            $"  MCP        {host.McpUrl}",
            $"  approvals  {host.ApprovalsUrl}",
            $"  OpenAPI    {host.OpenApiUrl}",
            "",
            $"  demo agent     \"{DemoAccounts.AgentId}\" (org {DemoAccounts.OrgId}, policies {string.Join(" + ", DemoAccounts.AgentPolicies)};",
            "                 jira-readonly is added so the seed scenario's boards and sprints work)",
            $"  demo approver  \"{DemoAccounts.ApproverId}\" (org {DemoAccounts.OrgId}; signs in on the approvals page)",
        };
        if (host.Demo.Created)
        {
            w.Add("");
            w.Add("  Keys — shown ONCE, now; copy them (JiraGate keeps only their hashes):");
            if (host.Demo.AgentKey is { } agentKey)
            {
                w.Add($"    {DemoAccounts.AgentId,-14} {agentKey}");
            }
            if (host.Demo.ApproverKey is { } approverKey)
            {
                w.Add($"    {DemoAccounts.ApproverId,-14} {approverKey}");
            }
            w.Add("");
            w.Add("  Try it:");
            w.Add($"    curl -H 'Authorization: Bearer <demo-agent key>' {gateway}/v1/operations");
        }
        else
        {
            w.Add("");
            w.Add("  The demo keys were shown when this data directory was first started. Lost them? Issue new ones with");
            w.Add($"    jiragate agents rotate-key {DemoAccounts.AgentId}");
        }
        w.Add("");
        w.Add("Ctrl+C stops.");
        foreach (var line in w)
        {
            output.WriteLine(line);
        }
        output.Flush();
    }

    public static void WriteJson(TextWriter output, ServeHost host)
    {
        var info = host.Config is not null ? ConfiguredInfo(host) : new ServeInfo
        {
            Mode = "embedded",
            DataDir = host.Data.Root,
            Jira = host.Jira.BaseUrl.ToString().TrimEnd('/'),
            Gateway = host.BaseUrl.ToString().TrimEnd('/'),
            Mcp = host.McpUrl.ToString(),
            Approvals = host.ApprovalsUrl.ToString(),
            OpenApi = host.OpenApiUrl.ToString(),
            DemoAgent = new DemoAccountInfo { Id = DemoAccounts.AgentId, Org = DemoAccounts.OrgId, Policies = DemoAccounts.AgentPolicies, Key = host.Demo.AgentKey },
            DemoApprover = new DemoAccountInfo { Id = DemoAccounts.ApproverId, Org = DemoAccounts.OrgId, Key = host.Demo.ApproverKey },
        };
        output.WriteLine(JsonSerializer.Serialize(info, ServeJsonContext.Default.ServeInfo));
        output.Flush();
    }
}

internal sealed class ServeInfo
{
    public required string Mode { get; init; }
    public required string DataDir { get; init; }
    public required string Jira { get; init; }
    public required string Gateway { get; init; }
    public required string Mcp { get; init; }
    public required string Approvals { get; init; }
    public required string OpenApi { get; init; }
    public DemoAccountInfo? DemoAgent { get; init; }
    public DemoAccountInfo? DemoApprover { get; init; }
    public string? Config { get; init; }
    public IReadOnlyList<ConnectionInfo>? Connections { get; init; }
    public IReadOnlyList<ConfigAgentInfo>? Agents { get; init; }
    public IReadOnlyList<string>? AgentsNotInFile { get; init; }
    public int? Approvers { get; init; }
    public IReadOnlyList<ChannelInfo>? ApprovalChannels { get; init; }
}

/// <summary>A demo account; <see cref="Key"/> only on the run that created it.</summary>
internal sealed class DemoAccountInfo
{
    public required string Id { get; init; }
    public required string Org { get; init; }
    public IReadOnlyList<string>? Policies { get; init; }
    public string? Key { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ServeInfo))]
[JsonSerializable(typeof(JiraGate.Cli.Commands.CallOutput))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonObject))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class ServeJsonContext : JsonSerializerContext;
