using JiraGate.Jira.Authentication;
using JiraGate.Jira.Tests.Infrastructure;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Model;
using Microsoft.Extensions.Options;

namespace JiraGate.Jira.Tests.Configuration;

public sealed class JiraClientOptionsValidatorTests
{
    private static readonly ApiTokenCredentials Token = new("bot@acme.com", "t0k3n");

    private static ValidateOptionsResult Validate(Action<JiraClientOptions> configure)
    {
        var options = new JiraClientOptions { BaseUrl = new Uri("https://acme.atlassian.net"), Credentials = Token };
        configure(options);
        return new JiraClientOptionsValidator().Validate(null, options);
    }

    [Fact]
    public void Validate_CloudWithApiToken_Succeeds() => Assert.True(Validate(_ => { }).Succeeded);

    [Fact]
    public void Validate_PasswordOnExplicitCloud_RefusedWithApiTokenAdvice()
    {
        var result = Validate(o =>
        {
            o.BaseUrl = new Uri("https://jira.acme.com");
            o.Deployment = JiraDeployment.Cloud;
            o.Credentials = new BasicPasswordCredentials("alice", "pw");
        });
        Assert.True(result.Failed);
        Assert.Contains("Jira Cloud does not accept passwords", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("API token", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PasswordOnAtlassianNetSite_RefusedEvenWithAuto()
    {
        var result = Validate(o => o.Credentials = new BasicPasswordCredentials("alice", "pw"));
        Assert.Contains("API token", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PersonalAccessTokenOnCloud_Refused() =>
        Assert.Contains("no personal access tokens", Validate(o => o.Credentials = new PersonalAccessTokenCredentials("pat")).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void Validate_ApiTokenOnDataCenter_Refused() =>
        Assert.Contains("PersonalAccessTokenCredentials", Validate(o =>
        {
            o.BaseUrl = new Uri("https://jira.acme.com");
            o.Deployment = JiraDeployment.DataCenter;
        }).FailureMessage, StringComparison.Ordinal);

    [Theory]
    [InlineData("http://jira.acme.com", false)]
    [InlineData("http://10.0.0.5:8080", false)]
    [InlineData("http://127.0.0.1:5181", true)]
    [InlineData("http://localhost:5181", true)]
    [InlineData("http://[::1]:5181", true)]
    [InlineData("https://jira.acme.com/jira", true)]
    public void Validate_HttpBaseUrl_AllowedOnlyForLoopback(string url, bool ok)
    {
        var result = Validate(o =>
        {
            o.BaseUrl = new Uri(url);
            o.Credentials = new PersonalAccessTokenCredentials("pat");
        });
        Assert.Equal(ok, result.Succeeded);
        if (!ok)
        {
            Assert.Contains("https://", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_NothingSet_NamesBaseUrlAndCredentials()
    {
        var result = new JiraClientOptionsValidator().Validate(null, new JiraClientOptions());
        Assert.Contains("BaseUrl is required", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Credentials is required", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CredentialsInUrl_Refused() =>
        Assert.Contains("must not carry credentials", Validate(o => o.BaseUrl = new Uri("https://bot:secret@acme.atlassian.net")).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void Validate_BadRetryAndTimeouts_Refused()
    {
        var result = Validate(o =>
        {
            o.Retry.MaxRetries = -1;
            o.Retry.JitterMin = 0;
            o.AttemptTimeout = TimeSpan.Zero;
            o.MaxConcurrentRequestsPerSite = 0;
        });
        Assert.Contains("MaxRetries", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("jitter", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("AttemptTimeout", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("MaxConcurrentRequestsPerSite", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_InvalidOptions_ThrowsWithTheReason()
    {
        using var services = JiraTestServices.Create(o =>
        {
            o.BaseUrl = new Uri("http://jira.acme.com");
            o.Credentials = new PersonalAccessTokenCredentials("pat");
        });
        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<JiraClient>());
        Assert.Contains("loopback", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstCall_PasswordAgainstDetectedCloud_RefusedWithApiTokenAdvice()
    {
        await using var host = await JiraTestServices.StartAsync(SandboxFlavor.Cloud);
        using var services = JiraTestServices.ForSandbox(host, new BasicPasswordCredentials("alice", DemoCredentials.Alice.Password));
        var jira = services.GetRequiredService<JiraClient>();
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => jira.Users.GetMyselfAsync(TestContext.Current.CancellationToken));
        Assert.Contains("API token", ex.Message, StringComparison.Ordinal);
    }
}
