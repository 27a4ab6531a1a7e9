using JiraGate.Jira.Authentication;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Model;

namespace JiraGate.Cli.Hosting;

/// <summary>The Jira site a command talks to: where it is, how to sign in, and the in-process sandbox when it is one.</summary>
internal sealed class JiraBackend : IAsyncDisposable
{
    /// <summary>The sandbox's port in the embedded default; taken if free, else any free port.</summary>
    public const int DefaultSandboxPort = 5181;

    private JiraBackend(Uri baseUrl, JiraCredentials credentials, string description, SandboxHost? sandbox)
    {
        BaseUrl = baseUrl;
        Credentials = credentials;
        Description = description;
        Sandbox = sandbox;
    }

    public Uri BaseUrl { get; }

    public JiraCredentials Credentials { get; }

    /// <summary>What this is, for the banner (never a secret).</summary>
    public string Description { get; }

    /// <summary>The in-process sandbox, when the backend is one.</summary>
    public SandboxHost? Sandbox { get; }

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
        return new JiraBackend(sandbox.BaseUrl, new ApiTokenCredentials(bot.Email, bot.ApiToken),
            $"sandbox Jira (in-process, demo site) at {sandbox.BaseUrl.ToString().TrimEnd('/')} as {bot.Email}", sandbox);
    }

    /// <summary>The sandbox a running <c>jiragate serve</c> hosts (see <see cref="RunningServe"/>), as its service account; nothing to stop.</summary>
    public static JiraBackend ForRunningSandbox(Uri baseUrl)
    {
        var bot = DemoCredentials.Bot;
        return new JiraBackend(baseUrl, new ApiTokenCredentials(bot.Email, bot.ApiToken),
            $"sandbox Jira of the running 'jiragate serve' at {baseUrl.ToString().TrimEnd('/')} as {bot.Email}", sandbox: null);
    }

    public async ValueTask DisposeAsync()
    {
        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync();
        }
    }
}
