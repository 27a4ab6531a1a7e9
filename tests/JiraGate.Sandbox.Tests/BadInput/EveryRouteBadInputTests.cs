using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;

namespace JiraGate.Sandbox.Tests.BadInput;

/// <summary>
/// Walks every route the sandbox maps and throws bad input at it: malformed JSON, wrong content types,
/// oversized bodies, JSON of the wrong shape, and path tricks in identifiers. Every answer must be a
/// Jira-shaped 4xx (or a normal answer where the input happens to be acceptable) — never a 500.
/// </summary>
public sealed class EveryRouteBadInputTests(SandboxFixture sandbox)
{
    private IReadOnlyList<(string Method, string Template)> Routes()
    {
        var sources = sandbox.Host.Services.GetServices<EndpointDataSource>();
        return [.. sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } t && (t.StartsWith("/rest/", StringComparison.Ordinal) || t.StartsWith("/oauth", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern.RawText!)))
            .Distinct()];
    }

    /// <summary>Fills route parameters with values that exist on the demo site, so the body is what gets judged.</summary>
    private static string Fill(string template, Func<string, string>? overrideValue = null) =>
        System.Text.RegularExpressions.Regex.Replace(template, @"\{([^}:]+)(:[^}]*)?\}", m =>
        {
            var name = m.Groups[1].Value.TrimStart('*');
            if (overrideValue is not null)
            {
                return overrideValue(name);
            }
            return name.ToLowerInvariant() switch
            {
                var n when n.Contains("project", StringComparison.Ordinal) => "SEC",
                var n when n.Contains("issue", StringComparison.Ordinal) && !n.Contains("type", StringComparison.Ordinal) => "SEC-456",
                var n when n.Contains("board", StringComparison.Ordinal) => "42",
                var n when n.Contains("sprint", StringComparison.Ordinal) => "2",
                var n when n.Contains("propertykey", StringComparison.Ordinal) => "some.property",
                var n when n.Contains("issuetypeid", StringComparison.Ordinal) => "10004",
                _ => "10000",
            };
        });

    [Fact]
    public void RouteWalk_FindsTheFamilies()
    {
        var routes = Routes();
        Assert.True(routes.Count > 60, $"only {routes.Count} routes found");
        Assert.Contains(routes, r => r is ("POST", "/rest/api/3/issue"));
        Assert.Contains(routes, r => r is ("GET", "/rest/api/3/search/jql"));
    }

    [Fact]
    public async Task WriteRoutes_WithMalformedJson_WrongContentType_WrongShape_OrOversizedBody_Answer4xx()
    {
        using var client = sandbox.Client(DemoCredentials.Ada);
        var failures = new List<string>();
        var oversized = new string('x', 6 * 1024 * 1024);
        foreach (var (method, template) in Routes().Where(r => r.Method is "POST" or "PUT"))
        {
            // Only routes that take JSON; multipart and form routes are covered by their own tests.
            if (template.EndsWith("/attachments", StringComparison.Ordinal) || template.StartsWith("/oauth", StringComparison.Ordinal))
            {
                continue;
            }
            var url = Fill(template);
            HttpContent[] bodies =
            [
                new StringContent("{\"fields\": {\"summary\": ", Encoding.UTF8, "application/json"),
                new StringContent("{}", Encoding.UTF8, "text/plain"),
                new StringContent("[1,2,3]", Encoding.UTF8, "application/json"),
                new StringContent("\"just a string\"", Encoding.UTF8, "application/json"),
                new StringContent("{\"" + oversized + "\":1}", Encoding.UTF8, "application/json"),
                new StringContent("{\"a\":" + new string('[', 200) + new string(']', 200) + "}", Encoding.UTF8, "application/json"),
            ];
            foreach (var body in bodies)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = body };
                request.Headers.Add("X-Atlassian-Token", "no-check");
                var response = await client.SendAsync(request, Ct);
                var status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync(Ct);
                if (status >= 500)
                {
                    failures.Add($"{method} {url} with {body.Headers.ContentType}: {status} {text[..Math.Min(200, text.Length)]}");
                }
                else if (status >= 400 && text.Length > 0 && text.TrimStart().StartsWith('{') && JsonNode.Parse(text) is JsonObject o
                         && o["errorMessages"] is null && o["error"] is null && o["errors"] is null)
                {
                    failures.Add($"{method} {url}: {status} without a Jira error body: {text[..Math.Min(200, text.Length)]}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("SEC-1%2F..%2FSEC-2")]
    [InlineData("%2e%2e")]
    [InlineData("SEC-1;DROP")]
    [InlineData("99999999999999999999999")]
    [InlineData("-1")]
    [InlineData("%E2%80%AE")]
    public async Task EveryGetRoute_WithHostileIdentifiers_Answers4xx(string hostile)
    {
        using var client = sandbox.Client(DemoCredentials.Ada);
        var failures = new List<string>();
        foreach (var (_, template) in Routes().Where(r => r.Method == "GET" && r.Template.Contains('{', StringComparison.Ordinal)))
        {
            var url = Fill(template, _ => hostile);
            var response = await client.GetAsync(url, Ct);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"GET {url}: {(int)response.StatusCode}");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task UnknownRoutes_AndWrongMethods_Answer4xx()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/rest/api/3/no-such-resource", Ct)).StatusCode);
        var wrongMethod = await client.PatchAsync("/rest/api/3/issue/SEC-456", JsonBody("{}"), Ct);
        Assert.InRange((int)wrongMethod.StatusCode, 400, 499);
    }
}
