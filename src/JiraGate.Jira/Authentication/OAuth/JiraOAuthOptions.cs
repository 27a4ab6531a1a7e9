namespace JiraGate.Jira.Authentication.OAuth;

/// <summary>
/// An Atlassian OAuth 2.0 app: its client id and secret, where users come back after consent, which scopes to
/// ask for, and where Atlassian's authorization server and API gateway live.
/// </summary>
/// <remarks>
/// See https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/. The secret never appears in
/// <see cref="ToString"/>, exceptions or logs.
/// </remarks>
public sealed class JiraOAuthOptions
{
    /// <summary>Atlassian's authorization server (authorize and token endpoints).</summary>
    public static readonly Uri DefaultAuthorizationServerBaseUrl = new("https://auth.atlassian.com/");

    /// <summary>Atlassian's API gateway (accessible-resources and /ex/jira/{cloudId}).</summary>
    public static readonly Uri DefaultApiGatewayBaseUrl = new("https://api.atlassian.com/");

    /// <summary>The app's client id from the Atlassian developer console.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The app's client secret. Never printed.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>
    /// The callback URL registered for the app; required for the authorization-code flow, unused by client
    /// credentials. https, or http on a loopback address (native apps).
    /// </summary>
    public Uri? RedirectUri { get; set; }

    /// <summary>
    /// Scopes to ask for, e.g. <c>read:jira-work</c>, <c>write:jira-work</c>, <c>read:jira-user</c>, and
    /// <c>offline_access</c> to get a refresh token.
    /// </summary>
    public IList<string> Scopes { get; } = [];

    /// <summary>Base URL of the authorization server; https://auth.atlassian.com by default.</summary>
    public Uri AuthorizationServerBaseUrl { get; set; } = DefaultAuthorizationServerBaseUrl;

    /// <summary>Base URL of the API gateway; https://api.atlassian.com by default.</summary>
    public Uri ApiGatewayBaseUrl { get; set; } = DefaultApiGatewayBaseUrl;

    /// <summary>
    /// How long before its expiry an access token is treated as expired and refreshed, so a token is never sent
    /// in its last seconds (5 minutes by default; Atlassian's access tokens last an hour).
    /// </summary>
    public TimeSpan RefreshSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Throws <see cref="ArgumentException"/> naming every invalid setting (the secret's value is never included).</summary>
    /// <exception cref="ArgumentException">A setting is missing or malformed.</exception>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid JiraOAuthOptions: " + string.Join("; ", problems) + ".");
        }
    }

    /// <summary>A secret-free description, e.g. "OAuth app abc123 (3 scopes) at https://auth.atlassian.com/".</summary>
    public override string ToString() =>
        $"OAuth app {(ClientId.Length == 0 ? "(no client id)" : ClientId)} ({Scopes.Count} scopes) at {AuthorizationServerBaseUrl}";

    internal List<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            problems.Add("ClientId is required (the app's client id from developer.atlassian.com)");
        }
        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            problems.Add("ClientSecret is required");
        }
        CheckBaseUrl(AuthorizationServerBaseUrl, nameof(AuthorizationServerBaseUrl), problems);
        CheckBaseUrl(ApiGatewayBaseUrl, nameof(ApiGatewayBaseUrl), problems);
        if (RedirectUri is { } redirect && !IsAllowedRedirect(redirect))
        {
            problems.Add("RedirectUri must be an absolute https URL, or http on a loopback address, without a fragment");
        }
        for (var i = 0; i < Scopes.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Scopes[i]) || Scopes[i].Any(char.IsWhiteSpace))
            {
                problems.Add($"Scopes[{i}] must be one non-empty scope without spaces (e.g. read:jira-work)");
            }
        }
        if (RefreshSkew < TimeSpan.Zero || RefreshSkew >= TimeSpan.FromMinutes(30))
        {
            problems.Add("RefreshSkew must be at least zero and under 30 minutes (access tokens last about an hour)");
        }
        return problems;
    }

    private static void CheckBaseUrl(Uri? url, string name, List<string> problems)
    {
        if (url is null || !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
            || url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            problems.Add($"{name} must be an absolute http(s) URL without query or fragment");
        }
    }

    private static bool IsAllowedRedirect(Uri uri) =>
        uri.IsAbsoluteUri && uri.Fragment.Length == 0
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
