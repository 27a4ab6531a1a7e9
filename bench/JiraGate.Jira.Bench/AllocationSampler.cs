using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace JiraGate.Jira.Bench;

/// <summary>
/// The runtime's own allocation sampling (a GCAllocationTick event about every 100 KB allocated, naming the type
/// of the object that crossed the mark): over a large enough run, the share of ticks per type is the share of
/// bytes per type. Used by <c>--mode phases</c> to say which objects the client's bytes go to.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytesByType = new(StringComparer.Ordinal);
    private volatile bool _recording;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        // GCAllocationTick_V4 (id 10): AllocationAmount, …, TypeName; the amount is the bytes since the last tick.
        if (!_recording || eventData.EventId != 10 || eventData.Payload is null || eventData.PayloadNames is null)
        {
            return;
        }
        var name = eventData.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload[t] as string ?? "?" : "?";
        var amount = eventData.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(eventData.Payload[a], CultureInfo.InvariantCulture) : 100_000;
        _bytesByType.AddOrUpdate(name, amount, (_, total) => total + amount);
    }

    public void Record(Action action)
    {
        _bytesByType.Clear();
        _recording = true;
        try
        {
            action();
        }
        finally
        {
            _recording = false;
        }
    }

    public IEnumerable<(string Type, long Bytes)> Top(int count) =>
        _bytesByType.OrderByDescending(p => p.Value).Take(count).Select(p => (p.Key, p.Value));
}
