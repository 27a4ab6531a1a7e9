using System.Net;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Tests.Conformance;
using JiraGate.Sandbox.Tests.Infrastructure;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;

namespace JiraGate.Sandbox.Tests.Search;

/// <summary>Search responses validated against Atlassian's OpenAPI response schemas.</summary>
public sealed class SearchConformanceTests(SandboxFixture sandbox)
{
    /// <summary>The spec declares no body for these 400s; Jira sends its ErrorCollection, so check that shape.</summary>
    private static void IsErrorCollection(JsonNode? body)
    {
        var outcome = ResponseSchemaValidator.ValidateComponent(SpecKind.Platform, "ErrorCollection", body);
        Assert.True(outcome.IsValid, outcome.ToString());
        Assert.NotEmpty(body!["errorMessages"]!.AsArray());
    }

    private async Task<JsonNode?> Body(HttpResponseMessage response, HttpStatusCode status) => await response.ExpectAsync(status);

    [Theory]
    [InlineData("summary")]
    [InlineData("*all")]
    [InlineData("*navigable")]
    public async Task GetSearchJql_200_MatchesSpec(string fields)
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var body = await Body(await client.GetAsync($"/rest/api/3/search/jql?jql=project%3DSEC&maxResults=25&fields={fields}&expand=names,schema,changelog,renderedFields", Ct), HttpStatusCode.OK);
        ConformanceAssert.MatchesSpec(SpecKind.Platform, "GET", "/rest/api/3/search/jql", 200, body);
    }

    [Fact]
    public async Task PostSearchJql_200_And400_MatchSpec()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var ok = await Body(await client.PostAsync("/rest/api/3/search/jql", JsonBody("""{"jql":"project = ENG","fields":["*all"],"maxResults":10}"""), Ct), HttpStatusCode.OK);
        ConformanceAssert.MatchesSpec(SpecKind.Platform, "POST", "/rest/api/3/search/jql", 200, ok);
        var bad = await Body(await client.PostAsync("/rest/api/3/search/jql", JsonBody("""{"jql":"project = "}"""), Ct), HttpStatusCode.BadRequest);
        IsErrorCollection(bad);
        var unbounded = await Body(await client.GetAsync("/rest/api/3/search/jql?jql=", Ct), HttpStatusCode.BadRequest);
        IsErrorCollection(unbounded);
    }

    [Fact]
    public async Task ApproximateCount_200_And400_MatchSpec()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var ok = await Body(await client.PostAsync("/rest/api/3/search/approximate-count", JsonBody("""{"jql":"project = SEC"}"""), Ct), HttpStatusCode.OK);
        ConformanceAssert.MatchesSpec(SpecKind.Platform, "POST", "/rest/api/3/search/approximate-count", 200, ok);
        var bad = await Body(await client.PostAsync("/rest/api/3/search/approximate-count", JsonBody("""{"jql":"project in ("}"""), Ct), HttpStatusCode.BadRequest);
        IsErrorCollection(bad);
    }

    [Fact]
    public async Task RemovedSearch_410_IsAnErrorCollection()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var gone = await Body(await client.GetAsync("/rest/api/3/search?jql=project%3DSEC", Ct), HttpStatusCode.Gone);
        var outcome = ResponseSchemaValidator.ValidateComponent(SpecKind.Platform, "ErrorCollection", gone);
        Assert.True(outcome.IsValid, outcome.ToString());
    }

    [Fact]
    public async Task DataCenterSearch_200_And400_MatchDcSpec()
    {
        await using var host = await SandboxFixture.StartAsync(SandboxFlavor.DataCenter);
        using var client = host.CreateClient(DemoCredentials.Alice);
        var ok = await Body(await client.GetAsync("/rest/api/2/search?jql=project%3DSEC&maxResults=20&fields=*all", Ct), HttpStatusCode.OK);
        ConformanceAssert.MatchesSpec(SpecKind.DataCenter, "GET", "/rest/api/2/search", 200, ok);
        var post = await Body(await client.PostAsync("/rest/api/2/search", JsonBody("""{"jql":"project = ENG","maxResults":5}"""), Ct), HttpStatusCode.OK);
        ConformanceAssert.MatchesSpec(SpecKind.DataCenter, "POST", "/rest/api/2/search", 200, post);
        var bad = await Body(await client.GetAsync("/rest/api/2/search?jql=project%20%3D%20NOPE", Ct), HttpStatusCode.BadRequest);
        var outcome = ResponseSchemaValidator.ValidateComponent(SpecKind.Platform, "ErrorCollection", bad);
        Assert.True(outcome.IsValid, outcome.ToString());
    }
}
