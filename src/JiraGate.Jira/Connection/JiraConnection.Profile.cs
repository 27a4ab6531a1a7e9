using JiraGate.Jira.Authentication;
using JiraGate.Jira.Authentication.OAuth;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira.Connection;

/// <summary>Resolving where the API lives (site or gateway + cloud id) and which deployment answers.</summary>
internal sealed partial class JiraConnection
{
    /// <summary>The clock the connection was given (for callers that reason about expiry, e.g. dynamic webhooks).</summary>
    public TimeProvider Time => _time;

    /// <summary>The site URL, or {gateway}/ex/jira/{cloudId} for scoped API tokens and OAuth.</summary>
    private async Task<Uri> ResolveApiBaseAsync(CancellationToken cancellationToken)
    {
        var cloudId = Credentials switch
        {
            ScopedApiTokenCredentials scoped => scoped.CloudId ?? "",
            OAuthCredentials oauth => oauth.CloudId ?? "",
            _ => null,
        };
        if (cloudId is null)
        {
            return _site;
        }
        if (cloudId.Length == 0)
        {
            cloudId = Credentials is OAuthCredentials
                ? await CloudIdFromAccessibleResourcesAsync(cancellationToken).ConfigureAwait(false)
                : await CloudIdFromTenantInfoAsync(cancellationToken).ConfigureAwait(false);
        }
        var apiBase = new Uri(Options.ApiGatewayBaseUrl.AbsoluteUri.TrimEnd('/') + "/ex/jira/" + JiraRequest.Segment(cloudId));
        Log.CloudIdDiscovered(_logger, _siteKey, cloudId, apiBase.AbsoluteUri);
        return apiBase;
    }

    /// <summary>Scoped API tokens: the site's public /_edge/tenant_info (no credentials go to it).</summary>
    private async Task<string> CloudIdFromTenantInfoAsync(CancellationToken cancellationToken)
    {
        var info = await SendCoreAsync(_site, JiraRequest.Get("/_edge/tenant_info").AgainstSite().WithoutCredentials(),
            JiraJsonContext.Default.TenantInfo, cancellationToken).ConfigureAwait(false);
        return info.Value.CloudId is { Length: > 0 } found
            ? found
            : throw new JiraException($"{_siteKey}/_edge/tenant_info did not name a cloud id; pass it to the credentials (cloudId) instead.");
    }

    /// <summary>
    /// OAuth: the sites the access token may call, from {gateway}/oauth/token/accessible-resources (sent with the
    /// bearer token through the client's own pipeline), and the one whose URL is the configured site.
    /// </summary>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/#3-1-get-the-cloudid-for-your-site</remarks>
    private async Task<string> CloudIdFromAccessibleResourcesAsync(CancellationToken cancellationToken)
    {
        var response = await SendCoreAsync(Options.ApiGatewayBaseUrl, JiraRequest.Get("/oauth/token/accessible-resources"),
            OAuthJsonContext.Default.ListJiraAccessibleResource, cancellationToken).ConfigureAwait(false);
        var sites = response.Value;
        foreach (var site in sites)
        {
            if (SameSite(site.Url, _site) && site.Id is { Length: > 0 } id)
            {
                return id;
            }
        }
        var reachable = sites.Count == 0
            ? "it reaches no site at all"
            : "it reaches only " + string.Join(", ", sites.Select(s => s.Url + (s.Name.Length > 0 ? " (" + s.Name + ")" : "")));
        throw new JiraOAuthException(
            $"The OAuth grant does not cover the configured site {_siteKey}: {reachable}. Authorise the app again and pick " +
            $"{_siteKey} on the consent screen, or set JiraClientOptions.BaseUrl to a site the grant covers.",
            response.StatusCode, "site_not_accessible");
    }

    /// <summary>Same scheme, host (any case), port and path, ignoring a trailing slash.</summary>
    private static bool SameSite(string? url, Uri site) =>
        Uri.TryCreate(url, UriKind.Absolute, out var candidate)
        && Uri.Compare(candidate, site, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
        && string.Equals(candidate.AbsolutePath.TrimEnd('/'), site.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal);

    /// <summary>The configured deployment, else what /rest/api/2/serverInfo says (read once).</summary>
    private async Task<JiraDeployment> ResolveDeploymentAsync(Uri apiBase, CancellationToken cancellationToken)
    {
        if (Options.Deployment != JiraDeployment.Auto)
        {
            return Options.Deployment;
        }
        if (Credentials is ScopedApiTokenCredentials or OAuthCredentials)
        {
            return JiraDeployment.Cloud;
        }
        // serverInfo answers anonymous callers, so ask without credentials first: credentials that do not
        // suit the site (a password on Cloud) then get a clear message instead of a bare 401.
        JiraResponse<Models.ServerInfo> info;
        try
        {
            info = await SendCoreAsync(apiBase, JiraRequest.Get("/rest/api/2/serverInfo").WithoutCredentials(),
                JiraJsonContext.Default.ServerInfo, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JiraUnauthorizedException or JiraForbiddenException or JiraNotFoundException)
        {
            info = await SendCoreAsync(apiBase, JiraRequest.Get("/rest/api/2/serverInfo"),
                JiraJsonContext.Default.ServerInfo, cancellationToken).ConfigureAwait(false);
        }
        return info.Value.Deployment;
    }
}
