using System.Net;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Tests.Infrastructure;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;

namespace JiraGate.Sandbox.Tests.Issues;

/// <summary>
/// A private Cloud sandbox per test class: issue tests create, edit and delete issues, which must not leak into
/// the shared demo site other families count on.
/// </summary>
public sealed class PrivateCloudSandbox : IAsyncLifetime
{
    private SandboxHost? _host;

    public SandboxHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public EventLog Events { get; } = new();

    public async ValueTask InitializeAsync()
    {
        _host = await SandboxFixture.StartAsync();
        _host.Site.AddSink(Events);
    }

    public HttpClient Client(DemoCredentials.DemoUser user) => Host.CreateClient(user);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

/// <summary>Records published site events (webhook payloads).</summary>
public sealed class EventLog : ISiteEventSink
{
    private readonly List<SiteEvent> _events = [];

    public void OnEvent(Site site, SiteEvent siteEvent)
    {
        lock (_events)
        {
            _events.Add(siteEvent);
        }
    }

    public IReadOnlyList<SiteEvent> For(string issueKey)
    {
        lock (_events)
        {
            return [.. _events.Where(e => e.Issue?.Key == issueKey)];
        }
    }
}

/// <summary>Calls used by many issue tests.</summary>
public static class IssueCalls
{
    public const string Severity = "customfield_10030";
    public const string StoryPoints = "customfield_10016";
    public const string SprintField = "customfield_10020";
    public const string RootCause = "customfield_10050";
    public const string IncidentDate = "customfield_10060";
    public const string CustomerImpact = "customfield_10070";

    public static JsonObject AdfDoc(string text) => new()
    {
        ["type"] = "doc",
        ["version"] = 1,
        ["content"] = new JsonArray(new JsonObject
        {
            ["type"] = "paragraph",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
        }),
    };

    public static string AccountId(string name) => SiteSeeder.AccountIdFor(name);

    /// <summary>Creates an issue and returns its key (asserting 201).</summary>
    public static async Task<string> CreateAsync(HttpClient client, string project, string issueTypeId, string summary, JsonObject? extraFields = null, string api = "3")
    {
        var fields = new JsonObject
        {
            ["project"] = new JsonObject { ["key"] = project },
            ["issuetype"] = new JsonObject { ["id"] = issueTypeId },
            ["summary"] = summary,
        };
        foreach (var (name, value) in extraFields ?? [])
        {
            fields[name] = value?.DeepClone();
        }
        var response = await client.PostAsync($"/rest/api/{api}/issue", JsonBody(new JsonObject { ["fields"] = fields }), Ct);
        var body = await response.ExpectAsync(HttpStatusCode.Created);
        return body!["key"]!.GetValue<string>();
    }

    public static async Task<JsonNode> GetAsync(HttpClient client, string key, string query = "", string api = "3")
    {
        var response = await client.GetAsync($"/rest/api/{api}/issue/{key}{query}", Ct);
        return (await response.ExpectAsync(HttpStatusCode.OK))!;
    }

    public static Task<HttpResponseMessage> PutAsync(HttpClient client, string path, JsonNode body) =>
        client.PutAsync(path, JsonBody(body), Ct);

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, JsonNode body) =>
        client.PostAsync(path, JsonBody(body), Ct);

    public static JsonObject Fields(params (string Name, JsonNode? Value)[] fields) =>
        new([.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))]);
}
