using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using JiraGate.Jira.Models;

namespace JiraGate.Jira.Bench;

/// <summary>
/// Where the client's allocations go, phase by phase (<c>--mode phases</c>): the recorded pages deserialised with
/// the client's own JSON context (whole pages, then each kind of object on its own), against the whole auto-pager
/// over the same pages answered from memory. Bytes are exact (<c>GC.GetAllocatedBytesForCurrentThread</c>, one
/// thread, synchronous), so one pass each is enough.
/// </summary>
internal static class Phases
{
    public static async Task RunAsync(JiraClient client, SearchSpec spec, RecordedPages pages, CancellationToken cancellationToken)
    {
        // JiraJsonContext is internal to the client: reached by reflection here (a benchmark, not shipped code).
        var context = (JsonSerializerContext)Type.GetType("JiraGate.Jira.Serialization.JiraJsonContext, JiraGate.Jira", throwOnError: true)!
            .GetProperty("Default")!.GetValue(null)!;
        var page = context.GetTypeInfo(Type.GetType("JiraGate.Jira.Serialization.SearchJqlResponse, JiraGate.Jira", throwOnError: true)!)!;
        // The connection parses each buffered body inside a RepeatedValues scope (values repeated within one
        // response are read once); so do the rows below: one scope a page, or a page's worth of objects.
        // A scope opened with the body also shares byte-identical nested objects (status, user) within it.
        var enter = Type.GetType("JiraGate.Jira.Serialization.RepeatedValues, JiraGate.Jira", throwOnError: true)!
            .GetMethod("Enter", [typeof(ReadOnlyMemory<byte>)])!;
        s_enterScope = body => (IDisposable)enter.Invoke(null, [body])!;
        var bodies = pages.Tokens.Select(t => pages[t]).ToList();
        var issues = pages.Counts.Sum();

        // The objects of each kind, cut out of the pages as raw JSON, so each is measured on its own.
        var parts = new Dictionary<string, List<byte[]>>(StringComparer.Ordinal)
        {
            ["issue (id, key, self, expand + fields)"] = [], ["fields"] = [], ["fields.status"] = [],
            ["fields.status.statusCategory"] = [], ["fields.assignee"] = [], ["fields.assignee.avatarUrls"] = [],
        };
        foreach (var body in bodies)
        {
            using var doc = JsonDocument.Parse(body);
            foreach (var issue in doc.RootElement.GetProperty("issues").EnumerateArray())
            {
                parts["issue (id, key, self, expand + fields)"].Add(Raw(issue));
                var fields = issue.GetProperty("fields");
                parts["fields"].Add(Raw(fields));
                if (fields.TryGetProperty("status", out var status))
                {
                    parts["fields.status"].Add(Raw(status));
                    parts["fields.status.statusCategory"].Add(Raw(status.GetProperty("statusCategory")));
                }
                if (fields.TryGetProperty("assignee", out var assignee) && assignee.ValueKind == JsonValueKind.Object)
                {
                    parts["fields.assignee"].Add(Raw(assignee));
                    parts["fields.assignee.avatarUrls"].Add(Raw(assignee.GetProperty("avatarUrls")));
                }
            }
        }
        var typeOf = new Dictionary<string, JsonTypeInfo>(StringComparer.Ordinal)
        {
            ["issue (id, key, self, expand + fields)"] = context.GetTypeInfo(typeof(Issue))!,
            ["fields"] = context.GetTypeInfo(typeof(IssueFields))!,
            ["fields.status"] = context.GetTypeInfo(typeof(IssueStatus))!,
            ["fields.status.statusCategory"] = context.GetTypeInfo(typeof(StatusCategory))!,
            ["fields.assignee"] = context.GetTypeInfo(typeof(JiraUser))!,
            ["fields.assignee.avatarUrls"] = context.GetTypeInfo(typeof(IReadOnlyDictionary<string, string>))!,
        };

        Console.WriteLine("  the first issue as sent: " + System.Text.Encoding.UTF8.GetString(parts["issue (id, key, self, expand + fields)"][0]));

        // Warm every path once (JIT, metadata caches), then measure.
        var pager = new ClientSide(client, spec);
        await pager.RunAsync(cancellationToken).ConfigureAwait(false);
        Deserialise(bodies, page);
        foreach (var (name, raw) in parts)
        {
            Deserialise(raw, typeOf[name]);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| phase | objects | bytes/object | bytes/issue |"));
        Console.WriteLine("|---|---|---|---|");
        var pagerBytes = await AllocatedAsync(() => pager.RunAsync(cancellationToken)).ConfigureAwait(false);
        Row("auto-pager, whole (replay)", issues, pagerBytes, issues);
        var pageBytes = Allocated(() => Deserialise(bodies, page));
        Row("deserialise the pages (SearchJqlResponse)", bodies.Count, pageBytes, issues);
        Row("auto-pager minus deserialisation (request, handlers, buffer, paging)", bodies.Count, pagerBytes - pageBytes, issues);
        foreach (var (name, raw) in parts)
        {
            Row("  " + name, raw.Count, Allocated(() => Deserialise(raw, typeOf[name])), issues);
        }

        // Which objects the page parse's bytes go to (sampled by the runtime, ≈100 KB a sample; 20 passes).
        Console.WriteLine();
        Console.WriteLine("| deserialising the pages: sampled bytes by type (20 passes) | bytes/issue |");
        Console.WriteLine("|---|---|");
        using (var sampler = new AllocationSampler())
        {
            sampler.Record(() =>
            {
                for (var i = 0; i < 20; i++)
                {
                    Deserialise(bodies, page);
                }
            });
            foreach (var (type, bytes) in sampler.Top(14))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {type} | {bytes / (20.0 * issues):N0} |"));
            }
        }

        // CPU of the parse alone, no I/O: the client's deserialisation against the baseline's JsonDocument reads,
        // pass by pass in turn so both see the same load; the median of the per-pass ratios is the figure to read.
        Console.WriteLine();
        Console.WriteLine("| parse only, the same 100 pages (21 passes each, in turn) | median ms a pass | median ratio |");
        Console.WriteLine("|---|---|---|");
        var (typed, document, ratio) = Interleaved(() => Deserialise(bodies, page), () => ReadWithDocument(bodies), 21);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| JsonSerializer → SearchJqlResponse (the client's parse) | {typed:F1} | {ratio:F2}× |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| JsonDocument + the baseline's six reads | {document:F1} | 1.00× |"));
    }

    private static (double A, double B, double Ratio) Interleaved(Action a, Action b, int passes)
    {
        a();
        b();
        var (ta, tb, ratios) = (new List<double>(), new List<double>(), new List<double>());
        for (var i = 0; i < passes; i++)
        {
            GC.Collect();
            var x = Time(i % 2 == 0 ? a : b);
            GC.Collect();
            var y = Time(i % 2 == 0 ? b : a);
            var (timeA, timeB) = i % 2 == 0 ? (x, y) : (y, x);
            ta.Add(timeA);
            tb.Add(timeB);
            ratios.Add(timeA / timeB);
        }
        return (Median(ta), Median(tb), Median(ratios));
    }

    private static double Time(Action pass)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        pass();
        return System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private static void ReadWithDocument(List<byte[]> bodies)
    {
        long checksum = 0;
        foreach (var body in bodies)
        {
            using var doc = JsonDocument.Parse(body);
            foreach (var issue in doc.RootElement.GetProperty("issues").EnumerateArray())
            {
                var fields = issue.GetProperty("fields");
                checksum += issue.GetProperty("id").GetString()!.Length + issue.GetProperty("key").GetString()!.Length
                    + (fields.GetProperty("summary").GetString()?.Length ?? 0)
                    + (fields.GetProperty("status").GetProperty("name").GetString()?.Length ?? 0)
                    + (fields.TryGetProperty("assignee", out var a) && a.ValueKind == JsonValueKind.Object ? a.GetProperty("displayName").GetString()?.Length ?? 0 : 0)
                    + (fields.GetProperty("updated").GetString()?.Length ?? 0);
            }
        }
        GC.KeepAlive(checksum);
    }

    private static byte[] Raw(JsonElement element) => JsonSerializer.SerializeToUtf8Bytes(element, JsonElementContext.Default.JsonElement);

    private static Func<ReadOnlyMemory<byte>, IDisposable> s_enterScope = null!;

    private static void Deserialise(List<byte[]> bodies, JsonTypeInfo typeInfo)
    {
        // One scope per page for whole pages (given the page, as the connection does); per 100 objects for the
        // objects cut out of them (strings and URIs shared across the 100, objects not: they are separate buffers).
        var perScope = bodies.Count <= 100 && bodies[0].Length > 10_000 ? 1 : 100;
        for (var start = 0; start < bodies.Count; start += perScope)
        {
            using var scope = s_enterScope(perScope == 1 ? bodies[start] : default);
            for (var i = start; i < Math.Min(start + perScope, bodies.Count); i++)
            {
                GC.KeepAlive(JsonSerializer.Deserialize(bodies[i], typeInfo));
            }
        }
    }

    private static long Allocated(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    // The pager hops threads (async I/O), so the whole process is counted; nothing else runs in replay.
    private static async Task<long> AllocatedAsync(Func<Task<StreamResult>> run)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await run().ConfigureAwait(false);
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }

    private static void Row(string name, int objects, long bytes, int issues) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {objects:N0} | {bytes / (double)objects:N0} | {bytes / (double)issues:N0} |"));
}

/// <summary>The bench's own context, for cutting raw JSON out of the recorded pages.</summary>
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class JsonElementContext : JsonSerializerContext;
