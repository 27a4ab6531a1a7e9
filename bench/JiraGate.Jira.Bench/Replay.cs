using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace JiraGate.Jira.Bench;

/// <summary>The pages of one pass over the search, as the sandbox sent them, keyed by the token that asked for each.</summary>
internal sealed class RecordedPages
{
    private readonly Dictionary<string, byte[]> _byToken = new(StringComparer.Ordinal);

    /// <summary>The token each page was asked with (null for the first), in order.</summary>
    public List<string?> Tokens { get; } = [];

    /// <summary>The issues each page was read for (the last page may be cut by the limit).</summary>
    public List<int> Counts { get; } = [];

    public long TotalBytes { get; private set; }

    public byte[] this[string? token] => _byToken[token ?? ""];

    public static async Task<RecordedPages> RecordAsync(HttpClient http, SearchSpec spec, CancellationToken cancellationToken)
    {
        var pages = new RecordedPages();
        string? token = null;
        var yielded = 0;
        while (yielded < spec.Limit)
        {
            var body = await http.GetByteArrayAsync(new Uri(spec.PagePath(token, yielded), UriKind.Relative), cancellationToken).ConfigureAwait(false);
            using var doc = JsonDocument.Parse(body);
            var count = Math.Min(doc.RootElement.GetProperty("issues").GetArrayLength(), spec.Limit - yielded);
            pages._byToken[token ?? ""] = body;
            pages.Tokens.Add(token);
            pages.Counts.Add(count);
            pages.TotalBytes += body.Length;
            yielded += count;
            var next = doc.RootElement.TryGetProperty("nextPageToken", out var n) ? n.GetString() : null;
            if (doc.RootElement.GetProperty("isLast").GetBoolean() || string.IsNullOrEmpty(next) || count == 0)
            {
                break;
            }
            token = next;
        }
        return pages;
    }
}

/// <summary>
/// Answers from <see cref="RecordedPages"/> in memory: no sockets, no sandbox, so what a side allocates and
/// spends is its own (plus this handler's response object, the same for every side).
/// </summary>
internal sealed class ReplayHandler(RecordedPages pages) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = pages[TokenOf(request.RequestUri!)];
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }

    private static string? TokenOf(Uri uri)
    {
        const string Name = "nextPageToken=";
        var query = uri.Query;
        var at = query.IndexOf(Name, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }
        var start = at + Name.Length;
        var end = query.IndexOf('&', start);
        return Uri.UnescapeDataString(end < 0 ? query[start..] : query[start..end]);
    }
}
