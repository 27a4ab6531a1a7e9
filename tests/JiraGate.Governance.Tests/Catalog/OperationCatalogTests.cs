using System.Text.Json;
using JiraGate.Governance.Catalog;
using Json.Schema;

namespace JiraGate.Governance.Tests.Catalog;

public sealed class OperationCatalogTests
{
    private static readonly OperationCatalog Catalog = OperationCatalog.Default;

    [Fact]
    public void Catalog_ComparedToSeedTable_HasEveryOperationWithItsFamilyMethodPathRiskAndDescription()
    {
        var seed = SeedTable.Operations;
        Assert.Equal(36, seed.Count);
        Assert.Equal(seed.Select(s => s.Name), Catalog.All.Select(o => o.Name));
        foreach (var s in seed)
        {
            var op = Catalog[s.Name];
            Assert.Equal(s.Family, op.Family);
            Assert.Equal(s.Method, op.Method);
            Assert.Equal(s.Path, op.Path);
            Assert.Equal(s.Risk, op.Risk.ToString().ToUpperInvariant());
            Assert.Equal(s.Description, op.Description);
        }
    }

    [Fact]
    public void SeedHeadings_CountOperationsPerFamily_MatchCatalog()
    {
        Assert.NotEmpty(SeedTable.Headings);
        foreach (var (family, count) in SeedTable.Headings)
        {
            Assert.Equal(count, Catalog.All.Count(o => o.Family == family));
        }

        Assert.Equal(SeedTable.Families, Catalog.Families);
    }

    [Fact]
    public void RiskClassifications_HighRowAndMediumRow_AgreeWithCatalog()
    {
        var high = SeedTable.RiskClassifications["HIGH"];
        Assert.Equal(["issues:delete"], Catalog.All.Where(o => o.Risk == RiskLevel.High).Select(o => o.Name));
        Assert.Contains("issues:delete", high);

        // The prose row for MEDIUM, word by word: create/update issues, transitions, assignments, bulk create,
        // attachment upload/delete, comment delete, webhook create/delete.
        string[] medium = ["issues:create", "issues:update", "issues:transition", "issues:assign", "issues:bulk_create",
            "attachments:upload", "attachments:delete", "comments:delete", "webhooks:create", "webhooks:delete"];
        Assert.Contains("comment delete", SeedTable.RiskClassifications["MEDIUM"]);
        Assert.Equal(medium.Order(), Catalog.All.Where(o => o.Risk == RiskLevel.Medium).Select(o => o.Name).Order());
    }

    [Fact]
    public void Indexes_AreCatalogPositions()
    {
        for (var i = 0; i < Catalog.Count; i++)
        {
            Assert.Equal(i, Catalog.All[i].Index);
        }
    }

    [Fact]
    public void EverySchema_AgainstDraft202012MetaSchema_IsValid()
    {
        foreach (var op in Catalog.All)
        {
            Assert.Equal("https://json-schema.org/draft/2020-12/schema", op.ParametersSchema.GetProperty("$schema").GetString());
            var result = MetaSchemas.Draft202012.Evaluate(op.ParametersSchema, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, $"{op.Name}: {JsonSerializer.Serialize(result.Details?.Where(d => d.Errors is not null).Select(d => d.Errors))}");
            _ = JsonSchema.Build(op.ParametersSchema); // builds (keyword values well-formed)
        }
    }

    [Fact]
    public void Samples_CoverEveryOperation()
    {
        Assert.Equal(Catalog.All.Select(o => o.Name).Order(), CatalogSamples.Good.Keys.Order());
        Assert.Equal(Catalog.All.Select(o => o.Name).Order(), CatalogSamples.Bad.Keys.Order());
    }

    public static TheoryData<string> OperationNames() => [.. OperationCatalog.Default.All.Select(o => o.Name)];

    [Theory]
    [MemberData(nameof(OperationNames))]
    public void Schema_SampleCall_IsAcceptedByLibraryAndValidator(string name)
    {
        var op = Catalog[name];
        var args = Parse(CatalogSamples.Good[name]);
        Assert.True(JsonSchema.Build(op.ParametersSchema).Evaluate(args).IsValid);
        var result = ArgumentValidator.Validate(op, args);
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Theory]
    [MemberData(nameof(OperationNames))]
    public void Schema_WrongCall_IsRejectedByLibraryAndValidatorNamingTheArgument(string name)
    {
        var op = Catalog[name];
        var (json, argument) = CatalogSamples.Bad[name];
        var args = Parse(json);
        Assert.False(JsonSchema.Build(op.ParametersSchema).Evaluate(args).IsValid);
        var result = ArgumentValidator.Validate(op, args);
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Argument == argument);
    }

    [Fact]
    public void AttachmentBytes_AreFlaggedSizeAndDigestOnly()
    {
        Assert.Equal(ArgumentRedaction.SizeAndDigest, Catalog["attachments:upload"].GetRedaction("content_base64"));
        Assert.Equal(ArgumentRedaction.None, Catalog["attachments:upload"].GetRedaction("file_name"));
        Assert.All(Catalog.All.Where(o => o.Name != "attachments:upload"), o => Assert.Empty(o.Redactions));
    }

    [Fact]
    public void Targets_NameArgumentsThatExistInTheSchema()
    {
        foreach (var op in Catalog.All)
        {
            var props = op.ParametersSchema.GetProperty("properties");
            var t = op.Targets;
            if (t.BulkArgument is not null)
            {
                props = props.GetProperty(t.BulkArgument).GetProperty("items").GetProperty("properties");
            }

            foreach (var arg in new[] { t.ProjectArgument, t.IssueKeyArgument, t.JqlArgument, t.IssueTypeArgument }.OfType<string>())
            {
                Assert.True(props.TryGetProperty(arg, out _), $"{op.Name}: {arg}");
            }
        }

        Assert.Equal(OperationScope.Jql, Catalog["issues:read"].Targets.Scope);
        Assert.Equal(OperationScope.Issue, Catalog["comments:create"].Targets.Scope);
        Assert.Equal(OperationScope.Bulk, Catalog["issues:bulk_create"].Targets.Scope);
        Assert.Equal("issue_type", Catalog["issues:create"].Targets.IssueTypeArgument);
    }

    [Fact]
    public void Lookup_UnknownOrWrongCase_IsNotFound()
    {
        Assert.False(Catalog.TryGet("Issues:read", out _));
        Assert.False(Catalog.TryGet("issues:search", out _));
        Assert.Throws<KeyNotFoundException>(() => Catalog["nope:nope"]);
    }

    internal static JsonElement Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
