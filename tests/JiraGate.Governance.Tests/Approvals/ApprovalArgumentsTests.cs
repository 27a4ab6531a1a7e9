using JiraGate.Governance.Approvals;

namespace JiraGate.Governance.Tests.Approvals;

public sealed class ApprovalArgumentsTests
{
    [Fact]
    public void Parse_KeyOrderAndWhitespace_DoNotChangeTheHash()
    {
        var a = ApprovalArguments.Parse("""{"b":[1,{"y":2,"x":"é\n"}],"a":"SEC-1"}""");
        var b = ApprovalArguments.Parse("""  { "a" : "SEC-1", "b" : [ 1 , { "x" : "\u00e9\n", "y" : 2 } ] }  """);
        Assert.Equal("""{"a":"SEC-1","b":[1,{"x":"é\n","y":2}]}""", a.CanonicalJson);
        Assert.Equal(a.CanonicalJson, b.CanonicalJson);
        Assert.Equal(a.Sha256, b.Sha256);
        Assert.True(a.Matches(b));
        Assert.Matches("^[0-9a-f]{64}$", a.Sha256);
    }

    [Theory]
    [InlineData("""{"issueIdOrKey":"SEC-2"}""")]
    [InlineData("""{"issueIdOrKey":"SEC-1","deleteSubtasks":true}""")]
    [InlineData("""{"issueIdOrKey":"sec-1"}""")]
    [InlineData("""{"issueIdOrKey":["SEC-1"]}""")]
    public void Parse_AnyChangedArgument_ChangesTheHash(string changed)
    {
        var original = ApprovalArguments.Parse("""{"issueIdOrKey":"SEC-1"}""");
        Assert.False(original.Matches(ApprovalArguments.Parse(changed)));
    }

    [Fact]
    public void Parse_DuplicateKey_IsRefused() =>
        Assert.Throws<FormatException>(() => ApprovalArguments.Parse("""{"a":1,"a":2}"""));

    [Fact]
    public void Parse_KnownVector_HashesTheCanonicalUtf8()
    {
        // sha256('{"a":1}')
        Assert.Equal("015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862", ApprovalArguments.Parse("""{ "a": 1 }""").Sha256);
    }

    [Fact]
    public void FromStored_EditedJson_IsNotIntact()
    {
        var original = ApprovalArguments.Parse("""{"issueIdOrKey":"SEC-1"}""");
        Assert.True(ApprovalArguments.FromStored(original.CanonicalJson, original.Sha256).IsIntact);
        Assert.False(ApprovalArguments.FromStored("""{"issueIdOrKey":"SEC-9"}""", original.Sha256).IsIntact);
    }

    [Fact]
    public void ToString_ShowsTheHashNotTheArguments()
    {
        var args = ApprovalArguments.Parse("""{"summary":"canary-5e3f"}""");
        Assert.DoesNotContain("canary", args.ToString(), StringComparison.Ordinal);
    }
}
