using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using JiraGate.Governance.Audit;

namespace JiraGate.Governance.Tests.Audit;

public sealed class AuditRedactorTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Theory]
    [InlineData("token")]
    [InlineData("apiToken")]
    [InlineData("api_key")]
    [InlineData("X-Api-Key")]
    [InlineData("password")]
    [InlineData("client_secret")]
    [InlineData("Authorization")]
    [InlineData("refresh_token")]
    [InlineData("pwd")]
    [InlineData("Cookie")]
    public void Redact_SecretNamedKey_ValueReplacedAtAnyDepth(string key)
    {
        var json = $"{{\"outer\":[{{\"{key}\":\"CANARY-s3cr3t\"}}],\"{key}\":{{\"nested\":\"CANARY-s3cr3t\"}}}}";
        var redacted = new AuditRedactor().Redact(Json(json));
        Assert.DoesNotContain("CANARY", redacted, StringComparison.Ordinal);
        Assert.Contains("[redacted]", redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("key")]
    [InlineData("issueKey")]
    [InlineData("author")]
    [InlineData("summary")]
    [InlineData("projectKey")]
    public void Redact_OrdinaryKey_Kept(string key)
    {
        var redacted = new AuditRedactor().Redact(Json($"{{\"{key}\":\"SEC-1\"}}"));
        Assert.Equal($"{{\"{key}\":\"SEC-1\"}}", redacted);
    }

    [Fact]
    public void Redact_CallerSensitiveArgument_Dropped()
    {
        var redacted = new AuditRedactor().Redact(Json("{\"jql\":\"project = SEC\",\"customNote\":\"CANARY-private\"}"), sensitiveArguments: ["custom_note"]);
        Assert.Equal("{\"customNote\":\"[redacted]\",\"jql\":\"project = SEC\"}", redacted);
    }

    [Fact]
    public void Redact_DigestArgumentBase64_SizeAndSha256OfBytesOnly()
    {
        var bytes = Encoding.UTF8.GetBytes("CANARY attachment bytes \u0000\u0001 binary");
        var args = Json($"{{\"issue\":\"SEC-1\",\"content\":\"{Convert.ToBase64String(bytes)}\",\"filename\":\"a.bin\"}}");
        var redacted = new AuditRedactor().Redact(args, digestArguments: ["content"]);

        Assert.DoesNotContain(Convert.ToBase64String(bytes), redacted, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(redacted);
        var content = doc.RootElement.GetProperty("content");
        Assert.Equal(bytes.Length, content.GetProperty("size").GetInt32());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), content.GetProperty("sha256").GetString());
        Assert.Equal("a.bin", doc.RootElement.GetProperty("filename").GetString());
    }

    [Fact]
    public void Redact_LongString_StoredAsDigest()
    {
        var big = new string('x', 3000) + "CANARY";
        var redacted = new AuditRedactor().Redact(Json($"{{\"description\":\"{big}\"}}"));
        Assert.DoesNotContain("CANARY", redacted, StringComparison.Ordinal);
        Assert.Contains("\"size\":3006", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_CredentialInsideText_Scrubbed()
    {
        var redacted = new AuditRedactor().Redact(Json("{\"comment\":\"curl -H 'Authorization: Basic Ym90OkNBTkFSWTEyMzQ=' and basic authentication\"}"));
        Assert.DoesNotContain("Ym90OkNBTkFSWTEyMzQ=", redacted, StringComparison.Ordinal);
        Assert.Contains("Basic [redacted]", redacted, StringComparison.Ordinal);
        Assert.Contains("basic authentication", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_NoArguments_EmptyObject() => Assert.Equal("{}", new AuditRedactor().Redact(null));

    [Fact]
    public void Redact_ExtraFragmentFromOptions_Applies()
    {
        var options = new AuditRedactionOptions();
        options.SecretKeyFragments.Add("ssn");
        Assert.Equal("{\"customer_ssn\":\"[redacted]\"}", new AuditRedactor(options).Redact(Json("{\"customer_ssn\":\"123\"}")));
    }

    [Fact]
    public void Redact_Output_IsCanonical()
    {
        var redacted = new AuditRedactor().Redact(Json("{\"b\": [1.0, {\"d\":null, \"c\":\"x\"}], \"a\": true}"));
        Assert.Equal("{\"a\":true,\"b\":[1.0,{\"c\":\"x\",\"d\":null}]}", redacted);
    }
}
