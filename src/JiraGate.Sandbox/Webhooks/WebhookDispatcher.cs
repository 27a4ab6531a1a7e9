using System.Collections.Concurrent;
using System.Threading.Channels;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Webhooks;

/// <summary>
/// Jira's webhook delivery: a <see cref="ISiteEventSink"/> that matches each site event to admin and dynamic webhooks
/// under the site lock (JQL only, no I/O), queues the deliveries, and sends them from a background loop with
/// retries. Register it with <see cref="WebhookServiceCollectionExtensions.AddWebhookDelivery"/> (hosted service)
/// or start one by hand with <see cref="Attach"/>.
/// </summary>
internal sealed class WebhookDispatcher : ISiteEventSink, IHostedService, IAsyncDisposable
{
    /// <summary>Deliveries waiting beyond this are dropped (and logged as such) instead of blocking the site.</summary>
    public const int QueueCapacity = 10_000;

    /// <summary>How many deliveries are in flight at once, so one slow receiver does not hold up the others.</summary>
    public const int MaxConcurrentDeliveries = 16;

    public const string HttpClientName = "jira-webhooks";

    private readonly Site _site;
    private readonly ILogger _logger;
    private readonly WebhookSender _sender;
    private readonly Channel<WebhookDelivery> _queue =
        Channel.CreateBounded<WebhookDelivery>(new BoundedChannelOptions(QueueCapacity) { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly SemaphoreSlim _slots = new(MaxConcurrentDeliveries, MaxConcurrentDeliveries);
    private Task? _loop;
    private int _state; // 0 new, 1 running, 2 stopped

    public WebhookDispatcher(Site site, IHttpClientFactory httpClientFactory, SandboxOptions options, ILogger<WebhookDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _site = site;
        _logger = logger;
        _sender = new WebhookSender(httpClientFactory.CreateClient(HttpClientName), site.Time, Deliveries, logger,
            options.WebhookRetryDelay, options.WebhookMaxAttempts);
    }

    /// <summary>The last <see cref="WebhookDeliveryLog.DefaultCapacity"/> deliveries and how they went.</summary>
    public WebhookDeliveryLog Deliveries { get; } = new();

    /// <summary>Creates a dispatcher, registers it on the site and starts delivering; dispose it to stop.</summary>
    public static WebhookDispatcher Attach(Site site, IHttpClientFactory httpClientFactory, SandboxOptions options, ILogger<WebhookDispatcher> logger)
    {
        var dispatcher = new WebhookDispatcher(site, httpClientFactory, options, logger);
        dispatcher.Start();
        return dispatcher;
    }

    public void Start()
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            return;
        }
        // Under the write lock: the site's sink list is not safe against a concurrent publish.
        _site.Write(s => s.AddSink(this));
        _loop = Task.Run(() => RunAsync(_stopping.Token));
    }

    /// <summary>Called by the site inside its write lock: match and enqueue only.</summary>
    public void OnEvent(Site site, SiteEvent siteEvent)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(siteEvent);
        if (Volatile.Read(ref _state) != 1)
        {
            return;
        }
        var deliveries = WebhookMatcher.Match(site, siteEvent, NewIdentifier, (id, ex) => WebhookLog.BadFilter(_logger, id, ex));
        foreach (var delivery in deliveries)
        {
            if (_queue.Writer.TryWrite(delivery))
            {
                Deliveries.Add(delivery);
            }
            else
            {
                Deliveries.Add(delivery, WebhookDeliveryState.Dropped);
                WebhookLog.Dropped(_logger, delivery.Identifier, delivery.WebhookEvent, delivery.Url);
            }
        }
    }

    private static string NewIdentifier() => Guid.NewGuid().ToString();

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var delivery in _queue.Reader.ReadAllAsync(cancellationToken))
            {
                await _slots.WaitAsync(cancellationToken);
                var task = DeliverAsync(delivery, cancellationToken);
                _inFlight.TryAdd(task, 0);
                _ = task.ContinueWith(t => _inFlight.TryRemove(t, out _), CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: what is still queued is marked cancelled below.
        }
        while (_queue.Reader.TryRead(out var left))
        {
            Deliveries.Update(left.Identifier, r => r with { State = WebhookDeliveryState.Cancelled, CompletedAt = _site.Now });
        }
    }

    private async Task DeliverAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Yield();
            await _sender.DeliverAsync(delivery, cancellationToken);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug in one delivery must not stop the loop; record it and move on.
            WebhookLog.Faulted(_logger, ex, delivery.Identifier);
            Deliveries.Update(delivery.Identifier, r => r with { State = WebhookDeliveryState.Failed, LastError = ex.Message, CompletedAt = _site.Now });
        }
        finally
        {
            _slots.Release();
        }
    }

    Task IHostedService.StartAsync(CancellationToken cancellationToken)
    {
        Start();
        return Task.CompletedTask;
    }

    Task IHostedService.StopAsync(CancellationToken cancellationToken) => StopAsync();

    /// <summary>Stops taking events, cancels pending retries and waits for in-flight deliveries to end.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _state, 2) != 1)
        {
            return;
        }
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }
        await Task.WhenAll(_inFlight.Keys);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping.Dispose();
        _slots.Dispose();
    }
}
