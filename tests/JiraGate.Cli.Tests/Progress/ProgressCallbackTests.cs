using JiraGate.Cli.Admin;
using JiraGate.Cli.Tests.Admin;
using JiraGate.Governance.Audit;
using JiraGate.Governance.Policies.Testing;

namespace JiraGate.Cli.Tests.Progress;

/// <summary>The progress callbacks the long commands draw from: the audit log's verify and export, and the policy test runner.</summary>
public sealed class ProgressCallbackTests : IDisposable
{
    private const string Search = """{"jql":"project = SEC","max_results":5}""";
    private readonly TempDataDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task AuditVerify_WithProgress_ReportsFromZeroToEveryRecord()
    {
        var records = await SeedAsync(calls: 40);
        await using var services = await AdminServices.OpenAsync(_dir.DataDir, [], create: false, TestContext.Current.CancellationToken);
        var reports = new Recorder<AuditProgress>();

        var result = await services.Audit.VerifyAsync(reports, TestContext.Current.CancellationToken);

        Assert.True(result.IsValid);
        Assert.Equal(new AuditProgress(0, records), reports.Values[0]);
        Assert.Equal(new AuditProgress(records, records), reports.Values[^1]);
        Assert.Equal(reports.Values.OrderBy(p => p.Done), reports.Values);
        // Every record is not a call: every 64th and the last.
        Assert.True(reports.Values.Count <= 2 + records / AuditProgressReportingEvery, $"{reports.Values.Count} reports");
    }

    [Fact]
    public async Task AuditExport_WithProgress_ReportsTheRecordsWritten()
    {
        var records = await SeedAsync(calls: 3);
        await using var services = await AdminServices.OpenAsync(_dir.DataDir, [], create: false, TestContext.Current.CancellationToken);
        var reports = new Recorder<AuditProgress>();
        using var stream = new MemoryStream();

        await services.Audit.ExportAsync(stream, reports, TestContext.Current.CancellationToken);

        Assert.Equal(new AuditProgress(records, records), reports.Values[^1]);
        // The export itself is unchanged by the callback: one line per record.
        Assert.Equal(records, System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Count(l => !l.Contains("\"kind\":\"checkpoint\"", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AuditVerify_WithoutProgress_StillWorks()
    {
        var records = await SeedAsync(calls: 1);
        await using var services = await AdminServices.OpenAsync(_dir.DataDir, [], create: false, TestContext.Current.CancellationToken);

        var result = await services.Audit.VerifyAsync(null, TestContext.Current.CancellationToken);

        Assert.True(result.IsValid);
        Assert.Equal(records, result.RecordsChecked);
    }

    [Fact]
    public void PolicyTestRunner_WithProgress_ReportsEachCaseRun()
    {
        var suite = PolicyTestSuite.Parse("""
            cases:
              - name: one
                policies: [jira-readonly]
                operation: issues:read
                arguments: { jql: project = SEC, max_results: 5 }
                expect: allow
              - name: two
                policies: [jira-readonly]
                operation: issues:delete
                arguments: { issue_key: SEC-1 }
                expect: deny
              - name: three
                policies: [jira-soc-triage]
                operation: issues:delete
                arguments: { issue_key: SEC-1 }
                expect: deny
            """, "suite.yaml", out var errors);
        Assert.Empty(errors);
        var reports = new Recorder<int>();

        var report = new PolicyTestRunner().Run(PolicyFiles.LoadSetOrSeed([]), suite!, null, reports);

        Assert.True(report.AllPassed, string.Join("\n", report.Results.Select(r => r.ToString())));
        Assert.Equal([1, 2, 3], reports.Values);
    }

    [Fact]
    public async Task AuditVerify_CapturedStderr_CarriesNoProgressLine()
    {
        await SeedAsync(calls: 2);

        var r = await _dir.RunAsync("audit", "verify");

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("", r.Err);
        Assert.DoesNotContain('\r', r.Out);
        Assert.DoesNotContain("█", r.Out, StringComparison.Ordinal);
    }

    private const int AuditProgressReportingEvery = 64;

    /// <summary>Calls through the pipeline (an intent and an outcome each); returns the records written.</summary>
    private async Task<long> SeedAsync(int calls)
    {
        Assert.Equal(0, (await _dir.RunAsync("agents", "add", "bot", "--org", "acme", "--owner", "olga", "--policy", "jira-soc-triage")).ExitCode);
        for (var i = 0; i < calls; i++)
        {
            Assert.Equal("Ok", await _dir.CallAsync("bot", "acme", "issues:read", Search));
        }
        await using var services = await AdminServices.OpenAsync(_dir.DataDir, [], create: false, TestContext.Current.CancellationToken);
        return (await services.AuditStore.GetHeadAsync(TestContext.Current.CancellationToken)).Seq;
    }

    private sealed class Recorder<T> : IProgress<T>
    {
        public List<T> Values { get; } = [];

        public void Report(T value) => Values.Add(value);
    }
}
