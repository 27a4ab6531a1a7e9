using System.CommandLine;
using JiraGate.Governance.Vault;
using JiraGate.Jira;
using JiraGate.Jira.Authentication;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Model;

namespace JiraGate.Cli.Admin;

/// <summary>
/// <c>--jira-url</c> and <c>--jira-credential</c> (a vault path), or JIRAGATE_JIRA_URL / JIRAGATE_JIRA_CREDENTIAL: the
/// Jira site the admin commands talk to. With neither, <c>doctor</c> checks the in-process sandbox as <c>serve</c> uses it.
/// </summary>
internal sealed class JiraConnectionOptions
{
    public const string UrlVariable = "JIRAGATE_JIRA_URL";
    public const string CredentialVariable = "JIRAGATE_JIRA_CREDENTIAL";

    public Option<string> Url { get; } = new("--jira-url") { Description = "The Jira site (env " + UrlVariable + ")", HelpName = "url" };

    public Option<string> Credential { get; } = new("--jira-credential")
    {
        Description = "The vault path of the site's credentials, e.g. jira/acme (env " + CredentialVariable + ")",
        HelpName = "path",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(Credential);
    }

    /// <summary>The configured site, or null when none is given.</summary>
    public (Uri Url, string Credential)? Resolve(AdminInvocation run)
    {
        var text = run.Get(Url) is { Length: > 0 } given ? given : Environment.GetEnvironmentVariable(UrlVariable);
        Uri? url = null;
        if (!string.IsNullOrEmpty(text)
            && (!Uri.TryCreate(text, UriKind.Absolute, out url) || url.Scheme is not ("http" or "https")))
        {
            throw CliError.Usage($"'{text}' is not a Jira site URL; write it like https://acme.atlassian.net.");
        }
        var credential = run.Get(Credential) ?? Environment.GetEnvironmentVariable(CredentialVariable);
        if (url is null && string.IsNullOrEmpty(credential))
        {
            return null;
        }
        if (url is null || string.IsNullOrEmpty(credential))
        {
            throw CliError.Usage("Give both --jira-url and --jira-credential (a vault path; store it with 'jiragate vault set').");
        }
        return (url, credential);
    }
}

/// <summary>A Jira client for a command's life, over a real site or the in-process sandbox; remembers Jira's Date header.</summary>
internal sealed class JiraConnection : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly SandboxHost? _sandbox;

    private JiraConnection(ServiceProvider provider, SandboxHost? sandbox, string target, ResponseDates dates)
    {
        _provider = provider;
        _sandbox = sandbox;
        Target = target;
        Dates = dates;
    }

    public JiraClient Client => _provider.GetRequiredService<JiraClient>();

    /// <summary>What is connected to, for people: the URL, or "in-process sandbox (…)".</summary>
    public string Target { get; }

    public bool IsSandbox => _sandbox is not null;

    /// <summary>The Date header of Jira's last answer.</summary>
    public ResponseDates Dates { get; }

    /// <summary>A site whose credentials are in the vault at <paramref name="credentialPath"/>.</summary>
    public static async Task<JiraConnection> OpenAsync(Uri url, string credentialPath, IVault vault, CancellationToken ct)
    {
        var entry = await vault.TryGetAsync(credentialPath, ct)
            ?? throw CliError.Usage($"The vault has no entry '{credentialPath}'; add it with 'jiragate vault set {credentialPath} --kind api-token --email …'.");
        if (entry is OAuthClientEntry)
        {
            throw CliError.Usage($"Vault entry '{credentialPath}' is an OAuth client; the admin commands need an api-token, scoped-token, pat or basic entry (serve handles OAuth).");
        }
        return Build(url, entry.ToJiraCredentials(), null, url.ToString());
    }

    /// <summary>The in-process sandbox with its demo account, the way <c>jiragate serve</c> runs without configuration.</summary>
    public static async Task<JiraConnection> StartSandboxAsync(CancellationToken ct)
    {
        var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Flavor = SandboxFlavor.Cloud }, ct);
        var credentials = new ApiTokenCredentials(DemoCredentials.Ada.Email, DemoCredentials.Ada.ApiToken);
        return Build(sandbox.BaseUrl, credentials, sandbox, $"in-process sandbox ({sandbox.BaseUrl}, demo account {DemoCredentials.Ada.Email})");
    }

    private static JiraConnection Build(Uri url, JiraCredentials credentials, SandboxHost? sandbox, string target)
    {
        var dates = new ResponseDates();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddJiraClient(o =>
        {
            o.BaseUrl = url;
            if (sandbox is not null)
            {
                o.ApiGatewayBaseUrl = url;
            }
            o.Credentials = credentials;
            // A person is waiting at the terminal: answer quickly rather than retry for minutes.
            o.Retry.MaxRetries = 1;
            o.Retry.InitialDelay = TimeSpan.FromMilliseconds(200);
            o.AttemptTimeout = TimeSpan.FromSeconds(15);
            o.TotalTimeout = TimeSpan.FromSeconds(30);
        }).HttpClient.AddHttpMessageHandler(() => new DateRecordingHandler(dates));
        return new JiraConnection(services.BuildServiceProvider(), sandbox, target, dates);
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }

    internal sealed class ResponseDates
    {
        private readonly Lock _gate = new();
        private DateTimeOffset? _last;

        public DateTimeOffset? Last
        {
            get
            {
                lock (_gate)
                {
                    return _last;
                }
            }
            set
            {
                lock (_gate)
                {
                    _last = value;
                }
            }
        }
    }

    private sealed class DateRecordingHandler(ResponseDates dates) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.Date is { } date)
            {
                dates.Last = date;
            }
            return response;
        }
    }
}
