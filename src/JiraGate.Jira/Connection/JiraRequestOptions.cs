namespace JiraGate.Jira.Connection;

/// <summary>Per-request facts the handlers and the resilience pipeline read from <see cref="HttpRequestMessage.Options"/>.</summary>
internal static class JiraRequestOptions
{
    public static readonly HttpRequestOptionsKey<JiraRequestKind> Kind = new("JiraGate.Jira.Kind");

    /// <summary>The site the request counts against (the per-site limiter's key).</summary>
    public static readonly HttpRequestOptionsKey<string> Site = new("JiraGate.Jira.Site");

    public static readonly HttpRequestOptionsKey<bool> Anonymous = new("JiraGate.Jira.Anonymous");

    /// <summary>The caller reads the body as a stream (attachment content): the response must not be buffered.</summary>
    public static readonly HttpRequestOptionsKey<bool> Streamed = new("JiraGate.Jira.Streamed");

    public static JiraRequestKind KindOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(Kind, out var kind) ? kind
        : request.Method == HttpMethod.Get || request.Method == HttpMethod.Head ? JiraRequestKind.Read
        : request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete ? JiraRequestKind.IdempotentWrite
        : JiraRequestKind.Write;

    public static string SiteOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(Site, out var site) ? site
        : request.RequestUri is { IsAbsoluteUri: true } uri ? uri.GetLeftPart(UriPartial.Authority)
        : "";

    public static bool IsAnonymous(HttpRequestMessage request) =>
        request.Options.TryGetValue(Anonymous, out var anonymous) && anonymous;
}
