using JiraGate.Jira.Tests.Infrastructure;
using SandboxFlavor = JiraGate.Sandbox.Model.SandboxFlavor;

namespace JiraGate.Jira.Tests.Agile;

/// <summary>
/// A client for Alice against the class's read-only sandbox, with every attempt on the wire recorded. The demo
/// site has scrum boards 42 (SEC, sprints 1 closed, 2 active, 3 future) and 43 (ENG, sprints 4–6), and kanban board 44 (OPS).
/// </summary>
public abstract class AgileTestBase(SandboxFixture sandbox) : IDisposable
{
    private ServiceProvider? _services;

    private protected RecordingHandler Wire { get; } = new();

    protected SandboxFlavor Flavor => sandbox.Flavor;

    protected bool IsCloud => sandbox.Flavor == SandboxFlavor.Cloud;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected JiraClient Jira => (_services ??= JiraTestServices.ForSandbox(sandbox.Host, JiraTestServices.Alice(sandbox.Flavor),
        builder: b => b.HttpClient.AddHttpMessageHandler(() => Wire))).GetRequiredService<JiraClient>();

    /// <summary>The attempts whose path is exactly <paramref name="path"/>.</summary>
    private protected List<Uri> Calls(string path) => [.. Wire.Attempts.Select(a => a.Uri).Where(u => u.AbsolutePath == path)];

    /// <summary>The issue-list path for this flavour: software 1.0 on Cloud, agile 1.0 on Data Center.</summary>
    protected string IssueListPath(string rest) => (IsCloud ? "/rest/software/1.0" : "/rest/agile/1.0") + rest;

    public void Dispose()
    {
        _services?.Dispose();
        GC.SuppressFinalize(this);
    }
}
