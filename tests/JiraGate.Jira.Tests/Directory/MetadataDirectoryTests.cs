using JiraGate.Jira.Tests.Infrastructure;

namespace JiraGate.Jira.Tests.SiteDirectory;

/// <summary>Fields, priorities, statuses, status categories and issue types in both flavours.</summary>
public abstract class MetadataDirectoryTests(SandboxFixture sandbox) : DirectoryTestBase(sandbox)
{
    [Fact]
    public async Task GetFieldsAsync_SystemAndCustom_WithSchemaAndClauseNames()
    {
        var fields = await Alice.Metadata.GetFieldsAsync(Ct);
        var summary = fields.Single(f => f.Id == "summary");
        Assert.False(summary.Custom);
        Assert.Equal("summary", summary.Schema!.System);
        var points = fields.Single(f => f.Name == "Story Points");
        Assert.True(points.Custom);
        Assert.Equal("customfield_10016", points.Id);
        Assert.Equal("com.atlassian.jira.plugin.system.customfieldtypes:float", points.Schema!.Custom);
        Assert.Equal(10016, points.Schema.CustomId);
        Assert.Contains("cf[10016]", points.ClauseNames!);
    }

    [Fact]
    public async Task GetFieldCatalogAsync_DisplayNameAnyCase_ResolvesToTheCustomFieldId()
    {
        var catalog = await Alice.Metadata.GetFieldCatalogAsync(Ct);
        Assert.Equal("customfield_10016", catalog.Resolve("story points").Id);
        Assert.Equal("customfield_10016", catalog.Resolve(" Story Points ").Id);
        Assert.Equal("customfield_10016", catalog.Resolve("cf[10016]").Id);
        Assert.Equal("summary", catalog.Resolve("Summary").Id);
        var ex = Assert.Throws<FieldResolutionException>(() => catalog.Resolve("Story Pointz"));
        Assert.Contains("Story Pointz", ex.Message, StringComparison.Ordinal);
        Assert.Empty(ex.Candidates);
    }

    [Fact]
    public async Task GetPrioritiesAsync_FiveWithColours()
    {
        var priorities = await Alice.Metadata.GetPrioritiesAsync(Ct);
        Assert.Equal(["Highest", "High", "Medium", "Low", "Lowest"], priorities.Select(p => p.Name));
        Assert.All(priorities, p => Assert.StartsWith("#", p.StatusColor, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetStatusesAsync_VisibleWorkflows_WithCategories()
    {
        var statuses = await Alice.Metadata.GetStatusesAsync(Ct);
        var inProgress = statuses.Single(s => s.Name == "In Progress");
        Assert.Equal("indeterminate", inProgress.StatusCategory!.Key);
        Assert.All(statuses, s => Assert.NotNull(s.StatusCategory));
    }

    [Fact]
    public async Task GetStatusCategoriesAsync_TheFourCategories()
    {
        var categories = await Alice.Metadata.GetStatusCategoriesAsync(Ct);
        Assert.Equal(["done", "indeterminate", "new", "undefined"], categories.Select(c => c.Key!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetIssueTypesAsync_OfBrowsableProjects()
    {
        var types = await Alice.Metadata.GetIssueTypesAsync(Ct);
        Assert.Contains(types, t => t.Name == "Bug");
        Assert.Contains(types, t => t.Name == "Sub-task" && t.Subtask == true);
        // Grace browses only ENG and OPS: she still sees their types (Story from ENG, Incident from OPS).
        var graceTypes = await Grace.Metadata.GetIssueTypesAsync(Ct);
        Assert.Contains(graceTypes, t => t.Name == "Story");
        Assert.Contains(graceTypes, t => t.Name == "Incident");
    }

    public static TheoryData<string> Calls() => ["fields", "catalog", "priorities", "statuses", "categories", "issuetypes"];

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task MetadataCall_RefusedToken_Unauthorized(string call)
    {
        var jira = WithBadToken().Metadata;
        Func<Task> action = call switch
        {
            "fields" => () => jira.GetFieldsAsync(Ct),
            "catalog" => () => jira.GetFieldCatalogAsync(Ct),
            "priorities" => () => jira.GetPrioritiesAsync(Ct),
            "statuses" => () => jira.GetStatusesAsync(Ct),
            "categories" => () => jira.GetStatusCategoriesAsync(Ct),
            _ => () => jira.GetIssueTypesAsync(Ct),
        };
        await Assert.ThrowsAsync<JiraUnauthorizedException>(action);
    }
}

public sealed class CloudMetadataDirectoryTests(CloudSandboxFixture sandbox) : MetadataDirectoryTests(sandbox), IClassFixture<CloudSandboxFixture>;

public sealed class DataCenterMetadataDirectoryTests(DataCenterSandboxFixture sandbox) : MetadataDirectoryTests(sandbox), IClassFixture<DataCenterSandboxFixture>;
