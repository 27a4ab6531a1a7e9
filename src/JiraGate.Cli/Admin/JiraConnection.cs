using System.CommandLine;
using JiraGate.Governance.Vault;
using JiraGate.Jira;
using JiraGate.Cli.Hosting;

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
        if (url is not null && OutboundUrls.Problem(url, allowInsecureHttp: false, allowQuery: false) is { } refused)
        {
            throw CliError.Usage($"--jira-url is refused: {refused}");
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

/// <summary>
/// A Jira client for a command's life, over one <see cref="JiraSite"/> — a site whose credentials are in the vault, or the
/// in-process sandbox as <c>serve</c> runs it; remembers Jira's Date header.
/// </summary>
internal sealed class JiraConnection : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly JiraBackend? _sandbox;

    private JiraConnection(ServiceProvider provider, JiraBackend? sandbox, string target, ResponseDates dates)
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

    /// <summary>A site whose credentials are in the vault at <paramref name="credentialPath"/> (<c>--jira-url</c>, <c>--jira-credential</c>).</summary>
    public static async Task<JiraConnection> OpenAsync(Uri url, string credentialPath, IVault vault, CancellationToken ct)
    {
        VaultEntry? entry;
        try
        {
            entry = await vault.TryGetAsync(credentialPath, ct);
        }
        catch (ArgumentException)
        {
            throw CliError.Usage($"'{credentialPath}' is not a vault path; write it like jira/acme.");
        }
        if (entry is null)
        {
            throw CliError.Usage($"The vault has no entry '{credentialPath}'; add it with 'jiragate vault set {credentialPath} --kind api-token --email …'.");
        }
        if (JiraSite.CredentialProblem(entry, JiraDeployment.Auto, url) is { } problem)
        {
            throw CliError.Usage($"Vault entry '{credentialPath}' {problem}.");
        }
        return Open(JiraSite.FromVault("", url, credentialPath, entry), vault);
    }

    /// <summary>A connection of jiragate.yaml (its credentials already read from <paramref name="vault"/>).</summary>
    public static JiraConnection Open(JiraSite site, IVault vault) =>
        Build(site, null, $"{(site.Name.Length > 0 ? site.Name + ": " : "")}{site.BaseUrl}", vault);

    /// <summary>The in-process sandbox with its service account, the way <c>jiragate serve</c> runs without configuration.</summary>
    public static async Task<JiraConnection> StartSandboxAsync(CancellationToken ct)
    {
#pragma warning disable CA2000 // owned by the connection, which disposes it (or disposed below on failure)
        var backend = await JiraBackend.StartSandboxAsync(port: 0, ct);
#pragma warning restore CA2000
        try
        {
            return Build(backend.Sites[0], backend, "in-process " + backend.Description, null);
        }
        catch
        {
            await backend.DisposeAsync();
            throw;
        }
    }

    private static JiraConnection Build(JiraSite site, JiraBackend? sandbox, string target, IVault? vault)
    {
        var dates = new ResponseDates();
        var services = new ServiceCollection();
        services.AddLogging();
        if (vault is not null)
        {
            // OAuth sites save rotated refresh tokens back to it.
            services.AddSingleton(vault);
        }
        var client = services.AddJiraClient(o =>
        {
            // A person is waiting at the terminal: answer quickly rather than retry for minutes.
            o.Retry.MaxRetries = 1;
            o.Retry.InitialDelay = TimeSpan.FromMilliseconds(200);
            o.AttemptTimeout = TimeSpan.FromSeconds(15);
            o.TotalTimeout = TimeSpan.FromSeconds(30);
        });
        services.AddOptions<JiraClientOptions>().Configure<IServiceProvider>((o, sp) => site.Apply(o, sp));
        client.HttpClient.AddHttpMessageHandler(() => new DateRecordingHandler(dates));
        if (!site.IsSandbox)
        {
            client.HttpClient.ConfigurePrimaryHttpMessageHandler(OutboundUrls.CreateGuardedHandler);
        }
        services.AddHttpClient(JiraSite.OAuthHttpClientName).ConfigurePrimaryHttpMessageHandler(OutboundUrls.CreateGuardedHandler);
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
