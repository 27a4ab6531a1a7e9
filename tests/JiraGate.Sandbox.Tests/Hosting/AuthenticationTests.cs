using System.Net;
using System.Net.Http.Headers;
using System.Text;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Tests.Infrastructure;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;

namespace JiraGate.Sandbox.Tests.Hosting;

public sealed class AuthenticationTests(SandboxFixture sandbox)
{
    [Fact]
    public async Task Request_WithoutCredentials_Gets401InJirasShape()
    {
        using var client = sandbox.Anonymous();
        var response = await client.GetAsync("/rest/api/3/issue/SEC-1", Ct);
        await response.ExpectErrorAsync(HttpStatusCode.Unauthorized, "Client must be authenticated to access this resource.");
    }

    [Theory]
    [InlineData("alice@example.com:wrong-token")]
    [InlineData("nobody@example.com:sandbox-token-alice")]
    [InlineData("ivan@example.com:sandbox-token-ivan")] // inactive user
    [InlineData("not-base64-at-all")]
    public async Task Request_WithWrongBasicCredentials_Gets401(string credentials)
    {
        using var client = sandbox.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/rest/api/3/issue/SEC-1");
        var value = credentials.Contains(':', StringComparison.Ordinal) ? Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)) : credentials;
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", value);
        var response = await client.SendAsync(request, Ct);
        await response.ExpectErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task OAuthBearer_OnSiteUrl_Gets401()
    {
        using var client = sandbox.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/rest/api/3/myself");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "some-token");
        var response = await client.SendAsync(request, Ct);
        await response.ExpectErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Gateway_UnknownCloudId_Gets404()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var response = await client.GetAsync("/ex/jira/00000000-0000-0000-0000-000000000000/rest/api/3/myself", Ct);
        await response.ExpectErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DataCenter_PersonalAccessToken_Authenticates_AndWrongOneGets401()
    {
        await using var host = await SandboxFixture.StartAsync(SandboxFlavor.DataCenter);
        using var client = host.CreateClient();
        using var ok = new HttpRequestMessage(HttpMethod.Get, "/rest/api/2/myself");
        ok.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DemoCredentials.Alice.PersonalAccessToken);
        var response = await client.SendAsync(ok, Ct);
        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);

        using var bad = new HttpRequestMessage(HttpMethod.Get, "/rest/api/2/myself");
        bad.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sandbox-pat-nobody");
        await (await client.SendAsync(bad, Ct)).ExpectErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Responses_CarryJiraRequestIds()
    {
        using var client = sandbox.Anonymous();
        var response = await client.GetAsync("/rest/api/3/myself", Ct);
        Assert.True(response.Headers.Contains("X-ARequestId"));
        Assert.True(response.Headers.Contains("ATL-TraceId"));
    }
}
