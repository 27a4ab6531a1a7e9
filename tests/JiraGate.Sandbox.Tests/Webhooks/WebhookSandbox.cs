using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Domain;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;
using JiraGate.Sandbox.Security;
using JiraGate.Sandbox.Tests.Infrastructure;
using JiraGate.Sandbox.Webhooks;
using Microsoft.Extensions.Logging.Abstractions;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;

namespace JiraGate.Sandbox.Tests.Webhooks;

/// <summary>
/// A private sandbox with webhook delivery running and short retry delays. Uses the host's own dispatcher when the
/// host registers one, otherwise attaches one (and disposes it).
/// </summary>
internal sealed class WebhookSandbox : IAsyncDisposable
{
    public const string OtherAppClientId = "other-oauth-app";

    private readonly bool _ownsDispatcher;

    private WebhookSandbox(SandboxHost host, WebhookDispatcher dispatcher, bool ownsDispatcher)
    {
        Host = host;
        Dispatcher = dispatcher;
        _ownsDispatcher = ownsDispatcher;
    }

    public SandboxHost Host { get; }

    public WebhookDispatcher Dispatcher { get; }

    public Site Site => Host.Site;

    public static async Task<WebhookSandbox> StartAsync(
        SandboxFlavor flavor = SandboxFlavor.Cloud, int maxAttempts = 4, TimeSpan? retryDelay = null, TimeProvider? time = null)
    {
        var host = await SandboxFixture.StartAsync(flavor, o =>
        {
            o.WebhookRetryDelay = retryDelay ?? TimeSpan.FromMilliseconds(10);
            o.WebhookMaxAttempts = maxAttempts;
            if (time is not null)
            {
                o.TimeProvider = time;
            }
        });
        var registered = host.Services.GetService<WebhookDispatcher>();
        var dispatcher = registered ?? WebhookDispatcher.Attach(host.Site, host.Services.GetRequiredService<IHttpClientFactory>(),
            host.Options, NullLogger<WebhookDispatcher>.Instance);
        return new WebhookSandbox(host, dispatcher, registered is null);
    }

    public HttpClient Admin() => Host.CreateClient(DemoCredentials.Ada);

    public HttpClient User(DemoCredentials.DemoUser user) => Host.CreateClient(user);

    /// <summary>A client calling as an OAuth 2.0 app (Bearer access token through the /ex/jira/{cloudId} gateway).</summary>
    public HttpClient App(string clientId = DemoCredentials.OAuthClientId, string userName = "ada")
    {
        var oauth = Host.Services.GetRequiredService<OAuthServer>();
        var accountId = Site.Read(s => s.UserByName(userName)!.AccountId);
        var token = "test-token-" + Guid.NewGuid().ToString("N");
        oauth.AddAccessToken(token, new OAuthServer.AccessTokenGrant(accountId, clientId,
            ["read:jira-work", "manage:jira-webhook"], Site.Now.AddDays(400)));
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The gateway path of a REST path, e.g. /ex/jira/{cloudId}/rest/api/3/webhook.</summary>
    public string Gateway(string path) => "/ex/jira/" + Site.Read(s => s.Data.CloudId) + path;

    /// <summary>Creates an admin webhook through the REST API and returns its id.</summary>
    public async Task<long> CreateAdminWebhookAsync(string url, string[] events, string jql = "", string? secret = null,
        bool excludeBody = false, bool enabled = true)
    {
        using var client = Admin();
        var body = new JsonObject
        {
            ["name"] = "test hook",
            ["url"] = url,
            ["events"] = new JsonArray([.. events.Select(e => (JsonNode)e)]),
            ["filters"] = new JsonObject { ["issue-related-events-section"] = jql },
            ["excludeBody"] = excludeBody,
            ["enabled"] = enabled,
        };
        if (secret is not null)
        {
            body["secret"] = secret;
        }
        var created = await (await client.PostAsync("/rest/webhooks/1.0/webhook", JsonBody(body), Ct)).ExpectAsync(System.Net.HttpStatusCode.Created);
        var self = created!["self"]!.GetValue<string>();
        return long.Parse(self[(self.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Publishes jira:issue_updated for the first issue of a project, as the issue routes do after a change.</summary>
    public string TouchIssue(string projectKey, string webhookEvent = "jira:issue_updated") => Site.Write(s =>
    {
        var project = s.Projects.First(p => p.Key == projectKey);
        var issue = s.Issues.First(i => i.ProjectId == project.Id);
        var rc = Context(s);
        switch (webhookEvent)
        {
            case "jira:issue_created":
                SiteEvents.IssueCreated(rc, issue);
                break;
            case "jira:issue_deleted":
                SiteEvents.IssueDeleted(rc, issue);
                break;
            default:
                SiteEvents.IssueUpdated(rc, issue, null);
                break;
        }
        return issue.Key;
    });

    /// <summary>Adds a comment to the first issue of a project and publishes comment_created.</summary>
    public string AddComment(string projectKey) => Site.Write(s =>
    {
        var project = s.Projects.First(p => p.Key == projectKey);
        var issue = s.Issues.First(i => i.ProjectId == project.Id);
        var ada = s.UserByName("ada")!;
        var comment = new Comment
        {
            Id = s.NextId("comment"), AuthorAccountId = ada.AccountId, UpdateAuthorAccountId = ada.AccountId,
            Body = RichText.FromPlainText("webhook test"), Created = s.Now, Updated = s.Now,
        };
        issue.Comments.Add(comment);
        SiteEvents.CommentEvent(Context(s), "comment_created", issue, comment);
        return issue.Key;
    });

    /// <summary>Publishes a sprint event (no issue: JQL filters do not apply).</summary>
    public long SprintEvent(string webhookEvent) => Site.Write(s =>
    {
        var sprint = s.Data.Sprints.First();
        SiteEvents.SprintEvent(Context(s), webhookEvent, sprint);
        return sprint.Id;
    });

    private RenderContext Context(Site s) => new(s, Host.BaseUrl.ToString().TrimEnd('/'), s.Flavor == SandboxFlavor.Cloud ? 3 : 2,
        new Caller(s.UserByName("ada"), AuthKind.ApiToken));

    /// <summary>Deliveries the dispatcher queued for one webhook (matching happens synchronously inside the write).</summary>
    public IReadOnlyList<WebhookDeliveryRecord> DeliveriesFor(long webhookId) =>
        [.. Dispatcher.Deliveries.Snapshot().Where(d => d.WebhookIds.Contains(webhookId))];

    /// <summary>Waits until the delivery with this identifier is no longer pending (fails after 10 s).</summary>
    public async Task<WebhookDeliveryRecord> WaitFinishedAsync(string identifier)
    {
        for (var i = 0; i < 500; i++)
        {
            if (Dispatcher.Deliveries.Find(identifier) is { State: not WebhookDeliveryState.Pending } done)
            {
                return done;
            }
            await Task.Delay(20, Ct);
        }
        Assert.Fail($"Delivery {identifier} did not finish: {Dispatcher.Deliveries.Find(identifier)}");
        return null!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsDispatcher)
        {
            await Dispatcher.DisposeAsync();
        }
        await Host.DisposeAsync();
    }
}
