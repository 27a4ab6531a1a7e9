using System.Net;
using JiraGate.Jira.Authentication;
using JiraGate.Jira.Tests.Infrastructure;

namespace JiraGate.Jira.Tests.Connection;

public sealed class OAuthBearerHandlerTests
{
    private sealed class CountingTokens : IJiraAccessTokenSource
    {
        public List<bool> Calls { get; } = [];

        public ValueTask<string> GetAccessTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
        {
            Calls.Add(forceRefresh);
            return ValueTask.FromResult("token-" + Calls.Count);
        }
    }

    private static ServiceProvider Client(IJiraAccessTokenSource tokens, FakeJiraHandler handler) => JiraTestServices.Create(o =>
    {
        o.BaseUrl = new Uri("https://acme.atlassian.net");
        o.Credentials = new OAuthCredentials(tokens, cloudId: "cloud-1");
        o.Retry.MaxRetries = 0;
    }, b => b.HttpClient.ConfigurePrimaryHttpMessageHandler(() => handler));

    [Fact]
    public async Task Unauthorized_TwiceInARow_RefreshesOnlyOnceThenGivesUp()
    {
        var tokens = new CountingTokens();
        var handler = new FakeJiraHandler((_, _) => FakeJiraHandler.Json(HttpStatusCode.Unauthorized, """{"errorMessages":["Unauthorized"]}"""));
        using var services = Client(tokens, handler);
        await Assert.ThrowsAsync<JiraUnauthorizedException>(() => services.GetRequiredService<JiraClient>().Users.GetMyselfAsync(TestContext.Current.CancellationToken));
        Assert.Equal([false, true], tokens.Calls);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], handler.Authorizations);
        Assert.All(handler.Requests, r => Assert.StartsWith("https://api.atlassian.com/ex/jira/cloud-1/rest/api/3/", r.RequestUri!.AbsoluteUri, StringComparison.Ordinal));
    }
}
