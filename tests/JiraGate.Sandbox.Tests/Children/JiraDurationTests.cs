using JiraGate.Sandbox.Api.Children;

namespace JiraGate.Sandbox.Tests.Children;

public sealed class JiraDurationTests
{
    [Theory]
    [InlineData("1h 30m", 5400)]
    [InlineData("1h30m", 5400)]
    [InlineData("2d", 2 * 8 * 3600)]
    [InlineData("1w", 5 * 8 * 3600)]
    [InlineData("1w 2d 3h 4m", ((5 + 2) * 8 * 3600) + (3 * 3600) + 240)]
    [InlineData("1.5h", 5400)]
    [InlineData("90", 5400)]
    [InlineData(" 3H ", 3 * 3600)]
    public void TryParse_JiraDurations_GivesSeconds(string text, long expected)
    {
        Assert.True(JiraDuration.TryParse(text, out var seconds));
        Assert.Equal(expected, seconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("1x")]
    [InlineData("1h two")]
    [InlineData("10 20")]
    [InlineData("-1h")]
    public void TryParse_NotADuration_IsFalse(string text) => Assert.False(JiraDuration.TryParse(text, out _));
}
