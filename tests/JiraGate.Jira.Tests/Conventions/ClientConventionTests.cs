using System.Reflection;
using System.Text.RegularExpressions;
using JiraGate.Jira.Tests.Infrastructure;
using JiraGate.Sandbox.Model;

namespace JiraGate.Jira.Tests.Conventions;

/// <summary>
/// Rules every public client method keeps: [JiraEndpoint] present, name ends in Async, the token last with
/// a default, async return type — and every endpoint it names is one the sandbox serves.
/// </summary>
public sealed partial class ClientConventionTests
{
    public static readonly Type[] SubClients = typeof(JiraClient).GetProperties()
        .Select(p => p.PropertyType)
        .Where(t => t.Name.EndsWith("Client", StringComparison.Ordinal))
        .ToArray();

    private static IEnumerable<MethodInfo> Methods() => SubClients
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        .Where(m => !m.IsSpecialName); // property getters (e.g. WebhooksClient.Mode) are not operations

    public static TheoryData<string> MethodNames() => new(Methods().Select(m => m.DeclaringType!.Name + "." + m.Name));

    private static MethodInfo Find(string name) => Methods().Single(m => m.DeclaringType!.Name + "." + m.Name == name);

    [Fact]
    public void JiraClient_HasTheTenFamilies() =>
        Assert.Equal(["Attachments", "Boards", "Comments", "Issues", "Metadata", "Projects", "Sprints", "Users", "Webhooks", "Worklogs"],
            typeof(JiraClient).GetProperties().Where(p => p.PropertyType.Name.EndsWith("Client", StringComparison.Ordinal)).Select(p => p.Name).Order());

    [Fact]
    public void SubClients_AreSealedWithoutPublicConstructors() => Assert.All(SubClients, t =>
    {
        Assert.True(t.IsSealed, t.Name);
        Assert.Empty(t.GetConstructors());
    });

    [Theory]
    [MemberData(nameof(MethodNames))]
    public void Method_FollowsTheShape(string name)
    {
        var method = Find(name);
        Assert.EndsWith("Async", method.Name, StringComparison.Ordinal);
        var last = method.GetParameters().LastOrDefault();
        Assert.NotNull(last);
        Assert.Equal(typeof(CancellationToken), last.ParameterType);
        Assert.True(last.HasDefaultValue, name + ": the token must be optional");
        var returns = method.ReturnType.IsGenericType ? method.ReturnType.GetGenericTypeDefinition() : method.ReturnType;
        Assert.Contains(returns, new[] { typeof(Task), typeof(Task<>), typeof(ValueTask), typeof(ValueTask<>), typeof(IAsyncEnumerable<>) });
        Assert.NotEmpty(method.GetCustomAttributes<JiraEndpointAttribute>());
    }

    [Theory]
    [MemberData(nameof(MethodNames))]
    public void Method_EndpointsAreWellFormed(string name)
    {
        foreach (var endpoint in Find(name).GetCustomAttributes<JiraEndpointAttribute>())
        {
            Assert.Contains(endpoint.Method, new[] { "GET", "POST", "PUT", "DELETE" });
            Assert.StartsWith("/rest/", endpoint.Path, StringComparison.Ordinal);
            if (endpoint.Deployment == JiraDeployment.DataCenter)
            {
                Assert.DoesNotContain("/rest/api/3/", endpoint.Path, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>Sample values for path parameters: things that exist on the demo site.</summary>
    private static readonly Dictionary<string, string> Samples = new(StringComparer.Ordinal)
    {
        ["issueIdOrKey"] = "SEC-456",
        ["projectIdOrKey"] = "SEC",
        ["boardId"] = "42",
        ["sprintId"] = "1",
    };

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Parameter();

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task EveryEndpoint_IsServedByTheSandbox(SandboxFlavor flavor)
    {
        await using var host = await JiraTestServices.StartAsync(flavor);
        using var http = host.CreateClient(Sandbox.Data.DemoCredentials.Alice);
        var wanted = flavor == SandboxFlavor.Cloud ? JiraDeployment.Cloud : JiraDeployment.DataCenter;
        var endpoints = Methods().SelectMany(m => m.GetCustomAttributes<JiraEndpointAttribute>())
            .Where(e => e.Deployment == wanted || e.Deployment == JiraDeployment.Auto)
            .Select(e => (e.Method, e.Path)).Distinct().ToList();
        Assert.NotEmpty(endpoints);
        foreach (var (method, template) in endpoints)
        {
            var path = Parameter().Replace(template, m => Samples.TryGetValue(m.Groups[1].Value, out var v) ? v : "1");
            using var request = new HttpRequestMessage(new HttpMethod(method), path + (path.Contains("search", StringComparison.Ordinal) ? "?jql=project%3DSEC" : ""));
            if (method is "POST" or "PUT")
            {
                request.Content = new StringContent("""{"jql":"project = SEC"}""", System.Text.Encoding.UTF8, "application/json");
            }
            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.False(body.Contains("null for uri", StringComparison.Ordinal), $"{flavor}: the sandbox does not serve {method} {template}");
            Assert.NotEqual(System.Net.HttpStatusCode.MethodNotAllowed, response.StatusCode);
        }
    }
}
