using System.Text;
using JiraGate.Jira.Serialization;
using JiraGate.Jira.Tests.Infrastructure;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Model;

namespace JiraGate.Jira.Tests.Issues;

/// <summary>Recorded real responses of the Issues family, and a create whose answer is lost.</summary>
public sealed class IssueFixtureAndFaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void CreatedIssue_RecordedDataCenterPost_RoundTrips()
    {
        var created = RecordedFixtures.AssertRoundTrips("jira-ruby/dc-v2-issue-post.json", JiraJsonContext.Default.CreatedIssue);
        Assert.Equal("SAMPLEPROJECT-4", created.Key);
        Assert.Equal("10005", created.Id);
    }

    [Theory]
    [InlineData("jira-ruby/dc-v2-transitions-get.json")]
    [InlineData("go-jira/dc-v2-transitions-get-expanded.json")]
    public void Transitions_RecordedDataCenter_RoundTrip(string fixture)
    {
        var response = RecordedFixtures.AssertRoundTrips(fixture, JiraJsonContext.Default.TransitionsResponse);
        Assert.NotEmpty(response.Transitions!);
        Assert.All(response.Transitions!, t => Assert.NotNull(t.To?.Name));
    }

    [Fact]
    public void Transitions_RecordedExpanded_ScreenFieldsTyped()
    {
        var response = RecordedFixtures.AssertRoundTrips("go-jira/dc-v2-transitions-get-expanded.json", JiraJsonContext.Default.TransitionsResponse);
        var field = response.Transitions![0].Fields!["summary"];
        Assert.Equal(10001, field.Schema!.CustomId);
        Assert.Equal(["set", "add"], field.Operations);
        Assert.Equal(2, field.AllowedValues!.Count);
    }

    [Fact]
    public void Search_RecordedDataCenter_RoundTrips()
    {
        var page = RecordedFixtures.AssertRoundTrips("jira-ruby/dc-v2-search-get.json", JiraJsonContext.Default.SearchOffsetPage);
        Assert.Equal(page.Issues!.Count, Math.Min((int)page.Total!, page.MaxResults!.Value));
    }

    [Theory]
    [InlineData("jira-ruby/dc-v2-error-component-put-unrecognized-field.json", 1, 0)]
    [InlineData("jira-ruby/dc-v2-error-issue-put-invalid-field.json", 0, 1)]
    [InlineData("jira-ruby/dc-v2-error-issue-put-missing-field.json", 1, 0)]
    [InlineData("jira-ruby/dc-v2-error-version-put-invalid.json", 1, 0)]
    public void ErrorBodies_Recorded_RoundTripAndParseLikeTheConnection(string fixture, int messages, int fieldErrors)
    {
        var collection = RecordedFixtures.AssertRoundTrips(fixture, JiraJsonContext.Default.ErrorCollection);
        var (parsedMessages, parsedErrors) = JiraErrorBody.Parse(Encoding.UTF8.GetBytes(RecordedFixtures.Read(fixture)));
        Assert.Equal(messages, parsedMessages.Count);
        Assert.Equal(fieldErrors, parsedErrors.Count);
        Assert.Equal(collection.ErrorMessages ?? [], parsedMessages);
        Assert.Equal((collection.Errors ?? new Dictionary<string, string>()).OrderBy(e => e.Key), parsedErrors.OrderBy(e => e.Key));
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task CreateIssueAsync_AppliedThenTimedOut_OutcomeUnknownAndExactlyOneIssue(SandboxFlavor flavor)
    {
        var api = flavor == SandboxFlavor.Cloud ? "/rest/api/3" : "/rest/api/2";
        await using var host = await JiraTestServices.StartAsync(flavor,
            o => o.Faults.Add(new FaultRule { Kind = FaultKind.ApplyThenTimeout, Method = "POST", PathPrefix = api + "/issue", Count = 1 }));
        var wire = new BodyRecordingHandler();
        // Real clock: the attempt timeout must fire; long enough for a busy sandbox to apply the write first.
        using var services = JiraTestServices.ForSandbox(host, JiraTestServices.Alice(flavor), o => o.AttemptTimeout = TimeSpan.FromSeconds(3),
            b => b.HttpClient.AddHttpMessageHandler(() => wire));
        var jira = services.GetRequiredService<JiraClient>();
        var label = "lost-" + Guid.NewGuid().ToString("N")[..12];
        var jql = $"project = SEC AND labels = \"{label}\"";
        Assert.Equal(0, await jira.Issues.ApproximateCountAsync(jql, Ct));

        await Assert.ThrowsAsync<JiraOutcomeUnknownException>(() => jira.Issues.CreateIssueAsync(
            new IssueWrite().Project("SEC").IssueType("Task").Summary(label).Labels(label), cancellationToken: Ct));

        Assert.Equal(1, wire.Count("POST", api + "/issue"));
        Assert.Equal(1, await jira.Issues.ApproximateCountAsync(jql, Ct));
    }

    [Fact]
    public async Task BulkCreateIssuesAsync_SecondCallFailsOutright_ExceptionCarriesTheFirstCallsIssues()
    {
        await using var host = await JiraTestServices.StartAsync(SandboxFlavor.Cloud);
        using var services = JiraTestServices.ForSandbox(host, JiraTestServices.Alice(SandboxFlavor.Cloud),
            builder: b => b.HttpClient.AddHttpMessageHandler(() => new FailNthBulkCall(2)));
        var jira = services.GetRequiredService<JiraClient>();
        var writes = Enumerable.Range(0, 60).Select(i => new IssueWrite().Project("SEC").IssueType("Task").Summary("partial #" + i)).ToList();

        var ex = await Assert.ThrowsAsync<JiraBulkCreateException>(() => jira.Issues.BulkCreateIssuesAsync(writes, Ct));
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Equal(50, ex.FirstNotCreatedIndex);
        Assert.Equal(Enumerable.Range(0, 50), ex.PartialResult.Created.Select(c => c.Index));
        Assert.IsType<JiraException>(ex.InnerException);
    }

    /// <summary>Answers 500 to the n-th POST /issue/bulk without passing it on.</summary>
    private sealed class FailNthBulkCall(int n) : DelegatingHandler
    {
        private int _calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            request.RequestUri!.AbsolutePath.EndsWith("/issue/bulk", StringComparison.Ordinal) && Interlocked.Increment(ref _calls) == n
                ? Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.InternalServerError)
                {
                    Content = new StringContent("""{"errorMessages":["boom"],"errors":{}}""", Encoding.UTF8, "application/json"),
                })
                : base.SendAsync(request, cancellationToken);
    }
}
