using System.Text.Json;
using JiraGate.Gateway.ApprovalsPage;
using JiraGate.Gateway.ApprovalsPage.Views;
using JiraGate.Governance.Catalog;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JiraGate.Gateway.Tests.ApprovalsPage;

public sealed class ChangePreviewBuilderTests
{
    private static async Task<ChangePreview> BuildAsync(string operation, string args, bool readCurrent = true)
    {
        var builder = new ChangePreviewBuilder(FakePreviewSource.WithSec456(), NullLogger<ChangePreviewBuilder>.Instance);
        using var doc = JsonDocument.Parse(args);
        return await builder.BuildAsync(OperationCatalog.Default[operation], doc.RootElement, readCurrent, null, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Assign_SaysWhoNowAndWhoNext()
    {
        var p = await BuildAsync("issues:assign", """{"issue_key":"SEC-456","assignee":"bob@example.com"}""");

        Assert.Equal("Assign SEC-456 'Suspicious login from 198.51.100.42' to bob@example.com (now: Alice Analyst <alice@example.com>).", p.Sentence);
        Assert.Equal(new FieldChange("assignee", "Alice Analyst <alice@example.com>", "bob@example.com"), Assert.Single(p.Fields));
    }

    [Fact]
    public async Task Unassign_SaysUnassign()
    {
        var p = await BuildAsync("issues:assign", """{"issue_key":"SEC-456","assignee":null}""");

        Assert.StartsWith("Unassign SEC-456 'Suspicious login from 198.51.100.42'", p.Sentence, StringComparison.Ordinal);
        Assert.Equal("Unassigned", Assert.Single(p.Fields).New);
    }

    [Fact]
    public async Task Transition_ByStatus_ShowsCurrentStatus()
    {
        var p = await BuildAsync("issues:transition", """{"issue_key":"SEC-456","status":"In Progress","comment":"Taking it"}""");

        Assert.Equal("Move SEC-456 'Suspicious login from 198.51.100.42' (now Open) to status 'In Progress'.", p.Sentence);
        Assert.Contains(new FieldChange("status", "Open", "In Progress"), p.Fields);
        Assert.Contains(new FieldChange("comment (added)", null, "Taking it"), p.Fields);
    }

    [Fact]
    public async Task Create_ListsTheNewIssuesFields()
    {
        var p = await BuildAsync("issues:create", """{"project_key":"SEC","issue_type":"Bug","summary":"Phishing wave","labels":["soc"]}""");

        Assert.Equal("Create a new Bug in project SEC: 'Phishing wave'.", p.Sentence);
        Assert.False(p.ShowsCurrent);
        Assert.Contains(new FieldChange("labels", null, "soc"), p.Fields);
    }

    [Fact]
    public async Task Delete_WithoutReading_KeyOnly()
    {
        var p = await BuildAsync("issues:delete", """{"issue_key":"SEC-456"}""", readCurrent: false);

        Assert.Equal("Delete SEC-456 permanently.", p.Sentence);
        Assert.Null(p.Note);
    }

    [Fact]
    public async Task Delete_UnknownIssue_SaysNotFound()
    {
        var p = await BuildAsync("issues:delete", """{"issue_key":"SEC-999"}""");

        Assert.Equal("Delete SEC-999 permanently.", p.Sentence);
        Assert.Contains("was not found", p.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void ExecutorSnapshot_ReadsTheIssueView()
    {
        using var doc = JsonDocument.Parse("""
            {"key":"SEC-1","summary":"S","status":"Open","priority":null,"labels":["a","b"],
             "assignee":{"account_id":"x","display_name":"Bob","email":"bob@example.com"},"components":[],
             "fields":{"Severity":"High"}}
            """);

        var s = ExecutorIssuePreviewSource.Parse("SEC-1", doc.RootElement);

        Assert.Equal("S", s.Summary);
        Assert.Equal("Open", s.Status);
        Assert.Null(s.Fields["priority"]);
        Assert.Equal("a, b", s.Fields["labels"]);
        Assert.Equal("Bob <bob@example.com>", s.Fields["assignee"]);
        Assert.Null(s.Fields["components"]);
        Assert.Equal("High", s.Fields["severity"]);
    }

    [Fact]
    public void Html_EncodesEveryHoleButNotTheTemplate()
    {
        var evil = "<b onclick=\"x\">&'";
        var html = new Html().Append($"<p title=\"{evil}\">{evil}</p>{new HtmlFragment("<br>")}").ToString();

        Assert.Equal("<p title=\"&lt;b onclick=&quot;x&quot;&gt;&amp;&#x27;\">&lt;b onclick=&quot;x&quot;&gt;&amp;&#x27;</p><br>", html);
    }

    [Fact]
    public void SessionCookie_SecureWhenHttps_HttpOnlyStrict()
    {
        var services = new ServiceCollection();
        services.AddJiraGateApprovalsPage();
        using var provider = services.BuildServiceProvider();

        var cookie = provider.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(ApprovalsPageDefaults.AuthenticationScheme).Cookie;

        Assert.Equal(CookieSecurePolicy.SameAsRequest, cookie.SecurePolicy);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteMode.Strict, cookie.SameSite);
        Assert.Equal(ApprovalsPageDefaults.Path, cookie.Path);
    }
}
