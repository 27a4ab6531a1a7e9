namespace JiraGate.Cli.Hosting;

/// <summary>The banner of <c>serve --config</c>: connections, the file's agents (new keys once), approval channels.</summary>
internal static partial class ServeBanner
{
    private static void WriteConfigured(TextWriter output, ServeHost host)
    {
        var config = host.Config!;
        var agents = host.Agents;
        var w = new List<string>
        {
            $"JiraGate — configured by {config.File} (SQLite at {host.Data.Display()})",
            "",
            $"  gateway    {host.BaseUrl.ToString().TrimEnd('/')}",
            $"  MCP        {host.McpUrl}",
            $"  approvals  {host.ApprovalsUrl}",
            $"  OpenAPI    {host.OpenApiUrl}",
            "",
        };
        if (config.HasConnections)
        {
            foreach (var site in config.Sites)
            {
                w.Add($"  Jira {site.Name,-10} {site.Description}");
            }
        }
        else
        {
            w.Add($"  Jira       {host.Jira.Description} (no 'connections' in the file)");
        }
        foreach (var agent in config.Agents)
        {
            var state = agents.NewKeys.ContainsKey(agent.Id) ? "created" : agents.Updated.Contains(agent.Id) ? "updated" : "unchanged";
            w.Add($"  agent {agent.Id,-16} → {agent.ResolvedConnection ?? "sandbox"}, policies {string.Join(" + ", agent.Policies.Select(p => p.Value))} ({state})");
        }
        foreach (var channel in config.Channels)
        {
            w.Add($"  approvals → {channel.Name} (webhook; {Filter(channel)})");
        }
        if (agents.NewKeys.Count > 0)
        {
            w.Add("");
            w.Add("  Keys — shown ONCE, now; copy them (JiraGate keeps only their hashes):");
            foreach (var (id, key) in agents.NewKeys)
            {
                w.Add($"    {id,-16} {key}");
            }
        }
        if (agents.NotInFile.Count > 0)
        {
            w.Add("");
            w.Add($"  Not in {Path.GetFileName(config.File)}, left as they are: {string.Join(", ", agents.NotInFile)} ('jiragate agents disable ID' to stop one).");
        }
        if (agents.OrgKept.Count > 0)
        {
            w.Add($"  Organisation kept (never changed by the file): {string.Join(", ", agents.OrgKept)}.");
        }
        if (agents.Approvers == 0)
        {
            var org = config.Agents.Select(a => a.Org).FirstOrDefault(o => o is not null) ?? AgentConfig.DefaultOrg;
            w.Add("");
            w.Add($"  No approver yet: requests that need a human wait until one signs in. Add one with 'jiragate approvers add alice --org {org}'.");
        }
        w.Add("");
        w.Add("Ctrl+C stops.");
        foreach (var line in w)
        {
            output.WriteLine(line);
        }
        output.Flush();
    }

    private static string Filter(ApprovalChannel channel) =>
        channel.Risks.Count == 0 && channel.Policies.Count == 0 ? "every pending approval"
        : string.Join("; ", new[]
        {
            channel.Risks.Count > 0 ? "risks " + string.Join(", ", channel.Risks) : null,
            channel.Policies.Count > 0 ? "policies " + string.Join(", ", channel.Policies) : null,
        }.Where(p => p is not null));

    private static ServeInfo ConfiguredInfo(ServeHost host)
    {
        var config = host.Config!;
        return new ServeInfo
        {
            Mode = "config",
            Config = Path.GetFullPath(config.File),
            DataDir = host.Data.Root,
            Jira = host.Jira.BaseUrl.ToString().TrimEnd('/'),
            Gateway = host.BaseUrl.ToString().TrimEnd('/'),
            Mcp = host.McpUrl.ToString(),
            Approvals = host.ApprovalsUrl.ToString(),
            OpenApi = host.OpenApiUrl.ToString(),
            Connections = [.. config.Sites.Select(s => new ConnectionInfo
            {
                Name = s.Name,
                BaseUrl = s.BaseUrl.ToString().TrimEnd('/'),
                Deployment = s.Deployment switch { Jira.JiraDeployment.Cloud => "cloud", Jira.JiraDeployment.DataCenter => "data_center", _ => "auto" },
                Credential = s.CredentialPath,
            })],
            Agents = [.. config.Agents.Select(a => new ConfigAgentInfo
            {
                Id = a.Id,
                Connection = a.ResolvedConnection,
                Policies = [.. a.Policies.Select(p => p.Value)],
                State = host.Agents.NewKeys.ContainsKey(a.Id) ? "created" : host.Agents.Updated.Contains(a.Id) ? "updated" : "unchanged",
                Key = host.Agents.NewKeys.GetValueOrDefault(a.Id),
            })],
            AgentsNotInFile = host.Agents.NotInFile,
            Approvers = host.Agents.Approvers,
            ApprovalChannels = [.. config.Channels.Select(c => new ChannelInfo { Name = c.Name, Kind = "webhook", Risks = c.Risks, Policies = c.Policies })],
        };
    }
}

internal sealed class ConnectionInfo
{
    public required string Name { get; init; }
    public required string BaseUrl { get; init; }
    public required string Deployment { get; init; }
    public string? Credential { get; init; }
}

/// <summary>An agent of the config file; <see cref="Key"/> only on the run that created it.</summary>
internal sealed class ConfigAgentInfo
{
    public required string Id { get; init; }
    public string? Connection { get; init; }
    public required IReadOnlyList<string> Policies { get; init; }
    public required string State { get; init; }
    public string? Key { get; init; }
}

internal sealed class ChannelInfo
{
    public required string Name { get; init; }
    public required string Kind { get; init; }
    public required IReadOnlyList<string> Risks { get; init; }
    public required IReadOnlyList<string> Policies { get; init; }
}
