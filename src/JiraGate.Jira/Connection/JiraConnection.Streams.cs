using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace JiraGate.Jira.Connection;

/// <summary>
/// Sends that the JSON path does not cover: requests with their own headers and non-JSON bodies (multipart
/// uploads), absolute URLs Jira handed out, and responses the caller streams (attachment content) — unbuffered,
/// with redirects followed here so a handler that does not follow them still works.
/// </summary>
internal sealed partial class JiraConnection
{
    /// <summary>Hops allowed from the first URL to the bytes (Cloud: one 303 to the media service).</summary>
    private const int MaxRedirects = 5;

    /// <summary>Sends a request with its headers and body, and reads a JSON answer.</summary>
    public async Task<JiraResponse<T>> SendWithHeadersAsync<T>(JiraRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var profile = await GetProfileAsync(cancellationToken).ConfigureAwait(false);
        using var response = await SendMessageAsync(profile.ApiBase, request, streamed: false, cancellationToken).ConfigureAwait(false);
        var requestId = RequestIdOf(response);
        T? value;
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                value = await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (JsonException ex)
        {
            throw Unreadable(request, response, requestId, ex);
        }
        return value is null ? throw Unreadable(request, response, requestId, null) : new(value, response.StatusCode, requestId);
    }

    /// <summary>
    /// Sends a GET whose body the caller streams and disposes: the response is not buffered, and redirects
    /// (Cloud's 303 to its media service) are followed, with credentials only to the site's own origin.
    /// </summary>
    public async Task<HttpResponseMessage> SendForStreamAsync(JiraRequest request, CancellationToken cancellationToken)
    {
        var profile = await GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var current = request;
        for (var hop = 0; ; hop++)
        {
            var response = await SendMessageAsync(profile.ApiBase, current, streamed: true, cancellationToken).ConfigureAwait(false);
            if (!IsRedirect(response.StatusCode))
            {
                return response;
            }
            var from = response.RequestMessage?.RequestUri ?? TargetOf(profile.ApiBase, current);
            var location = response.Headers.Location;
            response.Dispose();
            if (location is null || hop >= MaxRedirects)
            {
                throw new JiraException($"Jira redirected {request.Method.Method} {request.Path} {(location is null ? "without a Location" : "more than " + MaxRedirects + " times")}; the content could not be fetched.");
            }
            var next = location.IsAbsoluteUri ? location : new Uri(from, location);
            if (from.Scheme == Uri.UriSchemeHttps && next.Scheme != Uri.UriSchemeHttps)
            {
                throw new JiraException($"Jira redirected {request.Method.Method} {request.Path} from HTTPS to plain HTTP; the redirect was not followed.");
            }
            current = JiraRequest.GetAbsolute(next);
            if (!IsOwnOrigin(next, profile.ApiBase))
            {
                // A media service on another host authorises by the signed URL; our credentials stay home.
                current.WithoutCredentials();
            }
        }
    }

    /// <summary>Whether an absolute URL from Jira may receive the client's credentials: only the site's or API base's origin.</summary>
    public bool IsOwnOrigin(Uri uri, Uri apiBase) =>
        uri.IsAbsoluteUri && (SameOrigin(uri, apiBase) || SameOrigin(uri, _site));

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400 and not 304;

    private Uri TargetOf(Uri apiBase, JiraRequest request) =>
        request.Target ?? new Uri((request.ToSite ? _site : apiBase).AbsoluteUri.TrimEnd('/') + request.PathAndQuery());

    /// <summary>As the JSON send, plus the request's own headers, absolute targets, and (streamed) unbuffered bodies and redirects passed back.</summary>
    private async Task<HttpResponseMessage> SendMessageAsync(Uri apiBase, JiraRequest request, bool streamed, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(request.Method, TargetOf(apiBase, request));
        message.Content = request.Content;
        message.Headers.Accept.Add(new(streamed ? "*/*" : "application/json"));
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }
        message.Options.Set(JiraRequestOptions.Kind, request.Kind);
        message.Options.Set(JiraRequestOptions.Site, _siteKey);
        message.Options.Set(JiraRequestOptions.Anonymous, request.Anonymous);
        message.Options.Set(JiraRequestOptions.Streamed, streamed);
        var started = _time.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            var http = _httpClientFactory.CreateClient(_httpClientName);
            response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (IsNoAnswer(ex))
        {
            throw NoAnswer(request, ex);
        }
        finally
        {
            // The caller owns the body's streams (uploads): the message must not dispose them.
            message.Content = null;
        }
        var requestId = RequestIdOf(response);
        Log.RequestCompleted(_logger, request.Method.Method, request.Path, (int)response.StatusCode,
            _time.GetElapsedTime(started).TotalMilliseconds, requestId);
        if (response.IsSuccessStatusCode || (streamed && IsRedirect(response.StatusCode)))
        {
            return response;
        }
        using (response)
        {
            throw await ErrorAsync(request, response, requestId, cancellationToken).ConfigureAwait(false);
        }
    }
}
