using System.Collections.Concurrent;

namespace JiraGate.Jira.Tests.Infrastructure;

/// <summary>Sits innermost in the client's pipeline and records every attempt that reaches the wire.</summary>
internal sealed class RecordingHandler : DelegatingHandler
{
    public ConcurrentQueue<(string Method, Uri Uri, string? Authorization)> Attempts { get; } = new();

    public int Count(string method, string pathContains) =>
        Attempts.Count(a => a.Method == method && a.Uri.AbsolutePath.Contains(pathContains, StringComparison.Ordinal));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Attempts.Enqueue((request.Method.Method, request.RequestUri!, request.Headers.Authorization?.ToString()));
        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>A primary handler answering from a script, for unit tests without a server.</summary>
internal sealed class FakeJiraHandler(Func<HttpRequestMessage, int, HttpResponseMessage> answer) : HttpMessageHandler
{
    private int _calls;

    public ConcurrentQueue<HttpRequestMessage> Requests { get; } = new();

    public List<string?> Authorizations { get; } = [];

    public int Calls => _calls;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        lock (Authorizations)
        {
            Authorizations.Add(request.Headers.Authorization?.ToString());
        }
        var response = answer(request, Interlocked.Increment(ref _calls));
        response.RequestMessage = request;
        return Task.FromResult(response);
    }

    public static HttpResponseMessage Json(System.Net.HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status)
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }
        return response;
    }

    public const string ServerInfoCloud = """{"baseUrl":"https://acme.atlassian.net","version":"1001.0.0","deploymentType":"Cloud"}""";
}
