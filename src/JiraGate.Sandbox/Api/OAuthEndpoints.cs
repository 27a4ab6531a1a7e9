using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api;

/// <summary>
/// Atlassian's OAuth 2.0 (3LO) endpoints, emulated on the sandbox's own host: /authorize, /oauth/token,
/// /oauth/token/accessible-resources, and /_edge/tenant_info for cloud id discovery. The sandbox has no
/// login page: the consenting user is the one whose Basic credentials come with /authorize, or whose
/// email is given as <c>login_hint</c>.
/// </summary>
internal static class OAuthEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiVersionContext api)
    {
        if (!api.IsCloud)
        {
            return;
        }
        app.MapGet("/authorize", Authorize);
        app.MapPost("/oauth/token", TokenAsync);
        app.MapGet("/oauth/token/accessible-resources", AccessibleResources);
        app.MapGet("/_edge/tenant_info", (Site site) => JiraResults.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("cloudId", site.Read(s => s.Data.CloudId));
            w.WriteEndObject();
        }));
    }

    private static IResult Authorize(HttpContext http, Site site, OAuthServer oauth)
    {
        var q = http.Request.Query;
        var clientId = q["client_id"].ToString();
        var redirectUri = q["redirect_uri"].ToString();
        var client = site.Read(s => s.Data.OAuthClients.FirstOrDefault(c => c.ClientId == clientId));
        if (client is null)
        {
            return OAuthError(StatusCodes.Status400BadRequest, "invalid_client", "Unknown client_id.");
        }
        if (!IsAllowedRedirect(client, redirectUri))
        {
            return OAuthError(StatusCodes.Status400BadRequest, "invalid_request", "redirect_uri is not registered for this app.");
        }
        if (q["response_type"].ToString() != "code")
        {
            return OAuthError(StatusCodes.Status400BadRequest, "unsupported_response_type", "response_type must be 'code'.");
        }
        if (q["audience"].ToString() != "api.atlassian.com")
        {
            return OAuthError(StatusCodes.Status400BadRequest, "invalid_request", "audience must be 'api.atlassian.com'.");
        }
        var user = ConsentingUser(http, site);
        if (user is null)
        {
            return OAuthError(StatusCodes.Status401Unauthorized, "access_denied",
                "No consenting user: send the user's Basic email:api-token credentials or login_hint=<email>.");
        }
        var scopes = q["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var code = oauth.IssueCode(user.AccountId, clientId, redirectUri, scopes);
        var state = q["state"].ToString();
        var location = redirectUri + (redirectUri.Contains('?', StringComparison.Ordinal) ? "&" : "?")
            + "code=" + Uri.EscapeDataString(code) + (state.Length > 0 ? "&state=" + Uri.EscapeDataString(state) : "");
        return Results.Redirect(location);
    }

    private static User? ConsentingUser(HttpContext http, Site site)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    var (email, token) = (decoded[..colon], decoded[(colon + 1)..]);
                    return site.Read(s => s.UserByEmail(email) is { Active: true } u && u.ApiTokens.Contains(token) ? u : null);
                }
            }
            catch (FormatException)
            {
                return null;
            }
            return null;
        }
        var hint = http.Request.Query["login_hint"].ToString();
        return hint.Length == 0 ? null : site.Read(s => s.UserByEmail(hint) is { Active: true } u ? u : null);
    }

    private static bool IsAllowedRedirect(OAuthClient client, string redirectUri)
    {
        if (client.RedirectUris.Contains(redirectUri))
        {
            return true;
        }
        // Loopback redirects on any port, as native apps use (RFC 8252 §7.3).
        return Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback;
    }

    private static async Task<IResult> TokenAsync(HttpContext http, Site site, OAuthServer oauth)
    {
        var form = await ReadTokenRequestAsync(http);
        if (form is null)
        {
            return OAuthError(StatusCodes.Status400BadRequest, "invalid_request", "Send the token request as JSON or application/x-www-form-urlencoded.");
        }
        string Get(string key) => form.TryGetValue(key, out var v) ? v : "";
        var clientId = Get("client_id");
        var client = site.Read(s => s.Data.OAuthClients.FirstOrDefault(c => c.ClientId == clientId));
        if (client is null || !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(client.ClientSecret), System.Text.Encoding.UTF8.GetBytes(Get("client_secret"))))
        {
            return OAuthError(StatusCodes.Status401Unauthorized, "access_denied", "Unauthorized");
        }
        OAuthServer.TokenSet? tokens;
        switch (Get("grant_type"))
        {
            case "authorization_code":
                tokens = oauth.ExchangeCode(Get("code"), clientId, form.ContainsKey("redirect_uri") ? Get("redirect_uri") : null);
                if (tokens is null)
                {
                    return OAuthError(StatusCodes.Status403Forbidden, "invalid_grant", "Invalid authorization code");
                }
                break;
            case "refresh_token":
                tokens = oauth.Refresh(Get("refresh_token"), clientId);
                if (tokens is null)
                {
                    return OAuthError(StatusCodes.Status403Forbidden, "invalid_grant", "Unknown or invalid refresh token.");
                }
                break;
            case "client_credentials":
                var bot = site.Read(s => s.Data.Users.FirstOrDefault(u => u.AccountType == "app" && u.Active));
                if (bot is null)
                {
                    return OAuthError(StatusCodes.Status403Forbidden, "unauthorized_client", "No service account is bound to this client.");
                }
                tokens = oauth.ClientCredentials(bot.AccountId, clientId, ["read:jira-work", "write:jira-work", "read:jira-user"]);
                break;
            default:
                return OAuthError(StatusCodes.Status400BadRequest, "unsupported_grant_type", "grant_type must be authorization_code, refresh_token or client_credentials.");
        }
        return JiraResults.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("access_token", tokens.AccessToken);
            w.WriteNumber("expires_in", tokens.ExpiresInSeconds);
            w.WriteString("token_type", "Bearer");
            if (tokens.RefreshToken is not null)
            {
                w.WriteString("refresh_token", tokens.RefreshToken);
            }
            w.WriteString("scope", string.Join(' ', tokens.Scopes));
            w.WriteEndObject();
        });
    }

    private static async Task<Dictionary<string, string>?> ReadTokenRequestAsync(HttpContext http)
    {
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            return form.ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);
        }
        var body = await RequestReading.ReadJsonObjectAsync(http);
        if (!body.IsOk)
        {
            return null;
        }
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in body.Value!)
        {
            if (RequestReading.String(value) is { } text)
            {
                result[key] = text;
            }
        }
        return result;
    }

    private static IResult AccessibleResources(HttpContext http, Site site, OAuthServer oauth)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var caller = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? oauth.AuthenticateAccessToken(header[7..].Trim()) : null;
        if (caller is null)
        {
            return JiraResults.Unauthorized();
        }
        var (cloudId, name) = site.Read(s => (s.Data.CloudId, s.Data.SiteName));
        var baseUrl = Rendering.RenderContext.BaseUrlOf(http.Request);
        return JiraResults.Json(w =>
        {
            w.WriteStartArray();
            w.WriteStartObject();
            w.WriteString("id", cloudId);
            w.WriteString("url", baseUrl);
            w.WriteString("name", name);
            w.WriteStartArray("scopes");
            foreach (var scope in caller.Scopes ?? [])
            {
                w.WriteStringValue(scope);
            }
            w.WriteEndArray();
            w.WriteString("avatarUrl", baseUrl + "/images/site-avatar.png");
            w.WriteEndObject();
            w.WriteEndArray();
        });
    }

    private static IResult OAuthError(int status, string error, string description) => JiraResults.Json(w =>
    {
        w.WriteStartObject();
        w.WriteString("error", error);
        w.WriteString("error_description", description);
        w.WriteEndObject();
    }, status);
}
