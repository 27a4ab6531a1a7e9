using System.Text.Json;
using JiraGate.Governance.Audit;

namespace JiraGate.Governance.Tests.Audit;

public sealed class CanonicalJsonTests
{
    [Theory]
    [InlineData("{ \"b\" : 1, \"a\" : [ true, false, null ] }", "{\"a\":[true,false,null],\"b\":1}")]
    [InlineData("{\"z\":{\"y\":1,\"x\":2},\"A\":0,\"a\":0}", "{\"A\":0,\"a\":0,\"z\":{\"x\":2,\"y\":1}}")]
    [InlineData("[1.50, 1e3, -0, 12345678901234567890]", "[1.50,1e3,-0,12345678901234567890]")]
    [InlineData("\"a/b \\u00e9 \\u20ac \\ud83d\\ude00\"", "\"a/b é € 😀\"")]
    [InlineData("\"q\\\" bs\\\\ nl\\n tab\\t cr\\r bs\\b ff\\f nul\\u0000 us\\u001F\"", "\"q\\\" bs\\\\ nl\\n tab\\t cr\\r bs\\b ff\\f nul\\u0000 us\\u001f\"")]
    public void Canonicalize_Input_WritesTheDocumentedForm(string input, string expected) =>
        Assert.Equal(expected, CanonicalJson.Canonicalize(input));

    [Fact]
    public void Canonicalize_KeysSortedByUtf16CodeUnits()
    {
        // U+00E9 (é) < U+FB01 (ﬁ) < U+1F600 (😀, surrogates D83D DE00 sort below U+FB01 in UTF-16).
        Assert.Equal("{\"é\":1,\"😀\":3,\"ﬁ\":2}", CanonicalJson.Canonicalize("{\"ﬁ\":2,\"😀\":3,\"é\":1}"));
    }

    [Fact]
    public void Canonicalize_DuplicateKey_Throws() =>
        Assert.Throws<FormatException>(() => CanonicalJson.Canonicalize("{\"a\":1,\"a\":2}"));

    [Fact]
    public void Canonicalize_IsIdempotent()
    {
        const string Messy = "{\"k\":[{\"b\":\"\\u0001\",\"a\":1.0e-2}],\"e\":{}, \"d\":[]}";
        var once = CanonicalJson.Canonicalize(Messy);
        Assert.Equal(once, CanonicalJson.Canonicalize(once));
    }

    [Fact]
    public void RecordJson_IsCanonicalAndHasEveryMember()
    {
        var record = new AuditRecord
        {
            Seq = 7, Timestamp = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero).AddTicks(1234567), Kind = AuditRecordKind.Outcome,
            Agent = "a", Org = "o", Operation = "issues:create", Parameters = "{\"x\":1}", IntentSeq = 6,
            Outcome = new AuditOutcome { Status = "ok", HttpStatus = 201, DurationMs = 5 }, PrevHash = AuditChain.GenesisHash, Hash = "h",
        };
        var json = AuditChain.CanonicalJsonOf(record);
        Assert.Equal(CanonicalJson.Canonicalize(json), json);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(
            ["agent", "approval_id", "decision", "intent_seq", "kind", "operation", "org", "outcome", "parameters", "policy", "prev_hash", "risk", "seq", "ts"],
            doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-03-01T09:00:00.1234567Z", doc.RootElement.GetProperty("ts").GetString());

        var line = AuditChain.ExportLineOf(record);
        Assert.Equal(CanonicalJson.Canonicalize(line), line);
    }

    [Fact]
    public void ComputeHash_IsSha256OfPrevHashThenCanonicalJson()
    {
        var record = new AuditRecord
        {
            Seq = 1, Timestamp = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero), Kind = AuditRecordKind.Intent,
            Agent = "a", Org = "o", Operation = "op", Parameters = "{}", PrevHash = AuditChain.GenesisHash, Hash = "",
        };
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(AuditChain.GenesisHash + AuditChain.CanonicalJsonOf(record))));
        Assert.Equal(expected, AuditChain.ComputeHash(record));
        Assert.Equal(64, expected.Length);
    }
}
