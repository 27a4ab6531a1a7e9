using System.Text;
using System.Text.Json.Serialization.Metadata;

namespace JiraGate.Jira.Connection;

/// <summary>How safe a request is to send again (JIRA-API.md §5: never blind-retry a write).</summary>
internal enum JiraRequestKind
{
    /// <summary>Changes nothing (GET, and POSTs that only read such as /search/jql): any failure may be retried.</summary>
    Read,

    /// <summary>PUT, DELETE: retried when Jira answered 429/5xx, but a timeout or reset leaves the outcome unknown.</summary>
    IdempotentWrite,

    /// <summary>POST that creates or acts: retried only when Jira's answer proves it did nothing (429) or it was never sent.</summary>
    Write,
}

/// <summary>One call to Jira, relative to the API base (site URL or gateway + cloud id).</summary>
internal sealed class JiraRequest
{
    private readonly List<KeyValuePair<string, string>> _query = [];
    private readonly List<KeyValuePair<string, string>> _headers = [];

    private JiraRequest(HttpMethod method, string path, JiraRequestKind kind)
    {
        Method = method;
        Path = path;
        Kind = kind;
    }

    public HttpMethod Method { get; }

    /// <summary>The path below the API base, starting with '/', segments already escaped.</summary>
    public string Path { get; }

    public JiraRequestKind Kind { get; private set; }

    public HttpContent? Content { get; private set; }

    /// <summary>Sent without credentials (e.g. /_edge/tenant_info).</summary>
    public bool Anonymous { get; private set; }

    /// <summary>Sent to the site URL even when the API is reached through the gateway.</summary>
    public bool ToSite { get; private set; }

    /// <summary>Extra request headers (e.g. X-Atlassian-Token: no-check); sent by the stream-aware sends.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => _headers;

    /// <summary>An absolute URL that Jira handed out (attachment content, a media redirect) instead of a path below the API base.</summary>
    public Uri? Target { get; private set; }

    public static JiraRequest Get(string path) => new(HttpMethod.Get, path, JiraRequestKind.Read);

    /// <summary>A GET to an absolute URL Jira returned; <see cref="Path"/> is its path, for logs and errors.</summary>
    public static JiraRequest GetAbsolute(Uri target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new(HttpMethod.Get, target.AbsolutePath, JiraRequestKind.Read) { Target = target };
    }

    public static JiraRequest Post(string path) => new(HttpMethod.Post, path, JiraRequestKind.Write);

    public static JiraRequest Put(string path) => new(HttpMethod.Put, path, JiraRequestKind.IdempotentWrite);

    public static JiraRequest Delete(string path) => new(HttpMethod.Delete, path, JiraRequestKind.IdempotentWrite);

    /// <summary>Marks a POST that only reads (search, bulk fetch, approximate count) as safe to repeat.</summary>
    public JiraRequest AsRead()
    {
        Kind = JiraRequestKind.Read;
        return this;
    }

    public JiraRequest WithoutCredentials()
    {
        Anonymous = true;
        return this;
    }

    public JiraRequest AgainstSite()
    {
        ToSite = true;
        return this;
    }

    /// <summary>Adds a query parameter; null values are left out.</summary>
    public JiraRequest Query(string name, string? value)
    {
        if (value is not null)
        {
            _query.Add(new(name, value));
        }
        return this;
    }

    public JiraRequest Query(string name, int? value) =>
        Query(name, value?.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public JiraRequest Query(string name, bool? value) => Query(name, value switch { true => "true", false => "false", null => null });

    /// <summary>Adds a comma-separated list parameter (fields, expand …); null or empty lists are left out.</summary>
    public JiraRequest Query(string name, IEnumerable<string>? values) =>
        values is null ? this : Query(name, string.Join(',', values) is { Length: > 0 } joined ? joined : null);

    /// <summary>A JSON body, serialised once to bytes so a retry can send it again.</summary>
    public JiraRequest Json<T>(T body, JsonTypeInfo<T> typeInfo)
    {
        var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(body, typeInfo);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        Content = content;
        return this;
    }

    /// <summary>Adds a request header.</summary>
    public JiraRequest Header(string name, string value)
    {
        _headers.Add(new(name, value));
        return this;
    }

    /// <summary>
    /// A body that is not JSON (multipart uploads). Streamed, not copied: it can be sent again only when its
    /// streams can seek back, which is all a retry after 429 needs.
    /// </summary>
    public JiraRequest Body(HttpContent content)
    {
        Content = content;
        return this;
    }

    /// <summary>Path and query, e.g. <c>/rest/api/3/search/jql?jql=…</c>.</summary>
    public string PathAndQuery()
    {
        if (_query.Count == 0)
        {
            return Path;
        }
        var sb = new StringBuilder(Path).Append('?');
        for (var i = 0; i < _query.Count; i++)
        {
            if (i > 0)
            {
                sb.Append('&');
            }
            sb.Append(Uri.EscapeDataString(_query[i].Key)).Append('=').Append(Uri.EscapeDataString(_query[i].Value));
        }
        return sb.ToString();
    }

    /// <summary>One path segment, escaped (an issue key or id from a caller never changes the path).</summary>
    public static string Segment(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return Uri.EscapeDataString(value);
    }
}

/// <summary>A successful answer: the value plus what Jira said about the call.</summary>
internal readonly record struct JiraResponse<T>(T Value, System.Net.HttpStatusCode StatusCode, string? RequestId);
