using JiraGate.Jira.Authentication;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Model;

namespace JiraGate.Cli.Hosting;

/// <summary>
/// The Jira sites a serving command talks to: the connections of jiragate.yaml (and which agent uses which), or — with
/// no connections — the in-process sandbox as the one site.
/// </summary>
internal sealed class JiraBackend : IAsyncDisposable
{
    /// <summary>The sandbox's port in the embedded default; taken if free, else any free port.</summary>
    public const int DefaultSandboxPort = 5181;

    private JiraBackend(IReadOnlyList<JiraSite> sites, IReadOnlyDictionary<string, string> agentConnections, string description, SandboxHost? sandbox)
    {
        Sites = sites;
        AgentConnections = agentConnections;
        Description = description;
        Sandbox = sandbox;
    }

    /// <summary>At least one site; the first is the default when there is only one.</summary>
    public IReadOnlyList<JiraSite> Sites { get; }

    /// <summary>Agent id → the name of the site its calls go to (from jiragate.yaml).</summary>
    public IReadOnlyDictionary<string, string> AgentConnections { get; }

    /// <summary>The site whose Jira client is named <paramref name="name"/>.</summary>
    public JiraSite Site(string name) => Sites.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"No Jira site named '{name}' (sites: {string.Join(", ", Sites.Select(s => s.Name))}).");

    /// <summary>The first site's URL.</summary>
    public Uri BaseUrl => Sites[0].BaseUrl;

    /// <summary>What this is, for the banner (never a secret).</summary>
    public string Description { get; }

    /// <summary>The in-process sandbox, when the backend is one.</summary>
    public SandboxHost? Sandbox { get; }

    /// <summary>The connections of a checked config; agents are routed to theirs.</summary>
    public static JiraBackend FromConfig(GatewayConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var routes = config.Agents.Where(a => a.ResolvedConnection is not null).ToDictionary(a => a.Id, a => a.ResolvedConnection!, StringComparer.Ordinal);
        var description = config.Sites.Count == 1
            ? "Jira " + config.Sites[0].Name + " at " + config.Sites[0].BaseUrl.ToString().TrimEnd('/')
            : $"{config.Sites.Count} Jira connections: {string.Join(", ", config.Sites.Select(s => s.Name))}";
        return new JiraBackend(config.Sites, routes, description, null);
    }

    /// <summary>
    /// Starts the offline Jira in this process (demo site, Cloud) and signs in as its service account, jiragate-bot
    /// (project admin of SEC, ENG and OPS). <paramref name="port"/> null: 5181 if free, else any free port.
    /// </summary>
    public static async Task<JiraBackend> StartSandboxAsync(int? port, CancellationToken ct)
    {
        SandboxHost sandbox;
        if (port is { } fixedPort)
        {
            sandbox = await SandboxHost.StartAsync(new SandboxOptions { Port = fixedPort, Flavor = SandboxFlavor.Cloud }, ct);
        }
        else
        {
            try
            {
                sandbox = await SandboxHost.StartAsync(new SandboxOptions { Port = DefaultSandboxPort, Flavor = SandboxFlavor.Cloud }, ct);
            }
            catch (IOException)
            {
                // 5181 is taken (a standalone sandbox, another serve): any free port will do.
                sandbox = await SandboxHost.StartAsync(new SandboxOptions { Port = 0, Flavor = SandboxFlavor.Cloud }, ct);
            }
        }
        var bot = DemoCredentials.Bot;
        var description = $"sandbox Jira (in-process, demo site) at {sandbox.BaseUrl.ToString().TrimEnd('/')} as {bot.Email}";
        var credentials = new ApiTokenCredentials(bot.Email, bot.ApiToken);
        var site = new JiraSite
        {
            Name = "",
            BaseUrl = sandbox.BaseUrl,
            Credentials = _ => credentials,
            IsSandbox = true,
            Description = description,
        };
        return new JiraBackend([site], new Dictionary<string, string>(), description, sandbox);
    }

    /// <summary>The sandbox a running <c>jiragate serve</c> hosts (see <see cref="RunningServe"/>), as its service account; nothing to stop.</summary>
    public static JiraBackend ForRunningSandbox(Uri baseUrl)
    {
        var bot = DemoCredentials.Bot;
        var description = $"sandbox Jira of the running 'jiragate serve' at {baseUrl.ToString().TrimEnd('/')} as {bot.Email}";
        var credentials = new ApiTokenCredentials(bot.Email, bot.ApiToken);
        var site = new JiraSite { Name = "", BaseUrl = baseUrl, Credentials = _ => credentials, IsSandbox = true, Description = description };
        return new JiraBackend([site], new Dictionary<string, string>(), description, sandbox: null);
    }

    public async ValueTask DisposeAsync()
    {
        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync();
        }
    }
}
