using System.Security.Cryptography;
using System.Text;
using JiraGate.Governance.Pipeline;
using static JiraGate.Governance.Tests.Pipeline.PipelineTestBed;

namespace JiraGate.Governance.Tests.Pipeline;

public sealed class PipelineSecretsTests : IAsyncLifetime
{
    private const string TokenCanary = "CANARY-tok-7f3a9c2e41";
    private const string PasswordCanary = "CANARY-pwd-0b8d55e1c3";
    private const string BearerCanary = "CANARYbearer0123456789abcdef";
    private PipelineTestBed _bed = null!;

    public async ValueTask InitializeAsync() => _bed = await CreateAsync();

    public async ValueTask DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task ExecuteAsync_CanariesInTokenAndPasswordArguments_NeverInAuditRowsOrLogs()
    {
        // Valid: secrets nested in a custom field (executed); invalid: top-level token/password (refused, still audited).
        var valid = await _bed.CallAsync(Soc, "issues:create", $$"""
            {"project_key":"SEC","summary":"Rotate leaked key","issue_type":"Bug",
             "description":"Seen header Authorization: Bearer {{BearerCanary}}",
             "custom_fields":{"customfield_10001":{"token":"{{TokenCanary}}","password":"{{PasswordCanary}}"} } }
            """);
        var invalid = await _bed.CallAsync(Soc, "issues:create", $$"""
            {"project_key":"SEC","summary":"x","issue_type":"Bug","token":"{{TokenCanary}}","password":"{{PasswordCanary}}"}
            """);

        Assert.True(valid.IsOk, valid.ToString());
        Assert.Equal(OperationErrorCodes.InvalidInput, invalid.Error!.Code);
        var records = await _bed.AuditRecordsAsync();
        Assert.Equal(4, records.Count);
        var rows = string.Join("\n", records.Select(r => r.Parameters + " " + r.Outcome?.ErrorMessage));
        Assert.Contains("[redacted]", rows, StringComparison.Ordinal);
        var raw = Encoding.UTF8.GetString(_bed.RawDatabaseBytes().Where(b => b != 0).ToArray());
        foreach (var canary in new[] { TokenCanary, PasswordCanary, BearerCanary })
        {
            Assert.DoesNotContain(canary, rows, StringComparison.Ordinal);
            Assert.DoesNotContain(canary, raw, StringComparison.Ordinal);
            Assert.DoesNotContain(canary, string.Join("\n", _bed.Logger.Lines), StringComparison.Ordinal);
            Assert.DoesNotContain(canary, string.Join("\n", records.Select(r => r.ToString())), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ExecuteAsync_AttachmentUpload_AuditKeepsOnlySizeAndSha256OfTheContent()
    {
        var bytes = Encoding.UTF8.GetBytes("IOC report CANARY-file-5521 198.51.100.42");
        var call = $$"""{"issue_key":"SEC-1","file_name":"ioc.txt","content_base64":"{{Convert.ToBase64String(bytes)}}"}""";

        var result = await _bed.CallAsync(Soc with { AgentId = "agent-full" }, "attachments:upload", call);

        Assert.True(result.IsOk, result.ToString());
        var intent = (await _bed.AuditRecordsAsync())[0];
        Assert.DoesNotContain(Convert.ToBase64String(bytes), intent.Parameters, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(bytes)), intent.Parameters, StringComparison.Ordinal);
        Assert.Contains($"\"size\":{bytes.Length}", intent.Parameters, StringComparison.Ordinal);
    }
}
