using System.Net;
using JiraGate.Cli.Hosting;

namespace JiraGate.Cli.Tests.Config;

/// <summary>SSRF guards on outbound URLs: checked on the URL, and again on the address a connection goes to.</summary>
public sealed class OutboundUrlsTests
{
    [Theory]
    [InlineData("169.254.169.254", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("224.0.0.1", true)]
    [InlineData("255.255.255.255", true)]
    [InlineData("::ffff:169.254.169.254", true)]
    [InlineData("fe80::1", true)]
    [InlineData("ff02::1", true)]
    [InlineData("::", true)]
    [InlineData("fd00:ec2::254", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("192.168.1.10", false)]
    [InlineData("203.0.113.7", false)]
    public void IsForbidden_Addresses(string address, bool forbidden) =>
        Assert.Equal(forbidden, OutboundUrls.IsForbidden(IPAddress.Parse(address)));

    [Theory]
    [InlineData("https://acme.atlassian.net", null)]
    [InlineData("http://127.0.0.1:5181", null)]
    [InlineData("http://localhost:8080/jira", null)]
    [InlineData("https://jira.acme.internal/context", null)]
    [InlineData("http://jira.acme.internal", "plain http")]
    [InlineData("https://a:b@acme.atlassian.net", "user name or password")]
    [InlineData("ftp://acme.example.com", "only http(s)")]
    [InlineData("https://INSTANCE-DATA./latest", "metadata")]
    [InlineData("https://0x7f000001.example.com", null)]
    [InlineData("http://0xA9FEA9FE/", "link-local")]
    public void Problem_Urls(string url, string? expected)
    {
        var problem = OutboundUrls.Problem(new Uri(url), allowInsecureHttp: false, allowQuery: false);
        if (expected is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Contains(expected, problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task GuardedHandler_RefusesAMetadataAddressAtConnectTime_AllowsLoopback()
    {
        await using var hooks = await WebhookListener.StartAsync(TestContext.Current.CancellationToken);
        using var services = new ServiceCollection().AddHttpClient("guarded")
            .ConfigurePrimaryHttpMessageHandler(OutboundUrls.CreateGuardedHandler).Services.BuildServiceProvider();
        using var client = services.GetRequiredService<IHttpClientFactory>().CreateClient("guarded");

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() =>
            client.GetAsync(new Uri("http://169.254.169.254/latest/meta-data/"), TestContext.Current.CancellationToken));
        Assert.Contains("Refused to connect", refused.Message + refused.InnerException?.Message, StringComparison.Ordinal);

        using var ok = await client.PostAsync(hooks.HookUrl("probe"), new StringContent("{}"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }
}
