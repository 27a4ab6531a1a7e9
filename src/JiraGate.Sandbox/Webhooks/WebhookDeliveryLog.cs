namespace JiraGate.Sandbox.Webhooks;

/// <summary>
/// The most recent deliveries (oldest dropped first), for the control API and tests: which webhook, which event,
/// how many attempts, and how it ended. Thread-safe.
/// </summary>
internal sealed class WebhookDeliveryLog(int capacity = WebhookDeliveryLog.DefaultCapacity)
{
    public const int DefaultCapacity = 1000;

    private readonly Lock _lock = new();
    private readonly Queue<WebhookDeliveryRecord> _order = new();
    private readonly Dictionary<string, WebhookDeliveryRecord> _byId = new(StringComparer.Ordinal);

    public int Capacity => capacity;

    public void Add(WebhookDelivery delivery, WebhookDeliveryState state = WebhookDeliveryState.Pending)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var record = new WebhookDeliveryRecord(delivery.Identifier, delivery.Kind, delivery.WebhookIds, delivery.WebhookEvent,
            delivery.Url.ToString(), state, 0, null, null, delivery.QueuedAt, state == WebhookDeliveryState.Pending ? null : delivery.QueuedAt);
        lock (_lock)
        {
            while (_order.Count >= capacity)
            {
                _byId.Remove(_order.Dequeue().Identifier);
            }
            _order.Enqueue(record);
            _byId[record.Identifier] = record;
        }
    }

    /// <summary>Replaces a record (records are immutable snapshots); a record already evicted stays evicted.</summary>
    public void Update(string identifier, Func<WebhookDeliveryRecord, WebhookDeliveryRecord> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_lock)
        {
            if (_byId.TryGetValue(identifier, out var current))
            {
                _byId[identifier] = change(current);
            }
        }
    }

    /// <summary>The log, oldest first.</summary>
    public IReadOnlyList<WebhookDeliveryRecord> Snapshot()
    {
        lock (_lock)
        {
            return [.. _order.Select(r => _byId[r.Identifier])];
        }
    }

    public WebhookDeliveryRecord? Find(string identifier)
    {
        lock (_lock)
        {
            return _byId.GetValueOrDefault(identifier);
        }
    }
}
