using System.Text;
using System.Text.Json;
using JiraGate.Governance.Audit;

namespace JiraGate.Governance.Tests.Audit;

/// <summary>Canary secrets planted in every input never reach a byte of the database files.</summary>
public sealed class AuditSecretsTests
{
    private static CancellationToken Ct => AuditTestBed.Ct;

    [Fact]
    public async Task Append_CanariesInEveryInput_NoneInDatabaseFiles()
    {
        await using var bed = await AuditTestBed.CreateAsync(new AuditLogOptions { CheckpointEvery = 2 });
        var attachment = Encoding.UTF8.GetBytes("CANARY_ATTACHMENT_BYTES_" + new string('z', 64));
        string[] canaries =
        [
            "CANARY_API_TOKEN_1", "CANARY_PASSWORD_2", "CANARY_SECRET_3", "CANARY_AUTH_4", "CANARY_SENSITIVE_5",
            "CANARY_ATTACHMENT_BYTES_", Convert.ToBase64String(attachment), "CANARY0BEARER0678", "CANARYNESTED9token",
        ];
        var args = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["apiToken"] = canaries[0],
            ["password"] = canaries[1],
            ["client_secret"] = canaries[2],
            ["headers"] = new Dictionary<string, string> { ["Authorization"] = "Bearer " + canaries[3] },
            ["private_note"] = canaries[4],
            ["content"] = canaries[6],
            ["comment"] = "see Authorization: Bearer " + canaries[7],
            ["items"] = new[] { new Dictionary<string, string> { ["refresh_token"] = canaries[8] } },
            ["summary"] = "harmless text",
        }, AuditSecretsJsonContext.Default.DictionaryStringObject);

        var intent = await bed.Log.AppendIntentAsync(new AuditIntent
        {
            Agent = "agent-a", Org = "org-1", Operation = "attachments:add", Risk = "medium", Decision = "allow",
            Parameters = JsonDocument.Parse(args).RootElement.Clone(),
            SensitiveArguments = ["private_note"],
            DigestArguments = ["content"],
        }, Ct);
        await bed.Log.AppendOutcomeAsync(intent, new AuditOutcome
        {
            Status = "failed", HttpStatus = 401, ErrorCode = "unauthenticated", ErrorMessage = "header was Bearer " + canaries[7],
        }, Ct);
        await bed.Log.CheckpointAsync(Ct);

        var files = bed.AllFileBytes();
        Assert.True(files.Length > 0);
        Assert.Contains("harmless text", Encoding.UTF8.GetString(files), StringComparison.Ordinal); // the scan sees plaintext rows
        foreach (var canary in canaries)
        {
            Assert.True(files.AsSpan().IndexOf(Encoding.UTF8.GetBytes(canary)) < 0, $"canary #{Array.IndexOf(canaries, canary)} found in the database files");
        }
        // And the export holds none either.
        using var export = new MemoryStream();
        await bed.Log.ExportAsync(export, Ct);
        var exported = Encoding.UTF8.GetString(export.ToArray());
        Assert.All(canaries, c => Assert.DoesNotContain(c, exported, StringComparison.Ordinal));
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(attachment)), exported, StringComparison.Ordinal);
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, object>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>[]))]
internal sealed partial class AuditSecretsJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
