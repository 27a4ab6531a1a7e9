using System.Net;
using JiraGate.Jira.Authentication;
using Microsoft.Extensions.Options;

namespace JiraGate.Jira;

/// <summary>Refuses option sets that cannot work, with a message that says what to change.</summary>
internal sealed class JiraClientOptionsValidator : IValidateOptions<JiraClientOptions>
{
    public ValidateOptionsResult Validate(string? name, JiraClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        CheckUrl(failures, options.BaseUrl, nameof(options.BaseUrl), "the Jira site URL, e.g. https://your-site.atlassian.net");
        CheckUrl(failures, options.ApiGatewayBaseUrl, nameof(options.ApiGatewayBaseUrl), "the API gateway, normally https://api.atlassian.com");
        if (options.Credentials is null)
        {
            failures.Add("JiraClientOptions.Credentials is required: ApiTokenCredentials (Cloud), ScopedApiTokenCredentials, OAuthCredentials, PersonalAccessTokenCredentials or BasicPasswordCredentials (Data Center).");
        }
        else if (CredentialsProblem(options.Credentials, EffectiveDeployment(options)) is { } problem)
        {
            failures.Add(problem);
        }
        CheckTimeout(failures, options.AttemptTimeout, nameof(options.AttemptTimeout));
        CheckTimeout(failures, options.TotalTimeout, nameof(options.TotalTimeout));
        if (options.MaxConcurrentRequestsPerSite < 1)
        {
            failures.Add("JiraClientOptions.MaxConcurrentRequestsPerSite must be at least 1.");
        }
        CheckRetry(failures, options.Retry);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The deployment the options imply before any call: explicit, or Cloud for *.atlassian.net.</summary>
    private static JiraDeployment EffectiveDeployment(JiraClientOptions options) =>
        options.Deployment != JiraDeployment.Auto ? options.Deployment
        : options.BaseUrl is { IsAbsoluteUri: true } url && url.Host.EndsWith(".atlassian.net", StringComparison.OrdinalIgnoreCase) ? JiraDeployment.Cloud
        : JiraDeployment.Auto;

    /// <summary>Whether credentials suit a deployment; null when they do (or the deployment is not known yet).</summary>
    internal static string? CredentialsProblem(JiraCredentials credentials, JiraDeployment deployment) => (credentials, deployment) switch
    {
        (BasicPasswordCredentials, JiraDeployment.Cloud) =>
            "Jira Cloud does not accept passwords over its REST API: use ApiTokenCredentials with the account's email and an API token (https://id.atlassian.com/manage-profile/security/api-tokens). BasicPasswordCredentials work only with Jira Data Center.",
        (PersonalAccessTokenCredentials, JiraDeployment.Cloud) =>
            "Jira Cloud has no personal access tokens: use ApiTokenCredentials with the account's email and an API token. PersonalAccessTokenCredentials work only with Jira Data Center.",
        (ApiTokenCredentials or ScopedApiTokenCredentials, JiraDeployment.DataCenter) =>
            "API tokens are a Jira Cloud credential: for Data Center use PersonalAccessTokenCredentials (or BasicPasswordCredentials where the site allows them).",
        (OAuthCredentials, JiraDeployment.DataCenter) =>
            "OAuthCredentials (Atlassian 3LO) work only with Jira Cloud: for Data Center use PersonalAccessTokenCredentials.",
        _ => null,
    };

    private static void CheckUrl(List<string> failures, Uri? url, string name, string what)
    {
        if (url is null)
        {
            failures.Add($"JiraClientOptions.{name} is required: {what}.");
            return;
        }
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"JiraClientOptions.{name} must be an absolute https:// URL: {what}.");
            return;
        }
        if (url.Scheme == Uri.UriSchemeHttp && !IsLoopback(url))
        {
            failures.Add($"JiraClientOptions.{name} must use https:// (credentials would cross the network in clear); http:// is allowed only for loopback addresses such as a local sandbox.");
        }
        if (url.UserInfo.Length > 0)
        {
            failures.Add($"JiraClientOptions.{name} must not carry credentials; set JiraClientOptions.Credentials instead.");
        }
        if (url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            failures.Add($"JiraClientOptions.{name} must not have a query or fragment: {what}.");
        }
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip));

    private static void CheckTimeout(List<string> failures, TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            failures.Add($"JiraClientOptions.{name} must be positive (or Timeout.InfiniteTimeSpan for none).");
        }
    }

    private static void CheckRetry(List<string> failures, JiraRetryOptions? retry)
    {
        if (retry is null)
        {
            failures.Add("JiraClientOptions.Retry is required (set MaxRetries = 0 to disable retrying).");
            return;
        }
        if (retry.MaxRetries is < 0 or > 20)
        {
            failures.Add("JiraRetryOptions.MaxRetries must be between 0 and 20.");
        }
        if (retry.InitialDelay < TimeSpan.Zero || retry.MaxDelay < retry.InitialDelay)
        {
            failures.Add("JiraRetryOptions.InitialDelay must be zero or more, and MaxDelay at least InitialDelay.");
        }
        if (!(retry.BackoffMultiplier >= 1.0))
        {
            failures.Add("JiraRetryOptions.BackoffMultiplier must be at least 1.");
        }
        if (!(retry.JitterMin > 0 && retry.JitterMin <= 1.0 && retry.JitterMax >= 1.0 && retry.JitterMax <= 3.0))
        {
            failures.Add("JiraRetryOptions jitter must satisfy 0 < JitterMin ≤ 1 ≤ JitterMax ≤ 3.");
        }
        if (retry.MaxRetryAfter < TimeSpan.Zero || retry.MaxTotalDelay < TimeSpan.Zero)
        {
            failures.Add("JiraRetryOptions.MaxRetryAfter and MaxTotalDelay must be zero or more.");
        }
    }
}
