using System.Net;
using System.Net.Http.Headers;
using System.Text;
using JiraGate.Jira.Authentication;

namespace JiraGate.Jira.Connection;

/// <summary>Adds credentials to each request; one handler type per kind of credentials.</summary>
internal static class AuthenticationHandlers
{
    public static DelegatingHandler Create(JiraCredentials credentials) => credentials switch
    {
        ApiTokenCredentials c => new BasicAuthenticationHandler(c.Email, c.ApiToken),
        ScopedApiTokenCredentials c => new BasicAuthenticationHandler(c.Email, c.ApiToken),
        BasicPasswordCredentials c => new BasicAuthenticationHandler(c.Username, c.Password),
        PersonalAccessTokenCredentials c => new BearerTokenHandler(c.Token),
        OAuthCredentials c => new OAuthBearerHandler(c.TokenSource),
        null => throw new ArgumentNullException(nameof(credentials)),
        _ => throw new NotSupportedException("Unsupported credentials: " + credentials.Describe()),
    };
}

/// <summary>Basic <c>email:api-token</c> (Cloud, scoped or not) or <c>username:password</c> (Data Center).</summary>
internal sealed class BasicAuthenticationHandler(string user, string secret) : DelegatingHandler
{
    // Built once; never logged (header values are redacted in HttpClient logging) nor put in messages.
    private readonly AuthenticationHeaderValue _header =
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + secret)));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!JiraRequestOptions.IsAnonymous(request))
        {
            request.Headers.Authorization = _header;
        }
        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary><c>Authorization: Bearer &lt;personal access token&gt;</c> (Data Center).</summary>
internal sealed class BearerTokenHandler(string token) : DelegatingHandler
{
    private readonly AuthenticationHeaderValue _header = new("Bearer", token);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!JiraRequestOptions.IsAnonymous(request))
        {
            request.Headers.Authorization = _header;
        }
        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>
/// OAuth 2.0 bearer tokens from an <see cref="IJiraAccessTokenSource"/>. A 401 means the token expired or
/// was revoked early: ask once for a fresh one and send again; a second 401 goes back to the caller.
/// </summary>
internal sealed class OAuthBearerHandler(IJiraAccessTokenSource tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (JiraRequestOptions.IsAnonymous(request))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        var token = await tokens.GetAccessTokenAsync(forceRefresh: false, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }
        var fresh = await tokens.GetAccessTokenAsync(forceRefresh: true, cancellationToken).ConfigureAwait(false);
        if (string.Equals(fresh, token, StringComparison.Ordinal))
        {
            return response;
        }
        // Jira refused the request before acting on it, so sending it again is safe even for a POST.
        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fresh);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>
/// Reads the whole body inside the resilience pipeline, so a connection reset mid-body is seen (and, for
/// reads, retried) there rather than after the pipeline has returned.
/// </summary>
internal sealed class ResponseBufferingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (request.Options.TryGetValue(JiraRequestOptions.Streamed, out var streamed) && streamed && response.IsSuccessStatusCode)
        {
            // Attachment content: the caller streams it; buffering would hold the whole file in memory.
            return response;
        }
        try
        {
            // Into a pooled buffer rather than LoadIntoBufferAsync's fresh array per response (see PooledBodyContent).
            response.Content = await PooledBodyContent.LoadAsync(response.Content, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
