using JiraGate.Gateway.Tests.Infrastructure;
using JiraGate.Governance.Pipeline;

namespace JiraGate.Gateway.Tests.AgentApi;

public sealed class RateLimitTests
{
    [Fact]
    public async Task AgentApi_OverTheAgentsLimit_Is429WithRetryAfterAndOtherAgentsUnaffected()
    {
        // A window far longer than the test: the third request cannot fall into a fresh window.
        await using var host = await GatewayTestHost.StartAsync(o =>
        {
            o.RateLimitPermits = 2;
            o.RateLimitWindow = TimeSpan.FromHours(1);
        });
        var soc = host.Client(GatewayTestHost.SocAgent);
        var ct = TestContext.Current.CancellationToken;

        using (var first = await soc.GetAsync("/v1/operations", ct))
        using (var second = await soc.PostAsync("/v1/operations/projects:read", null, ct))
        {
            Assert.Equal(200, (int)first.StatusCode);
            Assert.Equal(200, (int)second.StatusCode);
        }
        using var third = await soc.PostAsync("/v1/operations/projects:read", null, ct);

        var problem = await ProblemAssert.IsProblemAsync(third, 429, OperationErrorCodes.RateLimited);
        var retryAfter = third.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Assert.Equal((long)retryAfter.Value.TotalSeconds, problem.GetProperty("retry_after").GetInt64());
        Assert.Equal(1, host.Fake!.Calls);

        using var other = await host.Client(GatewayTestHost.FullAgent).GetAsync("/v1/operations", ct);
        Assert.Equal(200, (int)other.StatusCode);
    }

    [Fact]
    public async Task AgentApi_UnauthenticatedRequests_DoNotSpendAnAgentsPermits()
    {
        await using var host = await GatewayTestHost.StartAsync(o =>
        {
            o.RateLimitPermits = 1;
            o.RateLimitWindow = TimeSpan.FromHours(1);
        });
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 3; i++)
        {
            using var anonymous = await host.Client().GetAsync("/v1/operations", ct);
            Assert.Equal(401, (int)anonymous.StatusCode);
        }

        using var response = await host.Client(GatewayTestHost.SocAgent).GetAsync("/v1/operations", ct);
        Assert.Equal(200, (int)response.StatusCode);
    }
}
