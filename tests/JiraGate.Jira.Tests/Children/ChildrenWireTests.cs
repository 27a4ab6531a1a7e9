using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using JiraGate.Jira.Authentication;
using JiraGate.Jira.Models;
using JiraGate.Jira.Serialization;
using JiraGate.Jira.Tests.Infrastructure;

namespace JiraGate.Jira.Tests.Children;

/// <summary>What goes on the wire, with a fake handler playing Jira Cloud or Data Center.</summary>
public sealed class ChildrenWireTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JiraClient Client(FakeJiraHandler handler, JiraDeployment deployment, out ServiceProvider services)
    {
        services = JiraTestServices.Create(o =>
        {
            o.BaseUrl = new Uri(deployment == JiraDeployment.Cloud ? "https://acme.atlassian.net" : "https://jira.acme.test");
            o.Credentials = deployment == JiraDeployment.Cloud
                ? new ApiTokenCredentials("bot@acme.com", "tok-canary")
                : new PersonalAccessTokenCredentials("pat-canary");
            o.Deployment = deployment;
            o.Retry.MaxRetries = 0;
        }, b => b.HttpClient.ConfigurePrimaryHttpMessageHandler(() => handler));
        return services.GetRequiredService<JiraClient>();
    }

    private static string Body(HttpRequestMessage request) => request.Content!.ReadAsStringAsync().GetAwaiter().GetResult();

    [Fact]
    public async Task AddWorklogAsync_Cloud_JiraDateFormatSecondsAndAdfComment()
    {
        string? sent = null;
        Uri? uri = null;
        using var handler = new FakeJiraHandler((request, _) =>
        {
            sent = Body(request);
            uri = request.RequestUri;
            return FakeJiraHandler.Json(HttpStatusCode.Created, """{"id":"1","timeSpentSeconds":5400}""");
        });
        var jira = Client(handler, JiraDeployment.Cloud, out var services);
        using (services)
        {
            await jira.Worklogs.AddWorklogAsync("SEC-1",
                new WorklogEntry { Started = new DateTimeOffset(2021, 1, 17, 12, 34, 0, TimeSpan.Zero), TimeSpentSeconds = 5400, Comment = "Done" },
                new AddWorklogOptions { AdjustEstimate = WorklogEstimateAdjustment.Manual, ReduceBy = "1h" }, Ct);
        }

        var body = JsonNode.Parse(sent!)!.AsObject();
        Assert.Equal("2021-01-17T12:34:00.000+0000", body["started"]!.GetValue<string>());
        Assert.Equal(5400, body["timeSpentSeconds"]!.GetValue<long>());
        Assert.Equal("doc", body["comment"]!["type"]!.GetValue<string>());
        Assert.False(body.ContainsKey("timeSpent"));
        Assert.Equal("?adjustEstimate=manual&reduceBy=1h", uri!.Query);
    }

    [Fact]
    public async Task AddCommentAsync_DataCenter_WikiStringAndGroupVisibility()
    {
        string? sent = null;
        using var handler = new FakeJiraHandler((request, _) =>
        {
            sent = Body(request);
            return FakeJiraHandler.Json(HttpStatusCode.Created, """{"id":"7","body":"*hi*"}""");
        });
        var jira = Client(handler, JiraDeployment.DataCenter, out var services);
        using (services)
        {
            var comment = await jira.Comments.AddCommentAsync("SEC-1", "**hi**", new AddCommentOptions { Visibility = Visibility.Group("sec-team") }, Ct);
            Assert.Equal("**hi**", comment.BodyAsMarkdown());
        }

        Assert.Equal("""{"body":"*hi*","visibility":{"type":"group","value":"sec-team"}}""", sent);
    }

    [Fact]
    public async Task UploadAttachmentsAsync_Wire_MultipartFilePartsAndXsrfHeader()
    {
        HttpRequestMessage? upload = null;
        string? multipart = null;
        string? contentType = null;
        using var handler = new FakeJiraHandler((request, _) =>
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/meta", StringComparison.Ordinal))
            {
                return FakeJiraHandler.Json(HttpStatusCode.OK, """{"enabled":true,"uploadLimit":1000}""");
            }
            upload = request;
            multipart = Body(request);
            contentType = request.Content!.Headers.ContentType!.ToString();
            return FakeJiraHandler.Json(HttpStatusCode.OK, """[{"id":"10","filename":"a.txt"},{"id":"11","filename":"b.txt"}]""");
        });
        var jira = Client(handler, JiraDeployment.Cloud, out var services);
        using var a = new MemoryStream("alpha"u8.ToArray());
        using var b = new MemoryStream("beta"u8.ToArray());
        using (services)
        {
            var result = await jira.Attachments.UploadAttachmentsAsync("SEC-1",
                [new AttachmentUpload { Content = a, FileName = "a.txt", ContentType = "text/plain" }, new AttachmentUpload { Content = b, FileName = "b.txt" }],
                cancellationToken: Ct);
            Assert.Equal(["10", "11"], result.Select(x => x.Id));
        }

        Assert.Equal("/rest/api/3/issue/SEC-1/attachments", upload!.RequestUri!.AbsolutePath);
        Assert.Equal("no-check", Assert.Single(upload.Headers.GetValues("X-Atlassian-Token")));
        Assert.StartsWith("multipart/form-data", contentType, StringComparison.Ordinal);
        Assert.Equal(2, multipart!.Split("name=file", StringSplitOptions.None).Length - 1);
        Assert.Contains("alpha", multipart, StringComparison.Ordinal);
        Assert.Contains("beta", multipart, StringComparison.Ordinal);
        Assert.True(a.CanRead && b.CanRead, "the caller's streams stay open");
    }

    [Fact]
    public async Task UploadAttachmentsAsync_UnseekableStreamLongerThanTheLimit_StoppedWithTheSameRefusal()
    {
        using var handler = new FakeJiraHandler((request, _) =>
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/meta", StringComparison.Ordinal))
            {
                return FakeJiraHandler.Json(HttpStatusCode.OK, """{"enabled":true,"uploadLimit":10}""");
            }
            Assert.NotNull(Body(request)); // reading the body is what sends it
            return FakeJiraHandler.Json(HttpStatusCode.OK, "[]");
        });
        var jira = Client(handler, JiraDeployment.Cloud, out var services);
        using var stream = new ForwardOnlyStream(new byte[100]);
        using (services)
        {
            var ex = await Assert.ThrowsAsync<JiraAttachmentRejectedException>(() => jira.Attachments.UploadAttachmentsAsync("SEC-1",
                [new AttachmentUpload { Content = stream, FileName = "pipe.bin" }], cancellationToken: Ct));
            Assert.Equal(10, ex.UploadLimit);
        }
    }

    [Fact]
    public async Task UploadAttachmentsAsync_AttachmentsDisabled_RefusedBeforeSending()
    {
        using var handler = new FakeJiraHandler((_, _) => FakeJiraHandler.Json(HttpStatusCode.OK, """{"enabled":false,"uploadLimit":0}"""));
        var jira = Client(handler, JiraDeployment.Cloud, out var services);
        using var stream = new MemoryStream([1]);
        using (services)
        {
            await Assert.ThrowsAsync<JiraAttachmentRejectedException>(() => jira.Attachments.UploadAttachmentsAsync("SEC-1",
                [new AttachmentUpload { Content = stream, FileName = "x" }], cancellationToken: Ct));
        }
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task DownloadAttachmentAsync_RedirectToAnotherHost_FollowedWithoutCredentials()
    {
        using var handler = new FakeJiraHandler((request, _) =>
        {
            if (request.RequestUri!.Host == "acme.atlassian.net")
            {
                var redirect = new HttpResponseMessage(HttpStatusCode.SeeOther);
                redirect.Headers.Location = new Uri("https://api.media.atlassian.test/file/abc/binary?token=signed");
                return redirect;
            }
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent("payload"u8.ToArray()) };
        });
        var jira = Client(handler, JiraDeployment.Cloud, out var services);
        using (services)
        {
            await using var content = await jira.Attachments.DownloadAttachmentAsync("10", new DownloadAttachmentOptions { FollowMediaRedirect = true }, Ct);
            using var reader = new StreamReader(content.Content);
            Assert.Equal("payload", await reader.ReadToEndAsync(Ct));
        }

        var requests = handler.Requests.ToList();
        Assert.Equal("/rest/api/3/attachment/content/10", requests[0].RequestUri!.AbsolutePath);
        Assert.Equal("", requests[0].RequestUri!.Query);
        Assert.NotNull(handler.Authorizations[0]);
        Assert.Equal("api.media.atlassian.test", requests[1].RequestUri!.Host);
        Assert.Null(handler.Authorizations[1]);
    }

    [Fact]
    public async Task DownloadAttachmentAsync_DataCenter_FetchesTheMetadataContentUrlWithCredentials()
    {
        using var handler = new FakeJiraHandler((request, _) => request.RequestUri!.AbsolutePath switch
        {
            "/rest/api/2/attachment/10000" => FakeJiraHandler.Json(HttpStatusCode.OK,
                """{"id":"10000","filename":"ballmer.png","content":"https://jira.acme.test/secure/attachment/10000/ballmer.png"}"""),
            "/secure/attachment/10000/ballmer.png" => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([1, 2, 3]) },
            _ => FakeJiraHandler.Json(HttpStatusCode.NotFound, """{"errorMessages":["no"],"errors":{}}"""),
        });
        var jira = Client(handler, JiraDeployment.DataCenter, out var services);
        using (services)
        {
            await using var content = await jira.Attachments.DownloadAttachmentAsync("10000", cancellationToken: Ct);
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy, Ct);
            Assert.Equal([1, 2, 3], copy.ToArray());
        }
        Assert.All(handler.Authorizations, a => Assert.Equal("Bearer pat-canary", a));
    }

    [Fact]
    public async Task DownloadAttachmentAsync_HttpsToHttpRedirect_NotFollowed()
    {
        using var handler = new FakeJiraHandler((_, _) =>
        {
            var redirect = new HttpResponseMessage(HttpStatusCode.Found);
            redirect.Headers.Location = new Uri("http://media.example.test/x");
            return redirect;
        });
        var jira = Client(handler, JiraDeployment.Cloud, out var services);
        using (services)
        {
            await Assert.ThrowsAsync<JiraException>(() => jira.Attachments.DownloadAttachmentAsync("1", new DownloadAttachmentOptions { FollowMediaRedirect = true }, Ct));
        }
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public void Comment_AdfBody_RendersAsMarkdown()
    {
        var comment = JsonSerializer.Deserialize("""
            {"id":"1","body":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"bold","marks":[{"type":"strong"}]}]}]}}
            """, JiraJsonContext.Default.Comment)!;
        Assert.Equal("**bold**", comment.BodyAsMarkdown());
        Assert.Equal("", new Comment { Id = "2" }.BodyAsMarkdown());
    }

    [Fact]
    public void Attachment_NumericIdFromCloudMetadata_ReadAsText()
    {
        var attachment = JsonSerializer.Deserialize("""{"id":10115,"filename":"a","size":3}""", JiraJsonContext.Default.Attachment)!;
        Assert.Equal("10115", attachment.Id);
    }
}
