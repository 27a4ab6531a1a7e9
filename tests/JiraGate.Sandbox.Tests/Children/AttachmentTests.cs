using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Tests.Infrastructure;
using static JiraGate.Sandbox.Tests.Children.ChildTestSupport;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;

namespace JiraGate.Sandbox.Tests.Children;

public sealed class AttachmentTests(SandboxFixture sandbox)
{
    private const string Upload = "/rest/api/3/issue/" + SecIssue + "/attachments";

    internal static HttpRequestMessage UploadRequest(string path, bool xsrfToken = true, params (string Part, string Name, string Text)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (part, name, text) in files)
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            content.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "text/plain");
            form.Add(content, part, name);
        }
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
        if (xsrfToken)
        {
            request.Headers.Add("X-Atlassian-Token", "no-check");
        }
        return request;
    }

    [Fact]
    public async Task Upload_TwoFiles_Returns200ArrayAndRecordsHistory()
    {
        var (host, events) = await StartAsync();
        await using var _h = host;
        using var alice = host.CreateClient(DemoCredentials.Alice);
        using var request = UploadRequest(Upload, true, ("file", "ioc.txt", "198.51.100.42"), ("file", "../../shot.png", "PNG"));

        var body = (await (await alice.SendAsync(request, Ct)).ExpectAsync(HttpStatusCode.OK))!.AsArray();

        Assert.Equal(2, body.Count);
        Assert.Equal("ioc.txt", body[0]!["filename"]!.GetValue<string>());
        Assert.Equal(13, body[0]!["size"]!.GetValue<long>());
        Assert.Equal("text/plain", body[0]!["mimeType"]!.GetValue<string>());
        Assert.Equal("shot.png", body[1]!["filename"]!.GetValue<string>());
        Assert.NotNull(body[1]!["thumbnail"]);
        var issue = Issue(host, SecIssue);
        Assert.Contains(issue.Attachments, a => a.Filename == "ioc.txt");
        Assert.Equal(2, issue.Changelog[^1].Items.Count(i => i.Field == "Attachment" && i.ToString_ is not null));
        Assert.Equal(2, events.Names.Count(n => n == "attachment_created"));
        Assert.Contains("jira:issue_updated:issue_updated", events.Names);
    }

    [Fact]
    public async Task Upload_WithoutXsrfHeader_Gets403XsrfCheckFailed()
    {
        using var alice = sandbox.Client(DemoCredentials.Alice);
        using var request = UploadRequest(Upload, false, ("file", "a.txt", "a"));
        var response = await alice.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("XSRF check failed", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Upload_JsonBody_Gets415()
    {
        using var alice = sandbox.Client(DemoCredentials.Alice);
        using var request = new HttpRequestMessage(HttpMethod.Post, Upload) { Content = JsonBody("{}") };
        request.Headers.Add("X-Atlassian-Token", "no-check");
        await (await alice.SendAsync(request, Ct)).ExpectJiraErrorAsync(HttpStatusCode.UnsupportedMediaType, "multipart/form-data");
    }

    [Fact]
    public async Task Upload_NoFilePart_Gets400()
    {
        using var alice = sandbox.Client(DemoCredentials.Alice);
        using var request = UploadRequest(Upload, true, ("attachment", "a.txt", "a"));
        await (await alice.SendAsync(request, Ct)).ExpectJiraErrorAsync(HttpStatusCode.BadRequest, "multipart parts named");
    }

    [Fact]
    public async Task Upload_TooLargeOrTooMany_Gets413()
    {
        var (host, _) = await StartAsync();
        await using var _h = host;
        host.Site.Write(s => s.Data.AttachmentUploadLimit = 10);
        using var alice = host.CreateClient(DemoCredentials.Alice);
        using var big = UploadRequest(Upload, true, ("file", "big.txt", new string('x', 11)));
        await (await alice.SendAsync(big, Ct)).ExpectJiraErrorAsync(HttpStatusCode.RequestEntityTooLarge, "too large");

        var many = Enumerable.Range(0, 61).Select(i => ("file", $"f{i}.txt", "x")).ToArray();
        using var tooMany = UploadRequest(Upload, true, many);
        await (await alice.SendAsync(tooMany, Ct)).ExpectJiraErrorAsync(HttpStatusCode.RequestEntityTooLarge, "60 files");
        Assert.DoesNotContain(Issue(host, SecIssue).Attachments, a => a.Filename == "f0.txt");
    }

    [Fact]
    public async Task Upload_WithoutCreateAttachments_Gets403_HiddenIssueGets404()
    {
        using var grace = sandbox.Client(DemoCredentials.Grace);
        var eng = OpenIssueKey(sandbox.Host, "ENG");
        using var denied = UploadRequest($"/rest/api/3/issue/{eng}/attachments", true, ("file", "a.txt", "a"));
        await (await grace.SendAsync(denied, Ct)).ExpectJiraErrorAsync(HttpStatusCode.Forbidden, "You do not have permission to create attachments for this issue.");
        using var hidden = UploadRequest(Upload, true, ("file", "a.txt", "a"));
        await (await grace.SendAsync(hidden, Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound, "Issue does not exist");
    }

    [Fact]
    public async Task Metadata_Content_Redirect_And_Delete()
    {
        var (host, events) = await StartAsync();
        await using var _h = host;
        using var alice = host.CreateClient(DemoCredentials.Alice);
        using var bob = host.CreateClient(DemoCredentials.Bob);
        using var request = UploadRequest(Upload, true, ("file", "report.txt", "0123456789"));
        var id = (await (await alice.SendAsync(request, Ct)).ExpectAsync(HttpStatusCode.OK))![0]!["id"]!.GetValue<string>();

        var meta = (await (await alice.GetAsync($"/rest/api/3/attachment/{id}", Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture), meta["id"]!.GetValue<long>());
        Assert.IsType<JsonObject>(meta["properties"]);

        // Cloud: 303 to a media link that works without the Authorization header (which clients drop on redirect).
        using var noRedirect = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(SandboxHost.NoRedirectClientName);
        noRedirect.BaseAddress = host.BaseUrl;
        noRedirect.DefaultRequestHeaders.Authorization = alice.DefaultRequestHeaders.Authorization;
        var redirect = await noRedirect.GetAsync($"/rest/api/3/attachment/content/{id}", Ct);
        Assert.Equal(HttpStatusCode.SeeOther, redirect.StatusCode);
        using var anonymous = host.CreateClient();
        var media = await anonymous.GetAsync(redirect.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.OK, media.StatusCode);
        Assert.Equal("0123456789", await media.Content.ReadAsStringAsync(Ct));
        var forged = redirect.Headers.Location!.ToString().Replace("token=", "token=0", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync(new Uri(forged), Ct)).StatusCode);

        var direct = await alice.GetAsync($"/rest/api/3/attachment/content/{id}?redirect=false", Ct);
        Assert.Equal(HttpStatusCode.OK, direct.StatusCode);
        Assert.Equal("text/plain", direct.Content.Headers.ContentType!.MediaType);
        using var ranged = new HttpRequestMessage(HttpMethod.Get, $"/rest/api/3/attachment/content/{id}?redirect=false");
        ranged.Headers.Range = new RangeHeaderValue(2, 4);
        var partial = await alice.SendAsync(ranged, Ct);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal("234", await partial.Content.ReadAsStringAsync(Ct));

        await (await bob.DeleteAsync($"/rest/api/3/attachment/{id}", Ct))
            .ExpectJiraErrorAsync(HttpStatusCode.Forbidden, $"You do not have permission to delete attachment with id: {id}");
        await (await alice.DeleteAsync($"/rest/api/3/attachment/{id}", Ct)).ExpectAsync(HttpStatusCode.NoContent);
        var gone = await (await alice.GetAsync($"/rest/api/3/attachment/{id}", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound, "does not exist");
        Assert.Equal($"The attachment with id '{id}' does not exist", gone["errorMessages"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(redirect.Headers.Location, Ct)).StatusCode);
        Assert.Contains(Issue(host, SecIssue).Changelog[^1].Items, i => i.Field == "Attachment" && i.From == id);
        Assert.Contains("attachment_deleted", events.Names);
    }

    [Fact]
    public async Task Attachment_OnHiddenIssue_Gets403AsJirasAttachmentResourceDoes()
    {
        var id = sandbox.Host.Site.Read(s => s.Issues.First(i => s.ProjectOf(i).Key == "SEC" && i.Attachments.Count > 0).Attachments[0].Id);
        using var carol = sandbox.Client(DemoCredentials.Carol);
        var error = await (await carol.GetAsync($"/rest/api/3/attachment/{id}", Ct)).ExpectJiraErrorAsync(HttpStatusCode.Forbidden, "You do not have permission to view attachment with id");
        Assert.Single(error["errorMessages"]!.AsArray());
        await (await carol.GetAsync($"/rest/api/3/attachment/content/{id}", Ct)).ExpectJiraErrorAsync(HttpStatusCode.Forbidden, "view attachment");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("987654321")]
    public async Task Attachment_UnknownId_Gets404(string id)
    {
        using var alice = sandbox.Client(DemoCredentials.Alice);
        await (await alice.GetAsync($"/rest/api/3/attachment/{id}", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound, "does not exist");
        await (await alice.DeleteAsync($"/rest/api/3/attachment/{id}", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound, "does not exist");
    }

    [Fact]
    public async Task Meta_ReportsEnabledAndLimit()
    {
        using var alice = sandbox.Client(DemoCredentials.Alice);
        var meta = (await (await alice.GetAsync("/rest/api/3/attachment/meta", Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.True(meta["enabled"]!.GetValue<bool>());
        Assert.Equal(sandbox.Host.Site.Read(s => s.Data.AttachmentUploadLimit), meta["uploadLimit"]!.GetValue<long>());
    }

    [Fact]
    public async Task DataCenter_Upload_And_ContentWithoutRedirect()
    {
        var (host, _) = await StartAsync(SandboxFlavor.DataCenter);
        await using var _h = host;
        using var alice = host.CreateClient(DemoCredentials.Alice);
        using var request = UploadRequest($"/rest/api/2/issue/{SecIssue}/attachments", true, ("file", "dc.txt", "dc bytes"));
        var created = (await (await alice.SendAsync(request, Ct)).ExpectAsync(HttpStatusCode.OK))![0]!;
        Assert.Equal("alice", created["author"]!["name"]!.GetValue<string>());
        var id = created["id"]!.GetValue<string>();
        var meta = (await (await alice.GetAsync($"/rest/api/2/attachment/{id}", Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(id, meta["id"]!.GetValue<string>());
        var content = await alice.GetAsync($"/rest/api/2/attachment/content/{id}", Ct);
        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        Assert.Equal("dc bytes", await content.Content.ReadAsStringAsync(Ct));
        await (await alice.GetAsync("/rest/api/3/attachment/meta", Ct)).ExpectErrorAsync(HttpStatusCode.NotFound);

        host.Site.Write(s => s.Data.AttachmentUploadLimit = 4);
        using var big = UploadRequest($"/rest/api/2/issue/{SecIssue}/attachments", true, ("file", "big.txt", "12345"));
        await (await alice.SendAsync(big, Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound, "too large", Conformance.SpecKind.DataCenter);
    }
}
