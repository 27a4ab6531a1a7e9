using System.Text.Json;

namespace JiraGate.Sandbox.Tests.Conformance;

public sealed class OpenApiSpecsTests
{
    [Theory]
    [InlineData(nameof(SpecKind.Platform), "/rest/api/3/myself")]
    [InlineData(nameof(SpecKind.Software), "/rest/agile/1.0/board")]
    [InlineData(nameof(SpecKind.DataCenter), "/api/2/issue/{issueIdOrKey}")]
    public void Document_EachSpec_IsOpenApi30WithItsPaths(string specName, string knownPath)
    {
        var spec = Enum.Parse<SpecKind>(specName);

        var root = OpenApiSpecs.Root(spec);

        Assert.StartsWith("3.0", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Contains(knownPath, OpenApiSpecs.PathTemplates(spec));
        Assert.Equal(root.GetProperty("paths").EnumerateObject().Count(), OpenApiSpecs.PathTemplates(spec).Count);
    }

    [Fact]
    public async Task Document_LoadedConcurrently_IsLoadedOnce()
    {
        var documents = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(
            () => OpenApiSpecs.Document(SpecKind.Software), TestContext.Current.CancellationToken)));

        Assert.All(documents, document => Assert.Same(documents[0], document));
    }

    [Theory]
    [InlineData("/rest/api/2/issue/{issueIdOrKey}", "/api/2/issue/{issueIdOrKey}")]
    [InlineData("/rest/agile/1.0/board", "/agile/1.0/board")]
    [InlineData("/api/2/issue/{issueIdOrKey}", "/api/2/issue/{issueIdOrKey}")]
    public void ToSpecPath_DataCenter_StripsRestPrefix(string given, string expected)
    {
        Assert.Equal(expected, OpenApiSpecs.ToSpecPath(SpecKind.DataCenter, given));
    }

    [Fact]
    public void ToSpecPath_CloudSpecs_KeepRestPrefix()
    {
        Assert.Equal("/rest/api/3/myself", OpenApiSpecs.ToSpecPath(SpecKind.Platform, "/rest/api/3/myself"));
    }

    [Fact]
    public void TryGetOperation_DataCenterIssueGet_FindsOperation()
    {
        Assert.True(OpenApiSpecs.TryGetOperation(SpecKind.DataCenter, "GET", "/rest/api/2/issue/{issueIdOrKey}", out var operation));
        Assert.True(operation.TryGetProperty("responses", out _));
    }

    [Fact]
    public void TryGetOperation_PathItemParametersKey_IsNotAnOperation()
    {
        var withParameters = OpenApiSpecs.PathTemplates(SpecKind.Software).First(path =>
            OpenApiSpecs.TryGetPathItem(SpecKind.Software, path, out _, out var item) && item.TryGetProperty("parameters", out _));

        Assert.False(OpenApiSpecs.TryGetOperation(SpecKind.Software, "parameters", withParameters, out _));
        Assert.True(OpenApiSpecs.TryGetPathItem(SpecKind.Software, withParameters, out _, out var pathItem));
        Assert.DoesNotContain("parameters", OpenApiSpecs.MethodsOf(pathItem));
    }

    [Fact]
    public void SimilarTemplates_ConcretePath_FindsTemplateButPrefersNoWrongLiterals()
    {
        var similar = OpenApiSpecs.SimilarTemplates(SpecKind.Platform, "/rest/api/3/issue/PROJ-1?fields=summary");

        Assert.Contains("/rest/api/3/issue/{issueIdOrKey}", similar);
        Assert.DoesNotContain("/rest/api/3/project/{projectIdOrKey}", similar);
    }

    [Fact]
    public void ResolveLocalRef_Component_ReturnsSchema()
    {
        var user = OpenApiSpecs.ResolveLocalRef(SpecKind.Platform, "#/components/schemas/User");

        Assert.Equal(JsonValueKind.Object, user.GetProperty("properties").ValueKind);
    }

    [Fact]
    public void ResolveLocalRef_Missing_ThrowsWithReference()
    {
        var error = Assert.Throws<InvalidOperationException>(() => OpenApiSpecs.ResolveLocalRef(SpecKind.Platform, "#/components/schemas/Nope"));

        Assert.Contains("#/components/schemas/Nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SharedReference_Directory_HoldsSpecsAndFixtures()
    {
        Assert.True(Directory.Exists(Path.Combine(SharedReference.Directory, "openapi")));
        Assert.True(Directory.Exists(Path.Combine(SharedReference.Directory, "fixtures")));
    }
}
