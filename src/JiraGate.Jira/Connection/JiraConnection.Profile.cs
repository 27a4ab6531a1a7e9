using JiraGate.Jira.Authentication;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira.Connection;

/// <summary>Resolving where the API lives (site or gateway + cloud id) and which deployment answers.</summary>
internal sealed partial class JiraConnection
{
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
            // tenant_info is public: no credentials go to it.
            var info = await SendCoreAsync(_site, JiraRequest.Get("/_edge/tenant_info").AgainstSite().WithoutCredentials(),
                JiraJsonContext.Default.TenantInfo, cancellationToken).ConfigureAwait(false);
            cloudId = info.Value.CloudId is { Length: > 0 } found
                ? found
                : throw new JiraException($"{_siteKey}/_edge/tenant_info did not name a cloud id; pass it to the credentials (cloudId) instead.");
        }
        var apiBase = new Uri(Options.ApiGatewayBaseUrl.AbsoluteUri.TrimEnd('/') + "/ex/jira/" + JiraRequest.Segment(cloudId));
        Log.CloudIdDiscovered(_logger, _siteKey, cloudId, apiBase.AbsoluteUri);
        return apiBase;
    }

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
