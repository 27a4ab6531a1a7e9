using JiraGate.Governance.Vault;

namespace JiraGate.Governance.Tests.Vault;

/// <summary>Canary secrets never appear in ToString, interpolation or exception messages.</summary>
public sealed class SecretRedactionTests
{
    [Fact]
    public void SecretValue_PrintsRedactedRevealsOnRequest()
    {
        var secret = new SecretValue("CANARY-xyz");
        Assert.Equal("[redacted]", secret.ToString());
        Assert.Equal("[redacted]", $"{secret}");
        Assert.Equal("CANARY-xyz", secret.Reveal());
        Assert.Equal(new SecretValue("CANARY-xyz"), secret);
        Assert.NotEqual(new SecretValue("CANARY-abc"), secret);
    }

    [Fact]
    public void SecretValue_Empty_RefusedWithoutEcho() =>
        Assert.DoesNotContain("  ", Assert.Throws<ArgumentException>(() => new SecretValue("  ")).Message, StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(VaultSamples.Kinds), MemberType = typeof(VaultSamples))]
    public void Entry_ToStringAndDescribe_HoldNoSecret(string kind)
    {
        var (entry, canaries) = VaultSamples.All()[kind];
        var printed = entry.ToString() + " " + entry.Describe() + " " + $"{entry}";
        Assert.All(canaries, c => Assert.DoesNotContain(c, printed, StringComparison.Ordinal));
        Assert.DoesNotContain("CANARY", printed, StringComparison.Ordinal);
    }
}
