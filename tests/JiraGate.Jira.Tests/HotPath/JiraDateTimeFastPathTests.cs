using System.Globalization;
using System.Text;
using System.Text.Json;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira.Tests.HotPath;

/// <summary>The converter's UTF-8 fast path agrees with the string parser on every shape it accepts, and hands the rest back.</summary>
public sealed class JiraDateTimeFastPathTests
{
    [Theory]
    [InlineData("2026-01-17T12:34:00.000+0000")]
    [InlineData("2026-01-17T14:34:00.000+0200")]
    [InlineData("2026-01-17T07:34:00.000-0500")]
    [InlineData("2026-01-17T07:04:00.123-05:30")]
    [InlineData("2026-01-17T12:34:00Z")]
    [InlineData("2026-01-17T12:34:00.1234567Z")]
    [InlineData("2026-01-17T12:34:00.5+14:00")]
    [InlineData("2024-02-29T23:59:59.999-1400")]
    [InlineData("0001-01-01T00:00:00.000+0000")]
    public void TryParseUtf8_JiraAndIsoShapes_MatchTheStringParser(string text)
    {
        Assert.True(JiraDateTimeConverter.TryParseUtf8(Encoding.UTF8.GetBytes(text), out var fast));
        Assert.True(JiraDateTimeConverter.TryParse(text, out var slow));
        Assert.Equal(slow, fast);
        Assert.Equal(slow.Offset, fast.Offset);
    }

    [Theory]
    [InlineData("2026-02-30T12:34:00.000+0000")] // no such day
    [InlineData("2026-13-01T12:34:00.000+0000")]
    [InlineData("2026-01-17T24:00:00.000+0000")]
    [InlineData("2026-01-17T12:60:00.000+0000")]
    [InlineData("2026-01-17T12:34:00.000+1500")] // offset beyond ±14:00
    [InlineData("2026-01-17T12:34:00.12345678Z")] // more than 7 fraction digits
    [InlineData("2026-01-17T12:34:00.+0000")]
    [InlineData("2026-01-17 12:34:00.000+0000")]
    [InlineData("2026-01-17T12:34:00.000")] // no offset: left to the string parser
    [InlineData("2026-01-17")]
    [InlineData("not a date at all, really")]
    [InlineData("0001-01-01T00:00:00.000+0100")] // before DateTimeOffset.MinValue in UTC
    public void TryParseUtf8_AnythingElse_ReturnsFalse(string text) =>
        Assert.False(JiraDateTimeConverter.TryParseUtf8(Encoding.UTF8.GetBytes(text), out _));

    [Fact]
    public void TryParseUtf8_RandomTimestampsInJiraForm_RoundTripExactly()
    {
        var random = new Random(42);
        for (var i = 0; i < 2000; i++)
        {
            var offset = TimeSpan.FromMinutes(random.Next(-14 * 4, 14 * 4 + 1) * 15);
            var ticks = random.NextInt64(new DateTime(1970, 1, 1).Ticks, new DateTime(2100, 1, 1).Ticks);
            var value = new DateTimeOffset(ticks - ticks % TimeSpan.TicksPerMillisecond, offset);
            var text = JiraDateTimeConverter.Format(value);

            Assert.True(JiraDateTimeConverter.TryParseUtf8(Encoding.UTF8.GetBytes(text), out var parsed), text);
            Assert.Equal(value, parsed);
            Assert.Equal(value.Offset, parsed.Offset);
        }
    }

    [Fact]
    public void Read_EscapedText_FallsBackToTheStringParser()
    {
        // "\u002B" is '+': the reader's raw bytes are escaped, so the fast path must not see them.
        var json = "{\"updated\":\"2026-01-17T14:34:00.000\\u002B0200\"}";
        var fields = JsonSerializer.Deserialize(json, JiraJsonContext.Default.IssueFields)!;
        Assert.Equal(new DateTimeOffset(2026, 1, 17, 14, 34, 0, TimeSpan.FromHours(2)), fields.Updated);
    }

    [Fact]
    public void Read_NotADate_ThrowsJsonException()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{\"updated\":\"2026-02-30T12:34:00.000+0000\"}", JiraJsonContext.Default.IssueFields));
        Assert.Contains("2026-02-30", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SplitAcrossStreamBuffers_StillParses()
    {
        // A stream read in small chunks can leave a value in a multi-segment sequence: the string path handles it.
        var json = "{\"created\":\"2026-01-17T12:34:00.000+0000\",\"updated\":\"2026-01-18T12:34:00.000-0100\"}";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var options = new JsonSerializerOptions(JiraJsonContext.Default.Options) { DefaultBufferSize = 1 };
        var info = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<JiraGate.Jira.Models.IssueFields>)options.GetTypeInfo(typeof(JiraGate.Jira.Models.IssueFields));
        var fields = JsonSerializer.Deserialize(stream, info)!;
        Assert.Equal(DateTimeOffset.Parse("2026-01-18T12:34:00.000-01:00", CultureInfo.InvariantCulture), fields.Updated);
        Assert.Equal(new DateTimeOffset(2026, 1, 17, 12, 34, 0, TimeSpan.Zero), fields.Created);
    }
}
