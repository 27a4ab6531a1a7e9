using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace JiraGate.Cli.Tests.Config;

/// <summary>A loopback HTTP listener standing in for Slack: records each POST body by path.</summary>
internal sealed class WebhookListener : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _received = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _first = new(StringComparer.Ordinal);

    private WebhookListener(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<WebhookListener> StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var listener = new WebhookListener(app);
        app.MapPost("/hooks/{name}", async (string name, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            listener._received.GetOrAdd(name, _ => new()).Enqueue(await reader.ReadToEndAsync());
            listener.FirstFor(name).TrySetResult();
            return Results.Ok();
        });
        await app.StartAsync(ct);
        listener.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        return listener;
    }

    public Uri HookUrl(string name) => new(BaseUrl, "hooks/" + name);

    public IReadOnlyList<string> Received(string name) => _received.TryGetValue(name, out var q) ? [.. q] : [];

    /// <summary>Completes when the first message for <paramref name="name"/> arrives.</summary>
    public Task FirstAsync(string name) => FirstFor(name).Task;

    private TaskCompletionSource FirstFor(string name) => _first.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
