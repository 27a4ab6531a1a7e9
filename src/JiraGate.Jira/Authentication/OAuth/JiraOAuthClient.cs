using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace JiraGate.Jira.Authentication.OAuth;

/// <summary>
/// Atlassian OAuth 2.0: the authorization URL (3LO), code exchange, refresh, client credentials (service
/// accounts) and accessible-resources. Stateless apart from its settings; keep tokens in an
/// <see cref="OAuthTokenSource"/> or <see cref="ClientCredentialsTokenSource"/>.
/// </summary>
/// <remarks>
/// See https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/ and
/// https://support.atlassian.com/user-management/docs/create-oauth-2-0-credential-for-service-accounts/.
/// The <see cref="HttpClient"/> comes from <c>IHttpClientFactory</c> (see <c>AddJiraOAuthClient</c>); this type never creates one.
/// </remarks>
public sealed class JiraOAuthClient
{
    private readonly HttpClient _http;
    private readonly string _clientId;
    private readonly string _clientSecret;
    private readonly Uri? _redirectUri;
    private readonly string _scope;
    private readonly Uri _authorizeEndpoint;
    private readonly Uri _tokenEndpoint;
    private readonly Uri _accessibleResourcesEndpoint;

    /// <summary>Creates a client over an <see cref="HttpClient"/> from <c>IHttpClientFactory</c>.</summary>
    /// <param name="httpClient">The HTTP client (from the factory or a typed-client registration).</param>
    /// <param name="options">The app's settings; validated here.</param>
    /// <param name="timeProvider">The clock for token expiry; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="logger">Where to log grants and refusals (never tokens).</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public JiraOAuthClient(HttpClient httpClient, JiraOAuthOptions options, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _http = httpClient;
        _clientId = options.ClientId;
        _clientSecret = options.ClientSecret;
        _redirectUri = options.RedirectUri;
        _scope = string.Join(' ', options.Scopes);
        var auth = WithTrailingSlash(options.AuthorizationServerBaseUrl);
        _authorizeEndpoint = new Uri(auth, "authorize");
        _tokenEndpoint = new Uri(auth, "oauth/token");
        _accessibleResourcesEndpoint = new Uri(WithTrailingSlash(options.ApiGatewayBaseUrl), "oauth/token/accessible-resources");
        RefreshSkew = options.RefreshSkew;
        Time = timeProvider ?? TimeProvider.System;
        Logger = logger ?? NullLogger.Instance;
    }

    internal TimeProvider Time { get; }

    internal TimeSpan RefreshSkew { get; }

    internal ILogger Logger { get; }

    /// <summary>A cryptographically random, URL-safe state value (256 bits) to bind the callback to this browser session.</summary>
    public static string CreateState() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// The URL to send the user to for consent:
    /// <c>{auth}/authorize?audience=api.atlassian.com&amp;client_id=…&amp;scope=…&amp;redirect_uri=…&amp;state=…&amp;response_type=code&amp;prompt=consent</c>.
    /// </summary>
    /// <param name="state">An unguessable value kept with the user's session (see <see cref="CreateState"/>), checked on the callback.</param>
    /// <exception cref="InvalidOperationException">No <see cref="JiraOAuthOptions.RedirectUri"/> or no scopes are configured.</exception>
    public Uri CreateAuthorizationUrl(string state)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(state);
        var redirect = RequireRedirectUri();
        if (_scope.Length == 0)
        {
            throw new InvalidOperationException("JiraOAuthOptions.Scopes is empty; the authorization URL needs at least one scope (e.g. read:jira-work).");
        }
        var query = new StringBuilder()
            .Append("?audience=api.atlassian.com")
            .Append("&client_id=").Append(Uri.EscapeDataString(_clientId))
            .Append("&scope=").Append(Uri.EscapeDataString(_scope))
            .Append("&redirect_uri=").Append(Uri.EscapeDataString(redirect.AbsoluteUri))
            .Append("&state=").Append(Uri.EscapeDataString(state))
            .Append("&response_type=code&prompt=consent");
        return new Uri(_authorizeEndpoint.AbsoluteUri + query);
    }

    /// <summary>
    /// Reads the authorization code from the redirect back to <see cref="JiraOAuthOptions.RedirectUri"/>, after
    /// checking its <c>state</c> against the one sent (constant-time).
    /// </summary>
    /// <exception cref="JiraOAuthException">The state does not match, the user declined (<c>error=access_denied</c>), or there is no code.</exception>
    public static string GetCodeFromCallback(Uri callbackUri, string expectedState)
    {
        ArgumentNullException.ThrowIfNull(callbackUri);
        ArgumentException.ThrowIfNullOrWhiteSpace(expectedState);
        // Relative callbacks (path and query from a web framework) are accepted too.
        var raw = callbackUri.IsAbsoluteUri ? callbackUri.Query : callbackUri.OriginalString;
        var start = raw.IndexOf('?', StringComparison.Ordinal);
        var query = ParseQuery(start < 0 ? "" : raw[(start + 1)..].Split('#', 2)[0]);
        var state = query.GetValueOrDefault("state") ?? "";
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(state), Encoding.UTF8.GetBytes(expectedState)))
        {
            throw new JiraOAuthException("The OAuth callback's state does not match the one sent; the callback is refused (possible CSRF or a stale session).", null, "invalid_state");
        }
        if (query.GetValueOrDefault("error") is { Length: > 0 } error)
        {
            throw new JiraOAuthException($"The authorization was not granted ({error}): the user declined or the request was refused. Start the authorization again.", null, error);
        }
        return query.GetValueOrDefault("code") is { Length: > 0 } code
            ? code
            : throw new JiraOAuthException("The OAuth callback carries no authorization code.", null, "invalid_request");
    }

    /// <summary>Exchanges an authorization code (single use, ~10 minutes) for tokens: <c>POST {auth}/oauth/token</c>, grant_type authorization_code.</summary>
    /// <exception cref="JiraOAuthException">The token endpoint refused the code or the client.</exception>
    public Task<OAuthTokenSet> ExchangeCodeAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return RequestTokensAsync(new TokenRequest
        {
            GrantType = "authorization_code",
            ClientId = _clientId,
            ClientSecret = _clientSecret,
            Code = code,
            RedirectUri = RequireRedirectUri().AbsoluteUri,
        }, code, cancellationToken);
    }

    /// <summary>
    /// Trades a refresh token for new tokens: <c>POST {auth}/oauth/token</c>, grant_type refresh_token. The answer
    /// holds a NEW refresh token and the one sent stops working, so save the result before using it.
    /// Prefer <see cref="OAuthTokenSource"/>, which serialises refreshes and saves for you.
    /// </summary>
    /// <exception cref="JiraOAuthException">The refresh token was refused (<see cref="JiraOAuthException.IsReauthorizationRequired"/>).</exception>
    public Task<OAuthTokenSet> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(refreshToken);
        return RequestTokensAsync(new TokenRequest
        {
            GrantType = "refresh_token",
            ClientId = _clientId,
            ClientSecret = _clientSecret,
            RefreshToken = refreshToken,
        }, refreshToken, cancellationToken);
    }

    /// <summary>
    /// A service account's access token: <c>POST {auth}/oauth/token</c>, grant_type client_credentials. No refresh
    /// token; ask again when it expires (see <see cref="ClientCredentialsTokenSource"/>).
    /// </summary>
    /// <exception cref="JiraOAuthException">The client was refused.</exception>
    public Task<OAuthTokenSet> RequestClientCredentialsTokenAsync(CancellationToken cancellationToken = default) =>
        RequestTokensAsync(new TokenRequest
        {
            GrantType = "client_credentials",
            ClientId = _clientId,
            ClientSecret = _clientSecret,
        }, null, cancellationToken);

    /// <summary>The sites an access token may call (<c>id</c> is the cloud id): <c>GET {gateway}/oauth/token/accessible-resources</c>.</summary>
    /// <remarks>See https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/#3-1-get-the-cloudid-for-your-site.</remarks>
    /// <exception cref="JiraOAuthException">The access token was refused or the answer was not the expected JSON.</exception>
    public async Task<IReadOnlyList<JiraAccessibleResource>> GetAccessibleResourcesAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, _accessibleResourcesEndpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new JiraOAuthException(
                $"accessible-resources refused the access token ({(int)response.StatusCode} {response.ReasonPhrase}); it may have expired or lack the scopes for any site.",
                response.StatusCode, response.StatusCode == HttpStatusCode.Unauthorized ? "invalid_token" : null);
        }
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync(stream, OAuthJsonContext.Default.ListJiraAccessibleResource, cancellationToken).ConfigureAwait(false)
                    ?? throw new JsonException("null");
            }
        }
        catch (JsonException ex)
        {
            throw new JiraOAuthException("accessible-resources answered with something other than a JSON list of sites.", response.StatusCode, null, ex);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"OAuth client {_clientId} at {_tokenEndpoint.GetLeftPart(UriPartial.Authority)}";

    private async Task<OAuthTokenSet> RequestTokensAsync(TokenRequest body, string? grantValue, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _tokenEndpoint)
        {
            Content = JsonContent.Create(body, OAuthJsonContext.Default.TokenRequest),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw Refused(body.GrantType, response.StatusCode, text, grantValue);
        }
        TokenResponse? tokens;
        try
        {
            tokens = JsonSerializer.Deserialize(text, OAuthJsonContext.Default.TokenResponse);
        }
        catch (JsonException ex)
        {
            throw new JiraOAuthException($"The token endpoint answered the {body.GrantType} request with something other than JSON.", response.StatusCode, null, ex);
        }
        if (tokens is not { AccessToken.Length: > 0 })
        {
            throw new JiraOAuthException($"The token endpoint answered the {body.GrantType} request without an access token.", response.StatusCode, null);
        }
        // Atlassian always sends expires_in (3600); an absent one is treated as the documented hour.
        var expiresAt = Time.GetUtcNow() + TimeSpan.FromSeconds(tokens.ExpiresIn is > 0 ? tokens.ExpiresIn.Value : 3600);
        var set = new OAuthTokenSet
        {
            AccessToken = tokens.AccessToken,
            RefreshToken = string.IsNullOrEmpty(tokens.RefreshToken) ? null : tokens.RefreshToken,
            ExpiresAt = expiresAt,
            Scopes = (tokens.Scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries),
        };
        OAuthLog.TokenGranted(Logger, body.GrantType, expiresAt, set.RefreshToken is not null);
        return set;
    }

    private JiraOAuthException Refused(string grantType, HttpStatusCode status, string body, string? grantValue)
    {
        OAuthErrorResponse? error = null;
        try
        {
            error = JsonSerializer.Deserialize(body, OAuthJsonContext.Default.OAuthErrorResponse);
        }
        catch (JsonException)
        {
            // An HTML or empty error page (a proxy, a 502): only the status is reported, never the body.
        }
        var code = string.IsNullOrWhiteSpace(error?.Error) ? null : error.Error;
        OAuthLog.TokenRefused(Logger, grantType, (int)status, code ?? "(no error code)");
        var what = $"({(int)status} {code ?? status.ToString()}{Describe(error?.ErrorDescription, grantValue)})";
        var message = (grantType, code) switch
        {
            ("refresh_token", "invalid_grant") =>
                $"The refresh token was refused {what}: it was already used (refresh tokens rotate, so only the newest saved one works), revoked, or expired. The user must authorise the app again.",
            ("authorization_code", "invalid_grant") =>
                $"The authorization code was refused {what}: it was already used, expired, or was issued for another client or redirect URI. Start the authorization again.",
            _ when status == HttpStatusCode.Unauthorized =>
                $"The token endpoint refused the app's credentials for the {grantType} grant {what}: check ClientId and ClientSecret.",
            _ => $"The token endpoint refused the {grantType} grant {what}.",
        };
        return new JiraOAuthException(message, status, code);
    }

    /// <summary>The server's error_description, minus anything we sent that is secret (a server could echo it).</summary>
    private string Describe(string? description, string? grantValue)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            return "";
        }
        var clean = description.Replace(_clientSecret, "***", StringComparison.Ordinal);
        if (!string.IsNullOrEmpty(grantValue))
        {
            clean = clean.Replace(grantValue, "***", StringComparison.Ordinal);
        }
        return ": " + (clean.Length > 200 ? clean[..200] + "…" : clean);
    }

    private Uri RequireRedirectUri() => _redirectUri
        ?? throw new InvalidOperationException("JiraOAuthOptions.RedirectUri is required for the authorization-code flow (the callback URL registered for the app).");

    private static Uri WithTrailingSlash(Uri baseUrl) =>
        baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(parts[0].Replace('+', ' '));
            result.TryAdd(key, parts.Length > 1 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : "");
        }
        return result;
    }
}
