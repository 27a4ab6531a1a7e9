using JiraGate.Governance.Vault;
using JiraGate.Jira;
using JiraGate.Jira.Authentication;
using JiraGate.Jira.Authentication.OAuth;

namespace JiraGate.Cli.Hosting;

/// <summary>
/// One Jira site a command talks to: where, as whom (credentials made from a vault entry, or the sandbox's account)
/// and how many requests at once. The one place vault entries become Jira credentials for the CLI.
/// </summary>
internal sealed class JiraSite
{
    /// <summary>The HttpClient OAuth token requests go through.</summary>
    public const string OAuthHttpClientName = "JiraGate.Cli.OAuth";

    /// <summary>The client's name: the connection's name in jiragate.yaml; empty for the one unnamed site.</summary>
    public required string Name { get; init; }

    public required Uri BaseUrl { get; init; }

    public JiraDeployment Deployment { get; init; } = JiraDeployment.Auto;

    /// <summary>The Jira client's per-site request gate.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>Makes the credentials once the container exists (OAuth needs its HTTP client factory and vault).</summary>
    public required Func<IServiceProvider, JiraCredentials> Credentials { get; init; }

    /// <summary>Atlassian's API gateway for scoped tokens and OAuth; null: the client's default.</summary>
    public Uri? ApiGatewayUrl { get; init; }

    /// <summary>The OAuth authorization server; null: Atlassian's.</summary>
    public Uri? AuthServerUrl { get; init; }

    /// <summary>The vault path of the credentials, when they come from the vault.</summary>
    public string? CredentialPath { get; init; }

    /// <summary>The in-process sandbox: it is also the API gateway, and local, so retries need not wait long.</summary>
    public bool IsSandbox { get; init; }

    /// <summary>What this is, for people (never a secret).</summary>
    public required string Description { get; init; }

    /// <summary>Sets a Jira client's options for this site.</summary>
    public void Apply(JiraClientOptions options, IServiceProvider services)
    {
        options.BaseUrl = BaseUrl;
        options.Credentials = Credentials(services);
        options.Deployment = Deployment;
        options.MaxConcurrentRequestsPerSite = MaxConcurrency;
        if (ApiGatewayUrl is not null)
        {
            options.ApiGatewayBaseUrl = ApiGatewayUrl;
        }
        if (IsSandbox)
        {
            options.ApiGatewayBaseUrl = BaseUrl;
            options.Retry.InitialDelay = TimeSpan.FromMilliseconds(50);
            options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        }
    }

    /// <summary>A site whose credentials are the vault entry <paramref name="entry"/> stored at <paramref name="credentialPath"/>.</summary>
    public static JiraSite FromVault(string name, Uri baseUrl, string credentialPath, VaultEntry entry, JiraDeployment deployment = JiraDeployment.Auto,
        int maxConcurrency = 8, Uri? apiGatewayUrl = null, Uri? authServerUrl = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Func<IServiceProvider, JiraCredentials> credentials = entry switch
        {
            OAuthClientEntry oauth => sp => OAuthCredentialsFor(oauth, credentialPath, apiGatewayUrl, authServerUrl, sp),
            _ => Constant(entry.ToJiraCredentials()),
        };
        return new JiraSite
        {
            Name = name,
            BaseUrl = baseUrl,
            Deployment = deployment,
            MaxConcurrency = maxConcurrency,
            ApiGatewayUrl = apiGatewayUrl,
            AuthServerUrl = authServerUrl,
            Credentials = credentials,
            CredentialPath = credentialPath,
            Description = $"{baseUrl.ToString().TrimEnd('/')} ({entry.Describe()}, vault {credentialPath})",
        };
    }

    /// <summary>Why the entry cannot sign in to a site of this kind, or null when it can.</summary>
    public static string? CredentialProblem(VaultEntry entry, JiraDeployment deployment, Uri baseUrl)
    {
        var cloud = deployment == JiraDeployment.Cloud
            || (deployment == JiraDeployment.Auto && baseUrl.Host.EndsWith(".atlassian.net", StringComparison.OrdinalIgnoreCase));
        return entry switch
        {
            GenericSecretEntry => "is a generic secret, not Jira credentials; store an api-token, scoped-token, pat, basic or oauth-client entry",
            PersonalAccessTokenEntry or BasicPasswordEntry when cloud =>
                $"is a {VaultEntryKinds.ToName(entry.Kind)} entry, which Jira Cloud does not accept; store an API token (--kind api-token --email …)",
            ApiTokenEntry or ScopedApiTokenEntry or OAuthClientEntry when deployment == JiraDeployment.DataCenter =>
                $"is a {VaultEntryKinds.ToName(entry.Kind)} entry, a Jira Cloud credential; for Data Center store a personal access token (--kind pat)",
            _ => null,
        };
    }

    private static Func<IServiceProvider, JiraCredentials> Constant(JiraCredentials credentials) => _ => credentials;

    private static OAuthCredentials OAuthCredentialsFor(OAuthClientEntry entry, string path, Uri? apiGatewayUrl, Uri? authServerUrl, IServiceProvider services)
    {
        var options = new JiraOAuthOptions();
        entry.ApplyTo(options);
        options.ApiGatewayBaseUrl = apiGatewayUrl ?? options.ApiGatewayBaseUrl;
        options.AuthorizationServerBaseUrl = authServerUrl ?? options.AuthorizationServerBaseUrl;
        var client = new JiraOAuthClient(services.GetRequiredService<IHttpClientFactory>().CreateClient(OAuthHttpClientName), options,
            services.GetService<TimeProvider>(), services.GetService<ILoggerFactory>()?.CreateLogger<JiraOAuthClient>());
        // Rotated refresh tokens are saved back to the same vault entry before use.
        return entry.ToOAuthCredentials(client, services.GetRequiredService<IVault>(), path);
    }
}
