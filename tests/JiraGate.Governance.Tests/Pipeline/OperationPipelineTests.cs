using System.Net;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Audit;
using JiraGate.Governance.Pipeline;
using JiraGate.Governance.Policies;
using JiraGate.Jira;
using static JiraGate.Governance.Tests.Pipeline.PipelineTestBed;

namespace JiraGate.Governance.Tests.Pipeline;

public sealed class OperationPipelineTests : IAsyncLifetime
{
    private PipelineTestBed _bed = null!;

    public async ValueTask InitializeAsync() => _bed = await CreateAsync();

    public async ValueTask DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task ExecuteAsync_AllowedCall_ExecutesOnceAndAuditsIntentThenOutcome()
    {
        var result = await _bed.CallAsync(Soc, "issues:read_detail", """{"issue_key":"SEC-1"}""");

        Assert.Equal(OperationStatus.Ok, result.Status);
        Assert.Equal("issues:read_detail", result.Value!.Value.GetProperty("operation").GetString());
        Assert.Equal("req-1", result.JiraRequestId);
        Assert.Equal(PolicyEffect.Allow, result.Decision!.Effect);
        Assert.Equal(1, _bed.Executor.Calls);
        var records = await _bed.AuditRecordsAsync();
        Assert.Equal(2, records.Count);
        Assert.Equal(AuditRecordKind.Intent, records[0].Kind);
        Assert.Equal("allow", records[0].Decision);
        Assert.Equal(SeedPolicies.SocTriage, records[0].Policy);
        Assert.Equal("""{"issue_key":"SEC-1"}""", records[0].Parameters);
        Assert.Equal(AuditRecordKind.Outcome, records[1].Kind);
        Assert.Equal(records[0].Seq, records[1].IntentSeq);
        Assert.Equal("ok", records[1].Outcome!.Status);
        Assert.Equal("req-1", records[1].Outcome!.JiraRequestId);
        Assert.True((await _bed.Audit.VerifyAsync(Ct)).IsValid);
    }

    [Fact]
    public async Task ExecuteAsync_UnknownDisabledOrWrongOrgAgent_UnauthenticatedAndNothingExecutedOrAudited()
    {
        await _bed.Agents.UpdateAsync(ReadOnly.AgentId, new AgentChanges { Enabled = false }, Ct);
        var callers = new[]
        {
            new AgentIdentity { AgentId = "agent-nobody", OrgId = Org },
            ReadOnly,
            new AgentIdentity { AgentId = Soc.AgentId, OrgId = "org-other" },
        };
        foreach (var caller in callers)
        {
            var result = await _bed.CallAsync(caller, "issues:read_detail", """{"issue_key":"SEC-1"}""");
            Assert.Equal(OperationStatus.Failed, result.Status);
            Assert.Equal(OperationErrorCodes.Unauthenticated, result.Error!.Code);
        }
        Assert.Equal(0, _bed.Executor.Calls);
        Assert.Empty(await _bed.AuditRecordsAsync());
    }

    [Fact]
    public async Task ExecuteAsync_UnknownOperation_FailedUnknownOperationAndNotExecuted()
    {
        var result = await _bed.CallAsync(Soc, "issues:teleport", "{}");

        Assert.Equal(OperationErrorCodes.UnknownOperation, result.Error!.Code);
        Assert.Equal(0, _bed.Executor.Calls);
        var records = await _bed.AuditRecordsAsync();
        Assert.Equal("not_executed", records[^1].Outcome!.Status);
        Assert.Equal(OperationErrorCodes.UnknownOperation, records[^1].Outcome!.ErrorCode);
    }

    [Fact]
    public async Task ExecuteAsync_InvalidInput_NamesEachArgumentAndSendsNothing()
    {
        var result = await _bed.CallAsync(Soc, "issues:create", """{"project_key":"sec lower","summary":"","issue_type":"Bug","colour":"red"}""");

        Assert.Equal(OperationStatus.Failed, result.Status);
        Assert.Equal(OperationErrorCodes.InvalidInput, result.Error!.Code);
        var named = result.Error.Arguments.Select(a => a.Argument).ToHashSet();
        Assert.Contains("project_key", named);
        Assert.Contains("summary", named);
        Assert.Contains("colour", named);
        Assert.Equal(0, _bed.Executor.Calls);
        var outcome = (await _bed.AuditRecordsAsync())[^1].Outcome!;
        Assert.Equal(OperationErrorCodes.InvalidInput, outcome.ErrorCode);
        Assert.Equal("not_executed", outcome.Status);
    }

    [Fact]
    public async Task ExecuteAsync_DeniedByPolicy_DeniedWithReasonNothingExecutedDenialAudited()
    {
        var result = await _bed.CallAsync(Soc, "issues:delete", """{"issue_key":"SEC-1"}""");

        Assert.Equal(OperationStatus.Denied, result.Status);
        Assert.Equal(OperationErrorCodes.PolicyDenied, result.Error!.Code);
        Assert.Equal(result.Decision!.Reason, result.Error.Message);
        Assert.Contains("issues:delete", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _bed.Executor.Calls);
        var records = await _bed.AuditRecordsAsync();
        Assert.Equal(2, records.Count);
        Assert.Equal("deny", records[0].Decision);
        Assert.Equal("high", records[0].Risk);
        Assert.Equal(OperationErrorCodes.PolicyDenied, records[1].Outcome!.ErrorCode);
    }

    [Fact]
    public async Task ExecuteAsync_AuditStoreFailing_AuditUnavailableAndZeroExecutions()
    {
        _bed.AuditStore.FailAll();

        var result = await _bed.CallAsync(Soc, "issues:create", """{"project_key":"SEC","summary":"Suspicious login","issue_type":"Bug"}""");

        Assert.Equal(OperationStatus.Failed, result.Status);
        Assert.Equal(OperationErrorCodes.AuditUnavailable, result.Error!.Code);
        Assert.Equal(0, _bed.Executor.Calls);
        Assert.Empty(await _bed.AuditRecordsAsync());
        Assert.Contains(_bed.Logger.Lines, l => l.Contains("nothing was sent to Jira", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExecuteAsync_OutcomeWriteFails_ResultStillReturnedAndIntentStands()
    {
        _bed.AuditStore.FailFrom(2); // the intent commits, the outcome does not

        var result = await _bed.CallAsync(Soc, "issues:read_detail", """{"issue_key":"SEC-1"}""");

        Assert.Equal(OperationStatus.Ok, result.Status);
        Assert.Equal(1, _bed.Executor.Calls);
        var records = await _bed.AuditRecordsAsync();
        Assert.Single(records);
        Assert.Equal(AuditRecordKind.Intent, records[0].Kind);
        Assert.Contains(_bed.Logger.Lines, l => l.Contains("Audit outcome", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExecuteAsync_ExecutorFindsTheCallOutsideItsScope_DeniedByPolicyAndAudited()
    {
        _bed.Executor.Throw = _ => new JiraGate.Governance.Execution.ExecutionScopeException("SEC-1 belongs to project HR, outside SEC.");

        var result = await _bed.CallAsync(Soc, "issues:update", """{"issue_key":"SEC-1","summary":"x"}""");

        Assert.Equal(OperationStatus.Denied, result.Status);
        Assert.Equal(OperationErrorCodes.PolicyDenied, result.Error!.Code);
        Assert.Contains("outside SEC", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(OperationErrorCodes.PolicyDenied, (await _bed.AuditRecordsAsync())[^1].Outcome!.ErrorCode);
    }

    public static TheoryData<string, string> Failures() => new()
    {
        { "argument", OperationErrorCodes.InvalidInput },
        { "not_found", OperationErrorCodes.JiraNotFound },
        { "rate_limited", OperationErrorCodes.RateLimited },
        { "outcome_unknown", OperationErrorCodes.OutcomeUnknown },
        { "validation", OperationErrorCodes.JiraError },
        { "forbidden", OperationErrorCodes.JiraError },
        { "server_error", OperationErrorCodes.JiraUnavailable },
        { "no_answer", OperationErrorCodes.JiraUnavailable },
        { "http", OperationErrorCodes.JiraUnavailable },
        { "timeout", OperationErrorCodes.JiraUnavailable },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task ExecuteAsync_ExecutorThrows_MappedToStableCodeAndAudited(string kind, string code)
    {
        _bed.Executor.Throw = _ => kind switch
        {
            "argument" => new OperationArgumentException("assignee", "No Jira user has the email x@example.test."),
            "not_found" => JiraErrors.Create<JiraNotFoundException>(HttpStatusCode.NotFound, messages: ["Issue does not exist"]),
            "rate_limited" => JiraErrors.Create<JiraRateLimitedException>(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(7)),
            "outcome_unknown" => JiraErrors.Create<JiraOutcomeUnknownException>(null, requestId: null),
            "validation" => JiraErrors.Create<JiraValidationException>(HttpStatusCode.BadRequest, errors: new() { ["summary"] = "Summary is required." }),
            "forbidden" => JiraErrors.Create<JiraForbiddenException>(HttpStatusCode.Forbidden, messages: ["No permission"]),
            "server_error" => JiraErrors.Create<JiraException>(HttpStatusCode.BadGateway),
            "no_answer" => new JiraException("Could not connect to Jira."),
            "http" => new HttpRequestException("connection refused"),
            _ => new TaskCanceledException("HttpClient.Timeout"),
        };

        var result = await _bed.CallAsync(Soc, "issues:update", """{"issue_key":"SEC-1","summary":"x"}""");

        Assert.Equal(OperationStatus.Failed, result.Status);
        Assert.Equal(code, result.Error!.Code);
        var outcome = (await _bed.AuditRecordsAsync())[^1].Outcome!;
        Assert.Equal(code, outcome.ErrorCode);
        Assert.Equal(code == OperationErrorCodes.OutcomeUnknown ? "unknown" : "failed", outcome.Status);
        switch (kind)
        {
            case "argument":
                Assert.Equal("assignee", Assert.Single(result.Error.Arguments).Argument);
                break;
            case "not_found":
                Assert.Equal(404, result.Error.JiraStatus);
                Assert.Equal(["Issue does not exist"], result.Error.JiraErrorMessages);
                Assert.Equal("req-jira", outcome.JiraRequestId);
                break;
            case "rate_limited":
                Assert.Equal(TimeSpan.FromSeconds(7), result.Error.RetryAfter);
                break;
            case "validation":
                Assert.Equal("Summary is required.", result.Error.JiraErrors["summary"]);
                Assert.Equal(400, outcome.HttpStatus);
                break;
        }
    }

    [Fact]
    public async Task ExecuteAsync_WhereScopedGrant_PassesTheScopeToTheExecutor()
    {
        var result = await _bed.CallAsync(Scoped, "issues:read", """{"jql":"status = Open","max_results":10}""");

        Assert.True(result.IsOk, result.ToString());
        var (_, _, scope) = Assert.Single(_bed.Executor.Received);
        Assert.False(scope.IsUnrestricted);
        Assert.Equal(["SEC"], Assert.Single(scope.Grants).Projects);

        var outside = await _bed.CallAsync(Scoped, "issues:create", """{"project_key":"OPS","summary":"x","issue_type":"Bug"}""");
        Assert.Equal(OperationErrorCodes.PolicyDenied, outside.Error!.Code);
        Assert.Single(_bed.Executor.Received);
    }

    [Fact]
    public async Task ExecuteAsync_UnscopedGrant_PassesUnrestricted()
    {
        await _bed.CallAsync(Soc, "issues:read", """{"jql":"project = SEC","max_results":20}""");

        Assert.True(Assert.Single(_bed.Executor.Received).Scope.IsUnrestricted);
    }

    [Fact]
    public async Task ExecuteAsync_BindingsOrPolicySetChange_DecisionFollowsAtOnce()
    {
        const string Create = """{"project_key":"SEC","summary":"x","issue_type":"Task"}""";
        Assert.Equal(OperationStatus.Denied, (await _bed.CallAsync(ReadOnly, "issues:create", Create)).Status);

        await _bed.Agents.UpdateAsync(ReadOnly.AgentId, new AgentChanges { Policies = [SeedPolicies.SocTriage] }, Ct);
        Assert.Equal(OperationStatus.Ok, (await _bed.CallAsync(ReadOnly, "issues:create", Create)).Status);

        _bed.Policies.Replace(new PolicySet(_bed.Policies.Current.All.Where(p => p.Name != SeedPolicies.SocTriage)));
        var missing = await _bed.CallAsync(ReadOnly, "issues:create", Create);
        Assert.Equal(OperationStatus.Denied, missing.Status);
        Assert.Contains("not loaded", missing.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(1, _bed.Executor.Calls);
    }

    [Fact]
    public async Task ExecuteAsync_NoArguments_TreatedAsEmptyObject()
    {
        var result = await _bed.Pipeline.ExecuteAsync(new OperationCall { Agent = ReadOnly, Operation = "fields:read" }, Ct);

        Assert.True(result.IsOk, result.ToString());
        Assert.Equal("{}", Assert.Single(_bed.Executor.Received).Arguments);
    }
}
