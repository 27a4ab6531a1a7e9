using JiraGate.Jira.Tests.Infrastructure;

namespace JiraGate.Jira.Tests.SiteDirectory;

/// <summary>One project, its components and versions, in both flavours.</summary>
public abstract class ProjectsDirectoryTests(SandboxFixture sandbox) : DirectoryTestBase(sandbox)
{
    [Fact]
    public async Task GetProjectAsync_ByKey_ReturnsTheProjectWithItsComponents()
    {
        var project = await Alice.Projects.GetProjectAsync("SEC", new GetProjectOptions { Expand = ["description", "lead"] }, Ct);
        Assert.Equal("SEC", project.Key);
        Assert.Equal("10000", project.Id);
        Assert.Equal("Security Operations", project.Name);
        Assert.Equal("Alice Analyst", project.Lead!.DisplayName);
        Assert.Equal(4, project.AdditionalProperties["components"].GetArrayLength());
    }

    [Fact]
    public async Task GetProjectAsync_ById_SameProject() =>
        Assert.Equal("SEC", (await Alice.Projects.GetProjectAsync("10000", cancellationToken: Ct)).Key);

    [Fact]
    public async Task GetProjectAsync_Unknown_NotFound() =>
        await Assert.ThrowsAsync<JiraNotFoundException>(() => Alice.Projects.GetProjectAsync("NOPE", cancellationToken: Ct));

    [Fact]
    public async Task GetProjectAsync_HiddenFromCaller_NotFoundLikeAMissingOne()
    {
        // Grace may not browse SEC: Jira answers as if it did not exist.
        var ex = await Assert.ThrowsAsync<JiraNotFoundException>(() => Grace.Projects.GetProjectAsync("SEC", cancellationToken: Ct));
        Assert.Contains("SEC", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetComponentsPageAsync_PageSize2_FirstTwoOfFourAndNotLast()
    {
        var page = await Alice.Projects.GetComponentsPageAsync("SEC", new ComponentListOptions { PageSize = 2 }, Ct);
        Assert.Equal(["Access", "Detection"], page.Items.Select(c => c.Name));
        Assert.False(page.IsLast);
        Assert.Equal(4, page.Total);
        var last = await Alice.Projects.GetComponentsPageAsync("SEC", new ComponentListOptions { PageSize = 2, StartAt = 2 }, Ct);
        Assert.Equal(["Forensics", "Vulnerability"], last.Items.Select(c => c.Name));
        Assert.True(last.IsLast);
    }

    [Fact]
    public async Task GetComponentsAsync_PageSize1_EveryComponentOnceWithLead()
    {
        var components = await Alice.Projects.GetComponentsAsync("SEC", new ComponentListOptions { PageSize = 1 }, Ct).ToListAsync(Ct);
        Assert.Equal(["Access", "Detection", "Forensics", "Vulnerability"], components.Select(c => c.Name));
        var detection = components.Single(c => c.Name == "Detection");
        Assert.Equal("Alice Analyst", detection.Lead!.DisplayName);
        Assert.Equal(10000, detection.ProjectId);
        Assert.Equal("10000", detection.Id);
    }

    [Fact]
    public async Task GetComponentsAsync_QueryDescendingAndLimit_FilteredSortedAndCut()
    {
        var components = await Alice.Projects.GetComponentsAsync("SEC",
            new ComponentListOptions { Query = "s", OrderBy = "-name", Limit = 2 }, Ct).ToListAsync(Ct);
        // "s" matches Access, Forensics (not Detection, Vulnerability); descending.
        Assert.Equal(["Forensics", "Access"], components.Select(c => c.Name));
    }

    [Fact]
    public async Task GetComponentsPageAsync_UnknownProject_NotFound() =>
        await Assert.ThrowsAsync<JiraNotFoundException>(() => Alice.Projects.GetComponentsPageAsync("NOPE", cancellationToken: Ct));

    [Fact]
    public async Task GetComponentsAsync_HiddenProject_NotFound() =>
        await Assert.ThrowsAsync<JiraNotFoundException>(async () => await Grace.Projects.GetComponentsAsync("SEC", cancellationToken: Ct).ToListAsync(Ct));

    [Fact]
    public async Task GetVersionsAsync_All_InSequenceWithDates()
    {
        var versions = await Alice.Projects.GetVersionsAsync("ENG", new VersionListOptions { PageSize = 2 }, Ct).ToListAsync(Ct);
        Assert.Equal(["1.0", "1.1", "2.0"], versions.Select(v => v.Name));
        Assert.True(versions[0].Released);
        Assert.Equal(new DateOnly(2026, 6, 1), versions[0].ReleaseDate);
        Assert.Null(versions[2].ReleaseDate);
        Assert.Equal(10001, versions[0].ProjectId);
    }

    [Fact]
    public async Task GetVersionsPageAsync_StatusUnreleasedByNameDescending_OnlyThose()
    {
        var page = await Alice.Projects.GetVersionsPageAsync("ENG",
            new VersionListOptions { Status = ["unreleased"], OrderBy = "-name" }, Ct);
        Assert.Equal(["2.0", "1.1"], page.Items.Select(v => v.Name));
        Assert.True(page.IsLast);
    }

    [Fact]
    public async Task GetVersionsAsync_QueryAndLimit_FirstMatchOnly()
    {
        var versions = await Alice.Projects.GetVersionsAsync("ENG", new VersionListOptions { Query = "1.", Limit = 1 }, Ct).ToListAsync(Ct);
        Assert.Equal("1.0", Assert.Single(versions).Name);
    }

    [Fact]
    public async Task GetVersionsPageAsync_UnknownProject_NotFound() =>
        await Assert.ThrowsAsync<JiraNotFoundException>(() => Alice.Projects.GetVersionsPageAsync("NOPE", cancellationToken: Ct));

    [Fact]
    public async Task GetVersionsPageAsync_UnknownStatus_Refused()
    {
        var call = () => Alice.Projects.GetVersionsPageAsync("ENG", new VersionListOptions { Status = ["shipped"] }, Ct);
        if (IsCloud)
        {
            await Assert.ThrowsAsync<JiraValidationException>(call);
        }
        else
        {
            // Data Center filters locally and refuses before sending.
            await Assert.ThrowsAsync<ArgumentException>(call);
        }
    }
}

public sealed class CloudProjectsDirectoryTests(CloudSandboxFixture sandbox) : ProjectsDirectoryTests(sandbox), IClassFixture<CloudSandboxFixture>;

public sealed class DataCenterProjectsDirectoryTests(DataCenterSandboxFixture sandbox) : ProjectsDirectoryTests(sandbox), IClassFixture<DataCenterSandboxFixture>;
