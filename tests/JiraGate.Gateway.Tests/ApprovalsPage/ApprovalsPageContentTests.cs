using System.Net;
using JiraGate.Gateway.ApprovalsPage;

namespace JiraGate.Gateway.Tests.ApprovalsPage;

/// <summary>What the page shows: encoded, redacted, with current → new values.</summary>
public sealed class ApprovalsPageContentTests
{
    private static Task<PageHost> StartAsync(FakePreviewSource? preview = null) =>
        PageHost.StartAsync(s => s.AddSingleton<IIssuePreviewSource>(preview ?? FakePreviewSource.WithSec456()));

    private static async Task<(PageClient Client, Page Detail, Page List)> OpenAsync(PageHost host, string operation, string args, string risk = "high")
    {
        var approval = await host.RequestAsync(operation, args, risk);
        var client = host.NewClient();
        await client.SignInAsync(host.AliceKey);
        var list = await client.GetAsync("/approvals");
        var detail = await client.GetAsync($"/approvals/{approval.Id}");
        Assert.Equal(HttpStatusCode.OK, detail.Status);
        return (client, detail, list);
    }

    [Fact]
    public async Task ScriptInArguments_EncodedEverywhere()
    {
        await using var host = await StartAsync();
        var (client, detail, list) = await OpenAsync(host, "issues:update",
            """{"issue_key":"SEC-456","summary":"<script>alert('x')</script>","labels":["\"><img src=x onerror=alert(1)>"]}""", "medium");
        using var _ = client;

        foreach (var html in new[] { detail.Html, list.Html })
        {
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        }
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", detail.Html, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;", detail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScriptInComment_EncodedInHistory()
    {
        await using var host = await StartAsync();
        var approval = await host.RequestAsync("issues:delete", """{"issue_key":"SEC-456"}""");
        using var client = host.NewClient();
        await client.SignInAsync(host.AliceKey);
        await client.GetAsync($"/approvals/{approval.Id}");
        await client.PostAsync($"/approvals/{approval.Id}/deny", new Dictionary<string, string> { ["comment"] = "<script>steal()</script>" });

        var list = await client.GetAsync("/approvals");
        var detail = await client.GetAsync($"/approvals/{approval.Id}");

        Assert.DoesNotContain("<script>steal", list.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>steal", detail.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;steal()&lt;/script&gt;", detail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecretsInArguments_RedactedAsInTheAuditLog()
    {
        await using var host = await StartAsync();
        var (client, detail, _) = await OpenAsync(host, "issues:update",
            """{"issue_key":"SEC-456","custom_fields":{"api_token":"canary-7f3a9c","customfield_10010":"Bearer abcdefghij0123456789"}}""", "medium");
        using var __ = client;

        Assert.DoesNotContain("canary-7f3a9c", detail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("abcdefghij0123456789", detail.Html, StringComparison.Ordinal);
        Assert.Contains("[redacted]", detail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AttachmentContent_ShownAsDigestOnly()
    {
        await using var host = await StartAsync();
        var content = Convert.ToBase64String("secret file body, do not show"u8.ToArray());
        var (client, detail, _) = await OpenAsync(host, "attachments:upload",
            $$"""{"issue_key":"SEC-456","file_name":"x.txt","content_base64":"{{content}}"}""", "medium");
        using var __ = client;

        Assert.DoesNotContain(content, detail.Html, StringComparison.Ordinal);
        Assert.Contains("sha256", detail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_ShowsCurrentAndNewValuePerField()
    {
        await using var host = await StartAsync();
        var (client, detail, _) = await OpenAsync(host, "issues:update",
            """{"issue_key":"SEC-456","summary":"Confirmed credential stuffing","priority":"High","labels":["soc","incident"]}""", "medium");
        using var __ = client;

        Assert.Contains("Update SEC-456 &#x27;Suspicious login from 198.51.100.42&#x27;: fields summary, priority, labels.", detail.Html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">summary</th><td class=\"old\">Suspicious login from 198.51.100.42</td><td class=\"new\">Confirmed credential stuffing</td>", detail.Html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">priority</th><td class=\"old\">Medium</td><td class=\"new\">High</td>", detail.Html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">labels</th><td class=\"old\">soc</td><td class=\"new\">soc, incident</td>", detail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreviewSourceDown_ShowsRequestedValuesAndSaysSo()
    {
        var preview = FakePreviewSource.WithSec456();
        preview.Fail = true;
        await using var host = await StartAsync(preview);
        var (client, detail, _) = await OpenAsync(host, "issues:delete", """{"issue_key":"SEC-456","delete_subtasks":true}""");
        using var __ = client;

        Assert.Contains("Delete SEC-456 permanently, together with its subtasks.", detail.Html, StringComparison.Ordinal);
        Assert.Contains("could not be read from Jira", detail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detail_KeyboardOperable_LabelledFieldsAndRealButtons()
    {
        await using var host = await StartAsync();
        var (client, detail, _) = await OpenAsync(host, "issues:delete", """{"issue_key":"SEC-456"}""");
        using var __ = client;

        Assert.Contains("<a class=\"skip\" href=\"#main\">", detail.Html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"comment\">", detail.Html, StringComparison.Ordinal);
        Assert.Contains("<textarea id=\"comment\"", detail.Html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\" class=\"button primary\">Approve and execute</button>", detail.Html, StringComparison.Ordinal);
        Assert.Contains("formaction=\"/approvals/", detail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("tabindex=\"1", detail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", detail.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UnknownApproval_404Page()
    {
        await using var host = await StartAsync();
        using var client = host.NewClient();
        await client.SignInAsync(host.AliceKey);

        var page = await client.GetAsync("/approvals/apr_doesnotexist");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("There is no approval apr_doesnotexist in org-acme.", page.Html, StringComparison.Ordinal);
    }
}
