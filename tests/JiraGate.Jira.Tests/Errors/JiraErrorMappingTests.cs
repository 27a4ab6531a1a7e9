using System.Net;
using JiraGate.Jira.Authentication;
using JiraGate.Jira.Tests.Infrastructure;

namespace JiraGate.Jira.Tests.Errors;

/// <summary>Every status goes through the one table; a fake handler plays Jira.</summary>
public sealed class JiraErrorMappingTests
{
    private static JiraClient ClientAnswering(Func<HttpRequestMessage, HttpResponseMessage> answer, out ServiceProvider services)
    {
        var handler = new FakeJiraHandler((request, _) => answer(request));
        services = JiraTestServices.Create(o =>
        {
            o.BaseUrl = new Uri("https://acme.atlassian.net");
            o.Credentials = new ApiTokenCredentials("bot@acme.com", "tok");
            o.Deployment = JiraDeployment.Cloud;
            o.Retry.MaxRetries = 0;
        }, b => b.HttpClient.ConfigurePrimaryHttpMessageHandler(() => handler));
        return services.GetRequiredService<JiraClient>();
    }

    [Theory]
    [InlineData(400, typeof(JiraValidationException), false)]
    [InlineData(401, typeof(JiraUnauthorizedException), false)]
    [InlineData(403, typeof(JiraForbiddenException), false)]
    [InlineData(404, typeof(JiraNotFoundException), false)]
    [InlineData(409, typeof(JiraConflictException), false)]
    [InlineData(410, typeof(JiraGoneException), false)]
    [InlineData(429, typeof(JiraRateLimitedException), true)]
    [InlineData(413, typeof(JiraException), false)]
    [InlineData(422, typeof(JiraException), false)]
    [InlineData(500, typeof(JiraException), false)]
    [InlineData(503, typeof(JiraException), true)]
    public async Task Status_MapsToOneExceptionType(int status, Type expected, bool transient)
    {
        var jira = ClientAnswering(_ => FakeJiraHandler.Json((HttpStatusCode)status,
            """{"errorMessages":["Jira says no"],"errors":{}}""", ("X-ARequestId", "req-123")), out var services);
        using (services)
        {
            var ex = await Assert.ThrowsAnyAsync<JiraException>(() => jira.Issues.GetIssueAsync("SEC-1", cancellationToken: TestContext.Current.CancellationToken));
            Assert.Equal(expected, ex.GetType());
            Assert.Equal((HttpStatusCode)status, ex.StatusCode);
            Assert.Equal(["Jira says no"], ex.ErrorMessages);
            Assert.Equal("req-123", ex.RequestId);
            Assert.Equal(transient, ex.IsTransient);
            Assert.Contains("GET /rest/api/3/issue/SEC-1", ex.Message, StringComparison.Ordinal);
            Assert.Contains("req-123", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NotFound_MessageSaysItMayMeanNoPermission()
    {
        var jira = ClientAnswering(_ => FakeJiraHandler.Json(HttpStatusCode.NotFound,
            """{"errorMessages":["Issue does not exist or you do not have permission to see it."],"errors":{}}"""), out var services);
        using (services)
        {
            var ex = await Assert.ThrowsAsync<JiraNotFoundException>(() => jira.Issues.GetIssueAsync("SEC-9", cancellationToken: TestContext.Current.CancellationToken));
            Assert.Contains("no permission to see it", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Validation_FieldErrorsAreKept()
    {
        var jira = ClientAnswering(_ => FakeJiraHandler.Json(HttpStatusCode.BadRequest,
            """{"errorMessages":[],"errors":{"jql":"Unbounded JQL"}}"""), out var services);
        using (services)
        {
            var ex = await Assert.ThrowsAsync<JiraValidationException>(() => jira.Issues.SearchPageAsync("order by key", cancellationToken: TestContext.Current.CancellationToken));
            Assert.Equal("Unbounded JQL", ex.Errors["jql"]);
            Assert.Contains("jql: Unbounded JQL", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RateLimited_CarriesRetryAfter()
    {
        var jira = ClientAnswering(_ => FakeJiraHandler.Json(HttpStatusCode.TooManyRequests,
            """{"errorMessages":["The request has been rate-limited."],"errors":{}}""", ("Retry-After", "17")), out var services);
        using (services)
        {
            var ex = await Assert.ThrowsAsync<JiraRateLimitedException>(() => jira.Users.GetMyselfAsync(TestContext.Current.CancellationToken));
            Assert.Equal(TimeSpan.FromSeconds(17), ex.RetryAfter);
        }
    }

    [Fact]
    public async Task HtmlErrorPage_TitleBecomesTheMessage()
    {
        var jira = ClientAnswering(_ => new HttpResponseMessage(HttpStatusCode.BadGateway)
        {
            Content = new StringContent("<html><head><title>502 Proxy Error</title></head><body>…</body></html>", System.Text.Encoding.UTF8, "text/html"),
        }, out var services);
        using (services)
        {
            var ex = await Assert.ThrowsAsync<JiraException>(() => jira.Users.GetMyselfAsync(TestContext.Current.CancellationToken));
            Assert.Equal(["502 Proxy Error"], ex.ErrorMessages);
            Assert.True(ex.IsTransient);
        }
    }

    [Fact]
    public async Task EmptyBody_StillGivesStatusAndAdvice()
    {
        var jira = ClientAnswering(_ => new HttpResponseMessage(HttpStatusCode.Forbidden), out var services);
        using (services)
        {
            var ex = await Assert.ThrowsAsync<JiraForbiddenException>(() => jira.Users.GetMyselfAsync(TestContext.Current.CancellationToken));
            Assert.Empty(ex.ErrorMessages);
            Assert.Contains("403 Forbidden", ex.Message, StringComparison.Ordinal);
            Assert.Contains("lack the permission", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TraceIdFallback_UsedWhenNoARequestId()
    {
        var jira = ClientAnswering(_ => FakeJiraHandler.Json(HttpStatusCode.NotFound, "{}", ("ATL-TraceId", "trace-9")), out var services);
        using (services)
        {
            var ex = await Assert.ThrowsAsync<JiraNotFoundException>(() => jira.Users.GetMyselfAsync(TestContext.Current.CancellationToken));
            Assert.Equal("trace-9", ex.RequestId);
        }
    }

    [Fact]
    public async Task SuccessWithHtmlBody_ExplainsTheLoginPageCase()
    {
        var jira = ClientAnswering(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("<html><title>Log in</title></html>", System.Text.Encoding.UTF8, "text/html"),
        }, out var services);
        using (services)
        {
            var ex = await Assert.ThrowsAsync<JiraException>(() => jira.Users.GetMyselfAsync(TestContext.Current.CancellationToken));
            Assert.Contains("text/html", ex.Message, StringComparison.Ordinal);
            Assert.Contains("login page", ex.Message, StringComparison.Ordinal);
        }
    }
}
