using System.Text;
using System.Text.Json;
using JiraGate.Jira.Models;
using JiraGate.Jira.Serialization;
using JiraGate.Jira.Tests.Infrastructure;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Model;

namespace JiraGate.Jira.Tests.HotPath;

/// <summary>
/// Within one response the same short string or URL is read once and shared; values are never confused, escapes are
/// honoured, nothing outlives the scope, and without a scope the converters behave like System.Text.Json's own.
/// </summary>
public sealed class RepeatedValuesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string TwoUsers = """
        [{"accountId":"a1","displayName":"Ann","timeZone":"UTC","self":"https://x.example/rest/api/3/user?accountId=a1"},
         {"accountId":"a1","displayName":"Ann","timeZone":"UTC","self":"https://x.example/rest/api/3/user?accountId=a1"}]
        """;

    [Fact]
    public void Read_InScope_EqualValuesAreOneInstance()
    {
        IReadOnlyList<JiraUser> users;
        using (RepeatedValues.Enter())
        {
            users = JsonSerializer.Deserialize(TwoUsers, JiraJsonContext.Default.IReadOnlyListJiraUser)!;
        }

        Assert.Same(users[0].DisplayName, users[1].DisplayName);
        Assert.Same(users[0].TimeZone, users[1].TimeZone);
        Assert.Same(users[0].Self, users[1].Self);
        Assert.Equal("https://x.example/rest/api/3/user?accountId=a1", users[1].Self!.OriginalString);
    }

    [Fact]
    public void Read_NoScope_EqualValuesAreSeparateInstances()
    {
        var users = JsonSerializer.Deserialize(TwoUsers, JiraJsonContext.Default.IReadOnlyListJiraUser)!;

        Assert.Equal(users[0].DisplayName, users[1].DisplayName);
        Assert.NotSame(users[0].DisplayName, users[1].DisplayName);
        Assert.NotSame(users[0].Self, users[1].Self);
    }

    [Fact]
    public void Read_AfterTheScopeEnds_NothingIsReused()
    {
        JiraUser first;
        using (RepeatedValues.Enter())
        {
            first = JsonSerializer.Deserialize("""{"displayName":"Ann","self":"https://x.example/u/1"}""", JiraJsonContext.Default.JiraUser)!;
        }
        JiraUser second;
        using (RepeatedValues.Enter())
        {
            second = JsonSerializer.Deserialize("""{"displayName":"Ann","self":"https://x.example/u/1"}""", JiraJsonContext.Default.JiraUser)!;
        }

        Assert.NotSame(first.DisplayName, second.DisplayName);
        Assert.NotSame(first.Self, second.Self);
    }

    [Fact]
    public void Read_EscapedAndPlainFormsOfOneText_ReadTheSameText()
    {
        // "\u0026" is '&', "\u00e9" is 'é': raw bytes differ, text is equal; and a different text must not match.
        const string Json = """
            {"48x48":"https://x.example/a?s=48\u0026id=1","24x24":"https://x.example/a?s=48&id=1","16x16":"caf\u00e9","32x32":"café!"}
            """;
        IReadOnlyDictionary<string, string> avatars;
        using (RepeatedValues.Enter())
        {
            avatars = JsonSerializer.Deserialize(Json, JiraJsonContext.Default.IReadOnlyDictionaryStringString)!;
        }

        Assert.Equal("https://x.example/a?s=48&id=1", avatars["48x48"]);
        Assert.Equal("https://x.example/a?s=48&id=1", avatars["24x24"]);
        Assert.Equal("café", avatars["16x16"]);
        Assert.Equal("café!", avatars["32x32"]);
    }

    [Fact]
    public void Read_ManyDistinctValuesInOneScope_EachReadsAsItself()
    {
        // Far more values than the table has slots, with repeats: collisions replace entries, never confuse them.
        var random = new Random(42);
        var expected = Enumerable.Range(0, 5000).Select(_ => "v" + random.Next(0, 1500).ToString(System.Globalization.CultureInfo.InvariantCulture)
            + new string('x', random.Next(0, 140))).ToList();
        var json = JsonSerializer.Serialize(expected, JiraJsonContext.Default.IReadOnlyListString);

        IReadOnlyList<string> actual;
        using (RepeatedValues.Enter())
        {
            actual = JsonSerializer.Deserialize(json, JiraJsonContext.Default.IReadOnlyListString)!;
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Read_InvalidUri_ThrowsJsonException()
    {
        using (RepeatedValues.Enter())
        {
            Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"self":"http://[bad"}""", JiraJsonContext.Default.JiraUser));
        }
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"self":"http://[bad"}""", JiraJsonContext.Default.JiraUser));
    }

    [Fact]
    public void Read_NotAString_ThrowsJsonExceptionInAndOutOfScope()
    {
        using (RepeatedValues.Enter())
        {
            Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"displayName":42}""", JiraJsonContext.Default.JiraUser));
        }
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"displayName":42}""", JiraJsonContext.Default.JiraUser));
    }

    [Fact]
    public void Write_StringsKeysAndUris_AsSystemTextJsonWritesThem()
    {
        var user = new JiraUser
        {
            DisplayName = "Ann \"A\" <b>",
            Self = new Uri("/rest/api/3/user?accountId=a1", UriKind.Relative),
            AvatarUrls = new Dictionary<string, string>(StringComparer.Ordinal) { ["48x48"] = "https://x.example/a?s=48&id=1" },
        };

        var json = Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(user, JiraJsonContext.Default.JiraUser));

        Assert.Equal(
            """{"displayName":"Ann \u0022A\u0022 \u003Cb\u003E","avatarUrls":{"48x48":"https://x.example/a?s=48\u0026id=1"},"self":"/rest/api/3/user?accountId=a1"}""",
            json);
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task SearchPageAsync_IssuesSharingAStatus_ShareItsStringsAndUris(SandboxFlavor flavor)
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { Flavor = flavor, Seed = new SeedOptions(Issues: 300, Seed: 42) }, Ct);
        using var services = JiraTestServices.ForSandbox(host, JiraTestServices.Alice(flavor));
        var jira = services.GetRequiredService<JiraClient>();

        var page = await jira.Issues.SearchPageAsync("project = SEC ORDER BY key ASC",
            new SearchOptions { Fields = ["summary", "status", "assignee"], PageSize = 50 }, Ct);

        var sameStatus = page.Items.GroupBy(i => i.Fields.Status!.Id).First(g => g.Count() > 1).ToList();
        Assert.Same(sameStatus[0].Fields.Status!.Name, sameStatus[1].Fields.Status!.Name);
        Assert.Same(sameStatus[0].Fields.Status!.Self, sameStatus[1].Fields.Status!.Self);
        Assert.Equal(sameStatus[0].Fields.Status!.Name, sameStatus[1].Fields.Status!.Name);
        // Unique values stay whole and distinct.
        Assert.Equal(page.Items.Count, page.Items.Select(i => i.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(page.Items.Count, page.Items.Select(i => i.Self!.AbsoluteUri).Distinct(StringComparer.Ordinal).Count());
    }
}
