using System.Reflection;
using System.Text.Json;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Connector;
using JiraGate.Governance.Pipeline;
using JiraGate.Governance.Tests.Pipeline;

namespace JiraGate.Governance.Tests.Connector;

public sealed class JiraConnectorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IEnumerable<MethodInfo> OperationMethods() => typeof(JiraConnector)
        .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        .Where(m => m.GetCustomAttribute<GovernedOperationAttribute>() is not null);

    [Fact]
    public void JiraConnector_Methods_OneForEachOfThe36CatalogOperations()
    {
        var byOperation = OperationMethods().GroupBy(m => m.GetCustomAttribute<GovernedOperationAttribute>()!.Operation).ToList();

        Assert.Equal(36, OperationCatalog.Default.Count);
        Assert.All(byOperation, g => Assert.Single(g));
        Assert.Equal(OperationCatalog.Default.All.Select(o => o.Name).Order(StringComparer.Ordinal),
            byOperation.Select(g => g.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void JiraConnector_PublicAsyncMethods_ReturnResultsTakeTheTokenLastAndEndInAsync()
    {
        var methods = typeof(JiraConnector).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name != nameof(ToString)).ToList();
        Assert.All(methods, m =>
        {
            Assert.EndsWith("Async", m.Name, StringComparison.Ordinal);
            Assert.Equal(typeof(Task<OperationResult>), m.ReturnType);
            Assert.Equal(typeof(CancellationToken), m.GetParameters()[^1].ParameterType);
        });
        Assert.Equal(36 + 2, methods.Count); // + GetApprovalResultAsync, CallAsync
    }

    [Fact]
    public async Task JiraConnector_EveryMethod_SendsSchemaValidArgumentsAsSdk()
    {
        var pipeline = new RecordingPipeline();
        var jira = new JiraConnector(pipeline, "agent-001", "org-acme");
        var custom = new Dictionary<string, JsonElement> { ["customfield_10010"] = PipelineTestBed.Json("5") };
        var calls = new Func<Task<OperationResult>>[]
        {
            () => jira.SearchIssuesAsync("project = SEC AND status = Open", maxResults: 20, fields: ["summary"], cancellationToken: Ct),
            () => jira.GetIssueAsync("SEC-456", cancellationToken: Ct),
            () => jira.CreateIssueAsync("SEC", "Investigate suspicious login from 198.51.100.42", "Bug", priority: "High", labels: ["security", "automated"],
                description: "**Found** by the SOC bot", assignee: "bot@example.test", components: ["Auth"], customFields: custom, cancellationToken: Ct),
            () => jira.UpdateIssueAsync("SEC-456", summary: "New summary", labels: ["triaged"], customFields: custom, cancellationToken: Ct),
            () => jira.DeleteIssueAsync("SEC-456", deleteSubtasks: true, cancellationToken: Ct),
            () => jira.TransitionIssueAsync("SEC-456", transitionId: "31", comment: "Starting", cancellationToken: Ct),
            () => jira.AssignIssueAsync("SEC-456", null, Ct),
            () => jira.GetTransitionsAsync("SEC-456", Ct),
            () => jira.BulkCreateIssuesAsync([new NewIssue { ProjectKey = "SEC", Summary = "a", IssueType = "Task", Labels = ["x"] },
                new NewIssue { ProjectKey = "OPS", Summary = "b", IssueType = "Bug", CustomFields = custom }], Ct),
            () => jira.ListCommentsAsync("SEC-456", maxResults: 10, startAt: 0, cancellationToken: Ct),
            () => jira.AddCommentAsync("SEC-456", "Automated enrichment complete. See attached IOC report.", Ct),
            () => jira.UpdateCommentAsync("SEC-456", "10001", "Edited", Ct),
            () => jira.DeleteCommentAsync("SEC-456", "10001", Ct),
            () => jira.ListAttachmentsAsync("SEC-456", Ct),
            () => jira.UploadAttachmentAsync("SEC-456", "ioc.txt", "198.51.100.42"u8.ToArray(), "text/plain", Ct),
            () => jira.DeleteAttachmentAsync("10042", Ct),
            () => jira.ListWorklogsAsync("SEC-456", cancellationToken: Ct),
            () => jira.AddWorklogAsync("SEC-456", "1h 30m", new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.FromHours(1)), "Triage", Ct),
            () => jira.ListProjectsAsync("SEC", 50, 0, Ct),
            () => jira.GetProjectAsync("SEC", Ct),
            () => jira.GetProjectComponentsAsync("SEC", Ct),
            () => jira.GetProjectVersionsAsync("SEC", Ct),
            () => jira.SearchUsersAsync("alice", cancellationToken: Ct),
            () => jira.GetUserAsync("5b10a2844c20165700ede21g", Ct),
            () => jira.GetUserGroupsAsync("5b10a2844c20165700ede21g", Ct),
            () => jira.ListBoardsAsync(projectKey: "SEC", type: "scrum", cancellationToken: Ct),
            () => jira.GetBoardSprintsAsync("42", state: "active", cancellationToken: Ct),
            () => jira.GetBoardBacklogAsync("42", jql: "priority = High", cancellationToken: Ct),
            () => jira.GetSprintAsync("7", Ct),
            () => jira.GetSprintIssuesAsync("7", maxResults: 5, cancellationToken: Ct),
            () => jira.ListFieldsAsync(Ct),
            () => jira.ListPrioritiesAsync(Ct),
            () => jira.ListStatusesAsync(Ct),
            () => jira.ListWebhooksAsync(cancellationToken: Ct),
            () => jira.RegisterWebhookAsync(new Uri("https://hooks.example.test/jira"), ["jira:issue_created", "comment_created"], "project = SEC", Ct),
            () => jira.DeleteWebhookAsync("12", Ct),
        };

        foreach (var call in calls)
        {
            await call();
        }

        Assert.Equal(36, pipeline.Calls.Count);
        Assert.Equal(36, pipeline.Calls.Select(c => c.Operation).Distinct().Count());
        Assert.All(pipeline.Calls, c =>
        {
            Assert.Equal(EntryPoint.Sdk, c.EntryPoint);
            Assert.Equal(new AgentIdentity { AgentId = "agent-001", OrgId = "org-acme" }, c.Agent);
            var validation = ArgumentValidator.Validate(OperationCatalog.Default[c.Operation], c.Arguments);
            Assert.True(validation.IsValid, c.Operation + ": " + string.Join("; ", validation.Errors) + " in " + c.Arguments.GetRawText());
        });
        Assert.Equal("""{"issue_key":"SEC-456","assignee":null}""", pipeline.Calls.Single(c => c.Operation == "issues:assign").Arguments.GetRawText());
        Assert.Equal("""{"jql":"project = SEC AND status = Open","max_results":20,"fields":["summary"]}""",
            pipeline.Calls.Single(c => c.Operation == "issues:read").Arguments.GetRawText());
    }

    [Fact]
    public async Task JiraConnector_SeedSdkScenario_ThroughTheRealPipelineEveryStepOk()
    {
        await using var bed = await PipelineTestBed.CreateAsync();
        await bed.Agents.UpdateAsync("agent-001", new AgentChanges { Policies = ["jira-soc-triage", "jira-readonly"] }, Ct);
        var factory = new JiraConnectorFactory(bed.Pipeline);
        var jira = factory.Create("agent-001", "org-acme");

        var results = new[]
        {
            await jira.SearchIssuesAsync("project = SEC AND status = Open", maxResults: 20, cancellationToken: Ct),
            await jira.CreateIssueAsync("SEC", "Investigate suspicious login from 198.51.100.42", "Bug", priority: "High",
                labels: ["security", "automated"], cancellationToken: Ct),
            await jira.GetTransitionsAsync("SEC-456", Ct),
            await jira.TransitionIssueAsync("SEC-456", transitionId: "31", cancellationToken: Ct),
            await jira.AddCommentAsync("SEC-456", "Automated enrichment complete. See attached IOC report.", Ct),
            await jira.ListBoardsAsync(projectKey: "SEC", cancellationToken: Ct),
            await jira.GetBoardSprintsAsync("42", state: "active", cancellationToken: Ct),
        };

        Assert.All(results, r => Assert.True(r.IsOk, r.ToString()));
        Assert.Equal(7, bed.Executor.Calls);
        var denied = await jira.DeleteIssueAsync("SEC-456", cancellationToken: Ct);
        Assert.Equal(OperationStatus.Denied, denied.Status);
        Assert.Equal(7, bed.Executor.Calls);
    }

    private sealed class RecordingPipeline : IOperationPipeline
    {
        public List<OperationCall> Calls { get; } = [];

        public Task<OperationResult> ExecuteAsync(OperationCall call, CancellationToken cancellationToken = default)
        {
            Calls.Add(call);
            return Task.FromResult(new OperationResult { Operation = call.Operation, Status = OperationStatus.Ok });
        }

        public Task<OperationResult> GetApprovalResultAsync(AgentIdentity agent, string approvalId, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
