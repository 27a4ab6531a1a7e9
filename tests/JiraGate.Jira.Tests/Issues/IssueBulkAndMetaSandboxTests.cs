using System.Text.Json.Nodes;
using JiraGate.Jira.Models;
using JiraGate.Jira.Tests.Infrastructure;

namespace JiraGate.Jira.Tests.Issues;

/// <summary>Bulk create and fetch, counts, createmeta, editmeta, changelog and properties, in both flavours.</summary>
public abstract class IssueBulkAndMetaSandboxTests(SandboxFixture sandbox) : IssueSandboxTestBase(sandbox)
{
    private async Task<long> CountAsync(string jql) => await Jira.Issues.ApproximateCountAsync(jql, Ct);

    [Fact]
    public async Task BulkCreateIssuesAsync_120WithOneBad_ThreeCallsAndTheFailureAtItsIndex()
    {
        var label = Unique("bulk");
        var writes = Enumerable.Range(0, 120).Select(i => new IssueWrite().Project("SEC")
            .IssueType(i == 77 ? "NoSuchType" : "Task").Summary($"{label} #{i}").Labels(label)).ToList();
        var result = await Jira.Issues.BulkCreateIssuesAsync(writes, Ct);

        Assert.Equal(3, Wire.Count("POST", Api + "/issue/bulk"));
        Assert.Equal(3, result.RequestIds.Count);
        Assert.False(result.AllSucceeded);
        var failure = Assert.Single(result.Failed);
        Assert.Equal(77, failure.Index);
        Assert.Contains("issuetype", failure.Errors.Keys);
        Assert.Equal(Enumerable.Range(0, 120).Where(i => i != 77), result.Created.Select(c => c.Index));
        Assert.Equal(119, result.Created.Select(c => c.Issue.Key).Distinct().Count());
        foreach (var index in new[] { 0, 49, 50, 76, 78, 99, 100, 119 })
        {
            var key = result.Created.Single(c => c.Index == index).Issue.Key;
            Assert.Equal($"{label} #{index}", (await Jira.Issues.GetIssueAsync(key, new GetIssueOptions { Fields = ["summary"] }, Ct)).Fields.Summary);
        }
        Assert.Equal(119, await CountAsync($"project = SEC AND labels = \"{label}\""));
    }

    [Fact]
    public async Task BulkCreateIssuesAsync_EveryElementBad_ReportsEachFailureWithoutThrowing()
    {
        var writes = new[] { new IssueWrite().Project("SEC").IssueType("Task"), new IssueWrite().Project("NOPE").IssueType("Task").Summary("x") };
        var result = await Jira.Issues.BulkCreateIssuesAsync(writes, Ct);
        Assert.Empty(result.Created);
        Assert.Equal([0, 1], result.Failed.Select(f => f.Index));
        Assert.Contains("summary", result.Failed[0].Errors.Keys);
        Assert.Contains("project", result.Failed[1].Errors.Keys);
    }

    [Fact]
    public async Task BulkFetchAsync_KeysAndIds_FoundOnceUnknownLeftOut()
    {
        var created = await CreateTaskAsync(Unique("fetch"));
        var issues = await Jira.Issues.BulkFetchAsync(["SEC-456", created.Id, "SEC-999999", "sec-456"], new BulkFetchOptions { Fields = ["summary"] }, Ct);
        Assert.Equal(new[] { "SEC-456", created.Key }.Order(), issues.Select(i => i.Key).Order());
        Assert.All(issues, i => Assert.NotNull(i.Fields.Summary));
    }

    [Fact]
    public async Task BulkFetchAsync_EmptyKey_ArgumentException() =>
        await Assert.ThrowsAsync<ArgumentException>(() => Jira.Issues.BulkFetchAsync(["SEC-456", " "], cancellationToken: Ct));

    [Fact]
    public async Task ApproximateCountAsync_Project_MatchesAWalkOfTheSearch()
    {
        var label = Unique("count");
        for (var i = 0; i < 3; i++)
        {
            await CreateTaskAsync(Unique("count"), w => w.Labels(label));
        }
        Assert.Equal(3, await CountAsync($"project = SEC AND labels = \"{label}\""));
        Assert.Equal(1, IsCloud ? Wire.Count("POST", Api + "/search/approximate-count") : Wire.Count("GET", Api + "/search"));
    }

    [Fact]
    public async Task ApproximateCountAsync_InvalidJql_ValidationError() =>
        await Assert.ThrowsAsync<JiraValidationException>(() => Jira.Issues.ApproximateCountAsync("project = SEC AND nosuchfield = 1", Ct));

    [Fact]
    public async Task GetCreateMetaIssueTypesAsync_Sec_PagesThroughEveryType()
    {
        var page = await Jira.Issues.GetCreateMetaIssueTypesPageAsync("SEC", new CreateMetaOptions { PageSize = 2 }, Ct);
        Assert.Equal(2, page.Items.Count);
        Assert.False(page.IsLast);
        var all = new List<IssueType>();
        await foreach (var type in Jira.Issues.GetCreateMetaIssueTypesAsync("SEC", new CreateMetaOptions { PageSize = 2 }, Ct))
        {
            all.Add(type);
        }
        Assert.Equal(page.Total, all.Count);
        Assert.Contains(all, t => t.Name == "Incident");
        Assert.Equal(all.Count, all.Select(t => t.Id).Distinct().Count());
    }

    [Fact]
    public async Task GetCreateMetaIssueTypesPageAsync_UnknownProject_ValidationError() =>
        await Assert.ThrowsAsync<JiraValidationException>(() => Jira.Issues.GetCreateMetaIssueTypesPageAsync("NOPE", cancellationToken: Ct));

    [Fact]
    public async Task GetCreateMetaFieldsAsync_Incident_RequiredSeverityWithAllowedValues()
    {
        var incident = await Jira.Issues.GetCreateMetaIssueTypesAsync("SEC", cancellationToken: Ct).FirstAsync(t => t.Name == "Incident", Ct);
        var fields = await Jira.Issues.GetCreateMetaFieldsAsync("SEC", incident.Id!, new CreateMetaOptions { PageSize = 3 }, Ct).ToListAsync(Ct);
        var severity = Assert.Single(fields, f => f.FieldId == "customfield_10030");
        Assert.True(severity.Required);
        Assert.NotEmpty(severity.AllowedValues!);
        Assert.Equal(10030, severity.Schema!.CustomId);
        Assert.True(Assert.Single(fields, f => f.FieldId == "summary").Required);
        var limited = await Jira.Issues.GetCreateMetaFieldsAsync("SEC", incident.Id!, new CreateMetaOptions { PageSize = 2, Limit = 3 }, Ct).ToListAsync(Ct);
        Assert.Equal(fields.Take(3).Select(f => f.FieldId), limited.Select(f => f.FieldId));
    }

    [Fact]
    public async Task GetCreateMetaFieldsPageAsync_TypeNotInProject_ValidationError() =>
        await Assert.ThrowsAsync<JiraValidationException>(() => Jira.Issues.GetCreateMetaFieldsPageAsync("SEC", "999999", cancellationToken: Ct));

    [Fact]
    public async Task GetEditMetaAsync_Issue_EditableFieldsWithOperations()
    {
        var meta = await Jira.Issues.GetEditMetaAsync("SEC-456", cancellationToken: Ct);
        Assert.Contains("set", meta.Fields["summary"].Operations!);
        Assert.Contains("add", meta.Fields["labels"].Operations!);
    }

    [Fact]
    public async Task GetEditMetaAsync_MissingIssue_NotFound() =>
        await Assert.ThrowsAsync<JiraNotFoundException>(() => Jira.Issues.GetEditMetaAsync("SEC-999999", cancellationToken: Ct));

    [Fact]
    public async Task GetChangelogAsync_TwoEdits_OldestFirstPageByPage()
    {
        var created = await CreateTaskAsync(Unique("history"));
        await Jira.Issues.UpdateIssueAsync(created.Key, new IssueWrite().Summary("first rename"), cancellationToken: Ct);
        await Jira.Issues.UpdateIssueAsync(created.Key, new IssueWrite().Summary("second rename"), cancellationToken: Ct);

        var first = await Jira.Issues.GetChangelogPageAsync(created.Key, new ChangelogOptions { PageSize = 1 }, Ct);
        Assert.Equal(2, first.Total);
        Assert.False(first.IsLast);
        var item = Assert.Single(Assert.Single(first.Items).Items);
        Assert.Equal("summary", item.Field);
        Assert.Equal("first rename", item.ToText);

        var all = await Jira.Issues.GetChangelogAsync(created.Key, new ChangelogOptions { PageSize = 1 }, Ct).ToListAsync(Ct);
        Assert.Equal(["first rename", "second rename"], all.Select(g => g.Items.Single().ToText));
        Assert.All(all, g => Assert.NotNull(g.Created));
        if (IsCloud)
        {
            Assert.True(Wire.Count("GET", Api + "/issue/" + created.Key + "/changelog") >= 3);
        }
        else
        {
            Assert.Equal(0, Wire.Count("GET", Api + "/issue/" + created.Key + "/changelog"));
        }
    }

    [Fact]
    public async Task GetChangelogPageAsync_MissingIssue_NotFound() =>
        await Assert.ThrowsAsync<JiraNotFoundException>(() => Jira.Issues.GetChangelogPageAsync("SEC-999999", cancellationToken: Ct));

    [Fact]
    public async Task IssueProperties_SetReplaceListGetDelete()
    {
        var created = await CreateTaskAsync(Unique("props"));
        Assert.True(await Jira.Issues.SetIssuePropertyAsync(created.Key, "ci.run", new JsonObject { ["build"] = 1 }, Ct));
        Assert.False(await Jira.Issues.SetIssuePropertyAsync(created.Key, "ci.run", new JsonObject { ["build"] = 2, ["ok"] = true }, Ct));
        Assert.Equal(["ci.run"], await Jira.Issues.GetIssuePropertyKeysAsync(created.Key, Ct));
        var property = await Jira.Issues.GetIssuePropertyAsync(created.Key, "ci.run", Ct);
        Assert.Equal(2, property.Value.GetProperty("build").GetInt32());
        await Jira.Issues.DeleteIssuePropertyAsync(created.Key, "ci.run", Ct);
        Assert.Empty(await Jira.Issues.GetIssuePropertyKeysAsync(created.Key, Ct));
        await Assert.ThrowsAsync<JiraNotFoundException>(() => Jira.Issues.GetIssuePropertyAsync(created.Key, "ci.run", Ct));
    }

    [Fact]
    public async Task DeleteIssuePropertyAsync_Missing_NotFound() =>
        await Assert.ThrowsAsync<JiraNotFoundException>(() => Jira.Issues.DeleteIssuePropertyAsync("SEC-456", "no.such.property", Ct));

    [Fact]
    public async Task CreateIssueAsync_WithProperty_StoredOnTheIssue()
    {
        var created = await CreateTaskAsync(Unique("create-prop"), w => w.Property("origin", JsonValue.Create("agent")));
        Assert.Equal("agent", (await Jira.Issues.GetIssuePropertyAsync(created.Key, "origin", Ct)).Value.GetString());
    }

    [Fact]
    public async Task SearchAsync_CancelledAfterTheFirstItem_StopsWithoutAnotherPage()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var path = IsCloud ? Api + "/search/jql" : Api + "/search";
        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Jira.Issues.SearchAsync("project = SEC order by key", new SearchOptions { PageSize = 5, Fields = ["summary"] }, cts.Token))
            {
                seen++;
                await cts.CancelAsync();
            }
        });
        Assert.Equal(1, seen);
        Assert.Equal(1, Wire.Count("GET", path));
    }
}

public sealed class CloudIssueBulkAndMetaSandboxTests(CloudSandboxFixture sandbox) : IssueBulkAndMetaSandboxTests(sandbox), IClassFixture<CloudSandboxFixture>;

public sealed class DataCenterIssueBulkAndMetaSandboxTests(DataCenterSandboxFixture sandbox) : IssueBulkAndMetaSandboxTests(sandbox), IClassFixture<DataCenterSandboxFixture>;
