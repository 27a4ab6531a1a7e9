using JiraGate.Jira.Authentication;
using JiraGate.Jira.Models;
using JiraGate.Jira.Tests.Infrastructure;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Model;

namespace JiraGate.Jira.Tests.Issues;

/// <summary>A client as Alice against one sandbox per test class, with every request and body recorded.</summary>
public abstract class IssueSandboxTestBase(SandboxFixture sandbox) : IDisposable
{
    private ServiceProvider? _services;
    private ServiceProvider? _adaServices;

    internal BodyRecordingHandler Wire { get; } = new();

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected SandboxFixture Sandbox { get; } = sandbox;

    protected bool IsCloud => Sandbox.Flavor == SandboxFlavor.Cloud;

    /// <summary>/rest/api/3 on Cloud, /rest/api/2 on Data Center.</summary>
    protected string Api => IsCloud ? "/rest/api/3" : "/rest/api/2";

    protected JiraClient Jira => (_services ??= JiraTestServices.ForSandbox(Sandbox.Host, JiraTestServices.Alice(Sandbox.Flavor),
        builder: b => b.HttpClient.AddHttpMessageHandler(() => Wire))).GetRequiredService<JiraClient>();

    /// <summary>Ada, an administrator of SEC: she may delete issues (Alice may not).</summary>
    protected JiraClient AdaJira => (_adaServices ??= JiraTestServices.ForSandbox(Sandbox.Host, IsCloud
        ? new ApiTokenCredentials(DemoCredentials.Ada.Email, DemoCredentials.Ada.ApiToken)
        : new PersonalAccessTokenCredentials(DemoCredentials.Ada.PersonalAccessToken))).GetRequiredService<JiraClient>();

    /// <summary>How the deployment names Alice: account id on Cloud, username on Data Center.</summary>
    protected async Task<string> MeAsync()
    {
        var me = await Jira.Users.GetMyselfAsync(Ct);
        return (IsCloud ? me.AccountId : me.Name)!;
    }

    protected static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..12];

    protected async Task<CreatedIssue> CreateTaskAsync(string summary, Func<IssueWrite, IssueWrite>? more = null)
    {
        var write = new IssueWrite().Project("SEC").IssueType("Task").Summary(summary);
        return await Jira.Issues.CreateIssueAsync(more is null ? write : more(write), cancellationToken: Ct);
    }

    public void Dispose()
    {
        _services?.Dispose();
        _adaServices?.Dispose();
        GC.SuppressFinalize(this);
    }
}
