using JiraGate.Jira.Authentication;
using JiraGate.Jira.Tests.Infrastructure;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Model;

namespace JiraGate.Jira.Tests.SiteDirectory;

/// <summary>
/// The directory tests run once per flavour (a sealed subclass each) against one read-only sandbox, as several
/// demo users: Alice (analyst), Ada (Jira and project admin) and Grace (guest, browses ENG and OPS only).
/// </summary>
public abstract class DirectoryTestBase(SandboxFixture sandbox) : IDisposable
{
    private readonly List<ServiceProvider> _services = [];

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected SandboxFlavor Flavor => sandbox.Flavor;

    protected bool IsCloud => sandbox.Flavor == SandboxFlavor.Cloud;

    protected JiraClient Alice => As(DemoCredentials.Alice);

    protected JiraClient Ada => As(DemoCredentials.Ada);

    protected JiraClient Grace => As(DemoCredentials.Grace);

    /// <summary>A client as <paramref name="user"/> with its natural credentials (API token on Cloud, PAT on Data Center).</summary>
    private protected JiraClient As(DemoCredentials.DemoUser user, RecordingHandler? wire = null)
    {
        JiraCredentials credentials = IsCloud
            ? new ApiTokenCredentials(user.Email, user.ApiToken)
            : new PersonalAccessTokenCredentials(user.PersonalAccessToken);
        var services = JiraTestServices.ForSandbox(sandbox.Host, credentials,
            builder: wire is null ? null : b => b.HttpClient.AddHttpMessageHandler(() => wire));
        _services.Add(services);
        return services.GetRequiredService<JiraClient>();
    }

    /// <summary>A client whose token the sandbox refuses.</summary>
    protected JiraClient WithBadToken()
    {
        JiraCredentials credentials = IsCloud
            ? new ApiTokenCredentials(DemoCredentials.Alice.Email, "not-a-token")
            : new PersonalAccessTokenCredentials("not-a-pat");
        var services = JiraTestServices.ForSandbox(sandbox.Host, credentials, o => o.Deployment = IsCloud ? JiraDeployment.Cloud : JiraDeployment.DataCenter);
        _services.Add(services);
        return services.GetRequiredService<JiraClient>();
    }

    public void Dispose()
    {
        foreach (var services in _services)
        {
            services.Dispose();
        }
        GC.SuppressFinalize(this);
    }
}
