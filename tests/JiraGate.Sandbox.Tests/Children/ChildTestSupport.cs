using System.Net;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Tests.Conformance;
using JiraGate.Sandbox.Tests.Infrastructure;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;

namespace JiraGate.Sandbox.Tests.Children;

/// <summary>Helpers shared by the comment, worklog and attachment tests.</summary>
internal static class ChildTestSupport
{
    /// <summary>SEC-456: open, no security level; alice and bob (sec-team) are Developers, ada an Administrator.</summary>
    public const string SecIssue = "SEC-456";

    public static JsonObject Doc(string text) => new()
    {
        ["type"] = "doc",
        ["version"] = 1,
        ["content"] = new JsonArray(new JsonObject
        {
            ["type"] = "paragraph",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
        }),
    };

    /// <summary>A private sandbox whose events are recorded.</summary>
    public static async Task<(SandboxHost Host, RecordingSink Events)> StartAsync(SandboxFlavor flavor = SandboxFlavor.Cloud)
    {
        var host = await SandboxFixture.StartAsync(flavor);
        var sink = new RecordingSink();
        host.Site.Write(s => s.AddSink(sink));
        return (host, sink);
    }

    public static Issue Issue(SandboxHost host, string key) =>
        host.Site.Read(s => s.TryGetIssue(key, out var issue) ? issue : throw new InvalidOperationException("No issue " + key));

    /// <summary>The first issue of a project that has no security level (visible to every project member).</summary>
    public static string OpenIssueKey(SandboxHost host, string projectKey) => host.Site.Read(s =>
        s.Issues.First(i => s.ProjectOf(i).Key == projectKey && i.SecurityLevelId is null).Key);

    /// <summary>An ErrorCollection with the status, validated against the spec's ErrorCollection schema.</summary>
    public static async Task<JsonNode> ExpectJiraErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string fragment, SpecKind spec = SpecKind.Platform)
    {
        var body = await response.ExpectErrorAsync(status, fragment);
        var outcome = ResponseSchemaValidator.ValidateComponent(spec, "ErrorCollection", body);
        Assert.True(outcome.IsValid, outcome.ToString());
        return body;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, JsonNode body) =>
        client.PostAsync(path, JsonBody(body), Ct);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, JsonNode body) =>
        client.PutAsync(path, JsonBody(body), Ct);
}

/// <summary>Collects the events a site publishes.</summary>
internal sealed class RecordingSink : ISiteEventSink
{
    private readonly List<SiteEvent> _events = [];

    public IReadOnlyList<SiteEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public void OnEvent(Site site, SiteEvent siteEvent)
    {
        lock (_events)
        {
            _events.Add(siteEvent);
        }
    }

    public IReadOnlyList<string> Names => [.. Events.Select(e => e.WebhookEvent + (e.Payload["issue_event_type_name"] is { } t ? ":" + t : ""))];
}
