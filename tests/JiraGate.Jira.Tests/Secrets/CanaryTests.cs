using System.Text;
using JiraGate.Jira.Authentication;
using JiraGate.Jira.Tests.Infrastructure;
using JiraGate.Sandbox.Model;
using Microsoft.Extensions.Options;

namespace JiraGate.Jira.Tests.Secrets;

/// <summary>
/// Canary secrets planted in every kind of credentials must appear in no ToString, no exception (message,
/// inner exceptions, stack) and no log line at any level — also not base64-encoded as in a Basic header.
/// </summary>
public sealed class CanaryTests
{
    private const string Canary = "CANARY-7f3a9c-do-not-leak";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class CanaryTokens : IJiraAccessTokenSource
    {
        public ValueTask<string> GetAccessTokenAsync(bool forceRefresh, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Canary + (forceRefresh ? "-refreshed" : ""));
    }

    public static TheoryData<string> Modes() => new("api-token", "scoped-token", "pat", "password", "oauth");

    private static JiraCredentials Credentials(string mode) => mode switch
    {
        "api-token" => new ApiTokenCredentials("alice@example.com", Canary),
        "scoped-token" => new ScopedApiTokenCredentials("alice@example.com", Canary),
        "pat" => new PersonalAccessTokenCredentials(Canary),
        "password" => new BasicPasswordCredentials("alice", Canary),
        _ => new OAuthCredentials(new CanaryTokens()),
    };

    private static void AssertClean(string text, string where)
    {
        foreach (var form in Forms())
        {
            Assert.False(text.Contains(form, StringComparison.Ordinal), $"the canary leaked into {where}");
        }
    }

    /// <summary>The canary as text and as it would sit inside a Basic header (base64 of user:secret, any alignment).</summary>
    private static IEnumerable<string> Forms()
    {
        yield return Canary;
        foreach (var prefix in new[] { "alice@example.com:", "alice:", "" })
        {
            var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(prefix + Canary));
            yield return encoded[(prefix.Length * 4 / 3 + 4)..^4];
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Credentials_NeverInToStringExceptionsOrLogs(string mode)
    {
        var credentials = Credentials(mode);
        AssertClean(credentials.ToString(), "ToString");
        AssertClean(credentials.Describe(), "Describe");

        var flavor = mode is "pat" or "password" ? SandboxFlavor.DataCenter : SandboxFlavor.Cloud;
        await using var host = await JiraTestServices.StartAsync(flavor);
        var logs = new CapturingLoggerProvider();
        using var services = JiraTestServices.ForSandbox(host, credentials, logs: logs);
        var jira = services.GetRequiredService<JiraClient>();
        AssertClean(jira.ToString(), "JiraClient.ToString");

        var refused = await Assert.ThrowsAnyAsync<JiraException>(() => jira.Users.GetMyselfAsync(Ct));
        Assert.IsType<JiraUnauthorizedException>(refused);
        AssertClean(refused.ToString(), "the 401 exception");

        var search = await Assert.ThrowsAnyAsync<JiraException>(() => jira.Issues.SearchPageAsync("project = SEC", cancellationToken: Ct));
        AssertClean(search.ToString(), "the search exception");

        Assert.NotEmpty(logs.Lines);
        AssertClean(logs.All, "the logs");
    }

    [Fact]
    public async Task NetworkFailureAndOutcomeUnknown_NeverCarryTheSecret()
    {
        var logs = new CapturingLoggerProvider();
        using var services = JiraTestServices.Create(o =>
        {
            o.BaseUrl = new Uri("http://127.0.0.1:1"); // nothing listens there
            o.Credentials = new PersonalAccessTokenCredentials(Canary);
            o.Deployment = JiraDeployment.DataCenter;
            o.Retry.MaxRetries = 1;
            o.Retry.InitialDelay = TimeSpan.FromMilliseconds(1);
            o.Retry.MaxDelay = TimeSpan.FromMilliseconds(1);
        }, logs: logs);
        var ex = await Assert.ThrowsAsync<JiraException>(() => services.GetRequiredService<JiraClient>().Users.GetMyselfAsync(Ct));
        Assert.True(ex.IsTransient);
        Assert.Contains("Could not connect", ex.Message, StringComparison.Ordinal);
        AssertClean(ex.ToString(), "the connection exception");
        AssertClean(logs.All, "the logs");
    }

    [Fact]
    public void InvalidOptions_MessageNeverCarriesTheSecret()
    {
        using var services = JiraTestServices.Create(o =>
        {
            o.BaseUrl = new Uri("http://jira.example.com");
            o.Credentials = new BasicPasswordCredentials("alice", Canary);
            o.Deployment = JiraDeployment.Cloud;
        });
        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<JiraClient>());
        AssertClean(ex.ToString(), "the options exception");
    }
}
