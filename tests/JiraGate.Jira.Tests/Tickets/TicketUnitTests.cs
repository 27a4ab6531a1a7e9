using System.Net;
using System.Text.Json.Nodes;
using JiraGate.Jira.Authentication;
using JiraGate.Jira.Models;
using JiraGate.Jira.Tests.Infrastructure;
using JiraGate.Jira.Tests.Issues;
using JiraGate.Jira.Tickets;
using Microsoft.Extensions.Time.Testing;

namespace JiraGate.Jira.Tests.Tickets;

/// <summary>The field catalog's lifetime and refresh, and ambiguous emails end to end, without a server.</summary>
public sealed class TicketUnitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FieldCatalog Catalog(params (string Id, string Name)[] fields) => new(fields.Select(f => new Field { Id = f.Id, Name = f.Name }));

    private sealed class CountingLoader(params FieldCatalog[] catalogs)
    {
        public int Loads { get; private set; }

        public Task<FieldCatalog> LoadAsync(CancellationToken _) => Task.FromResult(catalogs[Math.Min(Loads++, catalogs.Length - 1)]);
    }

    [Fact]
    public async Task FieldCatalogCache_WithinLifetime_OneLoadThenReloadAfter()
    {
        var time = new FakeTimeProvider();
        var loader = new CountingLoader(Catalog(("customfield_1", "Story Points")));
        var cache = new FieldCatalogCache(loader.LoadAsync, time, TimeSpan.FromMinutes(15));
        await cache.GetAsync(Ct);
        time.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal("customfield_1", (await cache.ResolveAsync("story points", Ct)).Id);
        Assert.Equal(1, loader.Loads);
        time.Advance(TimeSpan.FromMinutes(1));
        await cache.GetAsync(Ct);
        Assert.Equal(2, loader.Loads);
    }

    [Fact]
    public async Task FieldCatalogCache_Miss_RefreshedOnceAndFound()
    {
        var time = new FakeTimeProvider();
        var loader = new CountingLoader(Catalog(("summary", "Summary")), Catalog(("summary", "Summary"), ("customfield_2", "Team")));
        var cache = new FieldCatalogCache(loader.LoadAsync, time, TimeSpan.FromMinutes(15));
        await cache.GetAsync(Ct);
        time.Advance(FieldCatalogCache.MissRefreshInterval);
        Assert.Equal("customfield_2", (await cache.ResolveAsync("Team", Ct)).Id);
        Assert.Equal(2, loader.Loads);
    }

    [Fact]
    public async Task FieldCatalogCache_RepeatedMisses_RefreshAtMostOncePerInterval()
    {
        var time = new FakeTimeProvider();
        var loader = new CountingLoader(Catalog(("summary", "Summary")));
        var cache = new FieldCatalogCache(loader.LoadAsync, time, TimeSpan.FromMinutes(15));
        for (var i = 0; i < 3; i++)
        {
            var ex = await Assert.ThrowsAsync<JiraTicketException>(() => cache.ResolveAsync("Nope", Ct));
            Assert.Equal(JiraTicketError.UnknownField, ex.Error);
            Assert.IsType<FieldResolutionException>(ex.InnerException);
        }
        Assert.Equal(1, loader.Loads); // the first load was fresh: no refresh yet
        time.Advance(FieldCatalogCache.MissRefreshInterval);
        await Assert.ThrowsAsync<JiraTicketException>(() => cache.ResolveAsync("Nope", Ct));
        await Assert.ThrowsAsync<JiraTicketException>(() => cache.ResolveAsync("Nope", Ct));
        Assert.Equal(2, loader.Loads);
    }

    [Fact]
    public async Task FieldCatalogCache_DuplicateName_AmbiguousWithIds()
    {
        var cache = new FieldCatalogCache(new CountingLoader(Catalog(("customfield_1", "Team"), ("customfield_2", "team"))).LoadAsync,
            new FakeTimeProvider(), TimeSpan.FromMinutes(1));
        var ex = await Assert.ThrowsAsync<JiraTicketException>(() => cache.ResolveAsync("TEAM", Ct));
        Assert.Equal(JiraTicketError.AmbiguousField, ex.Error);
        Assert.Equal(["Team (customfield_1)", "team (customfield_2)"], ex.Candidates);
    }

    [Fact]
    public async Task FieldCatalogCache_FailedLoad_RetriedByTheNextCaller()
    {
        var calls = 0;
        var cache = new FieldCatalogCache(_ => ++calls == 1 ? Task.FromException<FieldCatalog>(new JiraException("down")) : Task.FromResult(Catalog(("summary", "Summary"))),
            new FakeTimeProvider(), TimeSpan.FromMinutes(1));
        await Assert.ThrowsAsync<JiraException>(() => cache.GetAsync(Ct));
        Assert.Single((await cache.GetAsync(Ct)).Fields);
    }

    [Fact]
    public void Constructor_NonPositiveLifetime_Refused()
    {
        var jira = CloudAnswering(new FakeJiraHandler((_, _) => new HttpResponseMessage(HttpStatusCode.NoContent)), out var services);
        using (services)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new JiraTickets(jira, new JiraTicketsOptions { FieldCatalogLifetime = TimeSpan.Zero }));
            Assert.Throws<ArgumentNullException>(() => new JiraTickets(null!));
        }
    }

    private static JiraClient CloudAnswering(FakeJiraHandler handler, out ServiceProvider services, DelegatingHandler? wire = null)
    {
        services = JiraTestServices.Create(o =>
        {
            o.BaseUrl = new Uri("https://acme.atlassian.net");
            o.Credentials = new ApiTokenCredentials("bot@acme.com", "tok");
            o.Deployment = JiraDeployment.Cloud;
            o.Retry.MaxRetries = 0;
        }, b =>
        {
            b.HttpClient.ConfigurePrimaryHttpMessageHandler(() => handler);
            if (wire is not null)
            {
                b.HttpClient.AddHttpMessageHandler(() => wire);
            }
        });
        return services.GetRequiredService<JiraClient>();
    }

    [Fact]
    public async Task GetTicketsByUserAsync_TwoAccountsWithTheEmail_AmbiguousAndNoSearch()
    {
        var handler = new FakeJiraHandler((request, _) => request.RequestUri!.AbsolutePath == "/rest/api/3/user/search"
            ? FakeJiraHandler.Json(HttpStatusCode.OK, """
                [{"accountId":"a-1","displayName":"Sam Support","emailAddress":"sam@acme.com","active":true},
                 {"accountId":"a-2","displayName":"Sam Sales","emailAddress":"Sam@acme.com","active":true}]
                """)
            : FakeJiraHandler.Json(HttpStatusCode.InternalServerError, "{}"));
        var jira = CloudAnswering(handler, out var services);
        using (services)
        {
            var ex = await Assert.ThrowsAsync<JiraTicketException>(() => jira.Tickets().GetTicketsByUserAsync("sam@acme.com", cancellationToken: Ct));
            Assert.Equal(JiraTicketError.AmbiguousUser, ex.Error);
            Assert.Contains("Sam Support (accountId a-1", ex.Message, StringComparison.Ordinal);
            Assert.Contains("Sam Sales (accountId a-2", ex.Message, StringComparison.Ordinal);
            Assert.All(handler.Requests, r => Assert.Equal("/rest/api/3/user/search", r.RequestUri!.AbsolutePath));
            Assert.Contains("query=sam%40acme.com", Assert.Single(handler.Requests).RequestUri!.Query, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UpdateTicketAsync_UserFieldByEmailAndSelectByText_ShapedForCloud()
    {
        var handler = new FakeJiraHandler((request, _) => request.RequestUri!.AbsolutePath switch
        {
            "/rest/api/3/field" => FakeJiraHandler.Json(HttpStatusCode.OK, """
                [{"id":"customfield_7","name":"Reviewer","custom":true,"schema":{"type":"user","custom":"com.atlassian.jira.plugin.system.customfieldtypes:userpicker","customId":7}},
                 {"id":"customfield_8","name":"Severity","custom":true,"schema":{"type":"option","custom":"com.atlassian.jira.plugin.system.customfieldtypes:select","customId":8}}]
                """),
            "/rest/api/3/user/search" => FakeJiraHandler.Json(HttpStatusCode.OK, """[{"accountId":"acc-9","displayName":"Rita","emailAddress":"rita@acme.com"}]"""),
            _ => new HttpResponseMessage(HttpStatusCode.NoContent),
        });
        var wire = new BodyRecordingHandler();
        var jira = CloudAnswering(handler, out var services, wire);
        using (services)
        {
            await jira.Tickets().UpdateTicketAsync("ACME-1", new TicketChanges
            {
                Fields = new Dictionary<string, JsonNode?> { ["reviewer"] = "rita@acme.com", ["Severity"] = "Sev1" },
            }, Ct);
            var body = wire.LastBody("PUT", "/rest/api/3/issue/ACME-1");
            Assert.Equal("""{"fields":{"customfield_7":{"accountId":"acc-9"},"customfield_8":{"value":"Sev1"}}}""", body.ToJsonString());
        }
    }
}
