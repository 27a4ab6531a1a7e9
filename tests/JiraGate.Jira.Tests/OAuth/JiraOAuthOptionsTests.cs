using JiraGate.Jira.Authentication.OAuth;

namespace JiraGate.Jira.Tests.OAuth;

public sealed class JiraOAuthOptionsTests
{
    private const string SecretCanary = "canary-secret-7f3a9c";

    private static JiraOAuthOptions Valid() => new()
    {
        ClientId = "app-123",
        ClientSecret = SecretCanary,
        RedirectUri = new Uri("https://app.example/callback"),
        Scopes = { "read:jira-work", "offline_access" },
    };

    [Fact]
    public void Defaults_PointAtAtlassian()
    {
        var options = new JiraOAuthOptions();
        Assert.Equal("https://auth.atlassian.com/", options.AuthorizationServerBaseUrl.AbsoluteUri);
        Assert.Equal("https://api.atlassian.com/", options.ApiGatewayBaseUrl.AbsoluteUri);
        Assert.Equal(TimeSpan.FromMinutes(5), options.RefreshSkew);
    }

    [Fact]
    public void Validate_CompleteOptions_DoesNotThrow() => Valid().Validate();

    [Fact]
    public void Validate_Empty_NamesClientIdAndClientSecret()
    {
        var ex = Assert.Throws<ArgumentException>(() => new JiraOAuthOptions().Validate());
        Assert.Contains("ClientId is required", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ClientSecret is required", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://app.example/callback")]
    [InlineData("https://app.example/callback#frag")]
    [InlineData("ftp://127.0.0.1/callback")]
    public void Validate_BadRedirectUri_NamesRedirectUri(string redirect)
    {
        var options = Valid();
        options.RedirectUri = new Uri(redirect);
        Assert.Contains("RedirectUri", Assert.Throws<ArgumentException>(options.Validate).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LoopbackHttpRedirect_IsAllowed()
    {
        var options = Valid();
        options.RedirectUri = new Uri("http://127.0.0.1:8765/callback");
        options.Validate();
    }

    [Fact]
    public void Validate_ScopeWithSpace_NamesTheScope()
    {
        var options = Valid();
        options.Scopes.Add("read:jira-work write:jira-work");
        Assert.Contains("Scopes[2]", Assert.Throws<ArgumentException>(options.Validate).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RelativeOrQueryBaseUrl_NamesIt()
    {
        var options = Valid();
        options.AuthorizationServerBaseUrl = new Uri("/auth", UriKind.Relative);
        options.ApiGatewayBaseUrl = new Uri("https://api.example/?x=1");
        var message = Assert.Throws<ArgumentException>(options.Validate).Message;
        Assert.Contains("AuthorizationServerBaseUrl", message, StringComparison.Ordinal);
        Assert.Contains("ApiGatewayBaseUrl", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(30)]
    public void Validate_SkewOutOfRange_NamesRefreshSkew(int minutes)
    {
        var options = Valid();
        options.RefreshSkew = TimeSpan.FromMinutes(minutes);
        Assert.Contains("RefreshSkew", Assert.Throws<ArgumentException>(options.Validate).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToStringAndValidationMessage_NeverContainTheSecret()
    {
        var options = Valid();
        options.ClientId = "";
        options.RedirectUri = new Uri("http://app.example/" + SecretCanary);
        var ex = Assert.Throws<ArgumentException>(options.Validate);
        Assert.DoesNotContain(SecretCanary, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(SecretCanary, options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(SecretCanary, Valid().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ClientConstructor_InvalidOptions_ThrowsWithEveryProblem()
    {
        using var services = new ServiceCollection().AddJiraOAuthClient(o => o.ClientId = "app-123").Services.BuildServiceProvider();
        var ex = Assert.Throws<ArgumentException>(() => services.GetRequiredService<JiraOAuthClient>());
        Assert.Contains("ClientSecret is required", ex.Message, StringComparison.Ordinal);
    }
}
