using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using JiraGate.Jira.Authentication;
using JiraGate.Jira.Serialization;
using Microsoft.Extensions.Logging;

namespace JiraGate.Jira.Connection;

/// <summary>What a connection learned about its site once: the deployment and where the REST API lives.</summary>
internal sealed record SiteProfile(JiraDeployment Deployment, Uri ApiBase)
{
    /// <summary>/rest/api/3 on Cloud (ADF), /rest/api/2 on Data Center (wiki markup).</summary>
    public string RestPrefix => Deployment == JiraDeployment.Cloud ? "/rest/api/3" : "/rest/api/2";

    public bool IsCloud => Deployment == JiraDeployment.Cloud;
}

/// <summary>
/// The one way to Jira: builds requests against the resolved API base, sends them through the HttpClient
/// that DI configured (auth handler, resilience pipeline), reads answers with <see cref="JiraJsonContext"/>
/// and turns failures into <see cref="JiraException"/>s. Shared by every sub-client of a <see cref="JiraClient"/>.
/// </summary>
internal sealed partial class JiraConnection : IDisposable
{
    public const string DefaultHttpClientName = "JiraGate.Jira";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly string _httpClientName;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _profileGate = new(1, 1);
    private readonly Uri _site;
    private readonly string _siteKey;
    private SiteProfile? _profile;

    public JiraConnection(IHttpClientFactory httpClientFactory, string httpClientName, JiraClientOptions options,
        TimeProvider time, ILogger<JiraConnection> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _httpClientFactory = httpClientFactory ?? throw new ArgumentNullException(nameof(httpClientFactory));
        _httpClientName = httpClientName;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        Options = options;
        Credentials = options.Credentials ?? throw new ArgumentException("Credentials are required.", nameof(options));
        _site = options.BaseUrl ?? throw new ArgumentException("BaseUrl is required.", nameof(options));
        _siteKey = _site.AbsoluteUri.TrimEnd('/');
    }

    public JiraClientOptions Options { get; }

    public JiraCredentials Credentials { get; }

    /// <summary>The deployment and API base, resolved on first use (cloud id discovery, serverInfo) and cached.</summary>
    public async ValueTask<SiteProfile> GetProfileAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _profile) is { } known)
        {
            return known;
        }
        await _profileGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_profile is { } raced)
            {
                return raced;
            }
            var apiBase = await ResolveApiBaseAsync(cancellationToken).ConfigureAwait(false);
            var deployment = await ResolveDeploymentAsync(apiBase, cancellationToken).ConfigureAwait(false);
            if (JiraClientOptionsValidator.CredentialsProblem(Credentials, deployment) is { } problem)
            {
                throw new InvalidOperationException("The Jira site " + _siteKey + " is " + deployment + ". " + problem);
            }
            var profile = new SiteProfile(deployment, apiBase);
            Log.DeploymentResolved(_logger, _siteKey, deployment, profile.RestPrefix);
            Volatile.Write(ref _profile, profile);
            return profile;
        }
        finally
        {
            _profileGate.Release();
        }
    }

    /// <summary>Sends a request and reads a JSON answer.</summary>
    public async Task<JiraResponse<T>> SendAsync<T>(JiraRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var profile = await GetProfileAsync(cancellationToken).ConfigureAwait(false);
        return await SendCoreAsync(profile.ApiBase, request, typeInfo, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a request whose answer has no body worth reading (204, 202).</summary>
    public async Task<JiraResponse<HttpStatusCode>> SendAsync(JiraRequest request, CancellationToken cancellationToken)
    {
        var profile = await GetProfileAsync(cancellationToken).ConfigureAwait(false);
        using var response = await SendRawAsync(profile.ApiBase, request, cancellationToken).ConfigureAwait(false);
        return new(response.StatusCode, response.StatusCode, RequestIdOf(response));
    }

    private async Task<JiraResponse<T>> SendCoreAsync<T>(Uri apiBase, JiraRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(apiBase, request, cancellationToken).ConfigureAwait(false);
        var requestId = RequestIdOf(response);
        T? value;
        try
        {
            if (response.Content is PooledBodyContent buffered)
            {
                // Already read whole by ResponseBufferingHandler: parse the bytes in place, no stream, no copy,
                // and read each repeated short string, URL or nested object (status, user …) of the body once.
                var body = buffered.Memory;
                using (RepeatedValues.Enter(body))
                {
                    value = JsonSerializer.Deserialize(body.Span, typeInfo);
                }
            }
            else
            {
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    value = await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (JsonException ex)
        {
            throw Unreadable(request, response, requestId, ex);
        }
        return value is null ? throw Unreadable(request, response, requestId, null) : new(value, response.StatusCode, requestId);
    }

    private async Task<HttpResponseMessage> SendRawAsync(Uri apiBase, JiraRequest request, CancellationToken cancellationToken)
    {
        var (response, requestId) = await SendMessageAsync(apiBase, request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }
        using (response)
        {
            throw await ErrorAsync(request, response, requestId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends <paramref name="request"/> once through the named client (auth, resilience, per-site gate) and logs the
    /// answer, whatever its status; no answer at all becomes the usual "no answer" exception. The caller owns the response.
    /// </summary>
    private async Task<(HttpResponseMessage Response, string? RequestId)> SendMessageAsync(Uri apiBase, JiraRequest request, CancellationToken cancellationToken)
    {
        var baseUri = request.ToSite ? _site : apiBase;
        using var message = new HttpRequestMessage(request.Method, new Uri(baseUri.AbsoluteUri.TrimEnd('/') + request.PathAndQuery()));
        message.Content = request.Content;
        message.Headers.Accept.Add(new("application/json"));
        message.Options.Set(JiraRequestOptions.Kind, request.Kind);
        message.Options.Set(JiraRequestOptions.Site, _siteKey);
        message.Options.Set(JiraRequestOptions.Anonymous, request.Anonymous);
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
        var requestId = RequestIdOf(response);
        Log.RequestCompleted(_logger, request.Method.Method, request.Path, (int)response.StatusCode,
            _time.GetElapsedTime(started).TotalMilliseconds, requestId);
        return (response, requestId);
    }

    /// <summary>Jira's request id: X-ARequestId, else ATL-TraceId.</summary>
    internal static string? RequestIdOf(HttpResponseMessage response) =>
        Header(response, "X-ARequestId") ?? Header(response, "ATL-TraceId");

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) && values.FirstOrDefault() is { Length: > 0 } value ? value : null;

    private string Describe() => Credentials.Describe();

    public void Dispose() => _profileGate.Dispose();
}
