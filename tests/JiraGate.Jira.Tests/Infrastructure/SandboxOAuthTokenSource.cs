using System.Net.Http.Json;
using System.Text.Json;
using JiraGate.Jira.Authentication;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;

namespace JiraGate.Jira.Tests.Infrastructure;

/// <summary>
/// Service-account OAuth against the sandbox (client credentials): a fresh token on every forced refresh.
/// <see cref="FirstToken"/> lets a test start with a token the sandbox will refuse.
/// </summary>
internal sealed class SandboxOAuthTokenSource(SandboxHost host) : IJiraAccessTokenSource
{
    private string? _current;

    public string? FirstToken { get; init; }

    public int Refreshes { get; private set; }

    public async ValueTask<string> GetAccessTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        if (!forceRefresh && (_current ?? FirstToken) is { } token)
        {
            return token;
        }
        Refreshes++;
        using var http = host.CreateClient();
        using var response = await http.PostAsync(new Uri(host.BaseUrl, "/oauth/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = DemoCredentials.OAuthClientId,
            ["client_secret"] = DemoCredentials.OAuthClientSecret,
        }), cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return _current = body.GetProperty("access_token").GetString()!;
    }
}
