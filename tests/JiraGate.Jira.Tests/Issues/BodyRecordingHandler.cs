using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace JiraGate.Jira.Tests.Issues;

/// <summary>Records every request that reaches the wire with its JSON body, to prove what a write sent.</summary>
internal sealed class BodyRecordingHandler : DelegatingHandler
{
    public ConcurrentQueue<(string Method, string Path, string Query, string? Body)> Requests { get; } = new();

    public int Count(string method, string path) => Requests.Count(r => r.Method == method && r.Path == path);

    public JsonObject LastBody(string method, string path) =>
        JsonNode.Parse(Requests.Last(r => r.Method == method && r.Path == path).Body!)!.AsObject();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue((request.Method.Method, request.RequestUri!.AbsolutePath, request.RequestUri.Query, body));
        return await base.SendAsync(request, cancellationToken);
    }
}
