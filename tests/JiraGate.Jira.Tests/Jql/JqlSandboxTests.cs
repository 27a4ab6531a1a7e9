using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JiraGate.Jira.Jql;
using JiraGate.Jira.Tests.Jql.Support;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Model;

namespace JiraGate.Jira.Tests.Jql;

/// <summary>
/// End to end against the sandbox's real JQL parser: issues with hostile summaries and labels are created as
/// alice, then found with built queries. Alice cannot browse HR, so a value that escaped its literal and reached
/// <c>project = HR</c> would show as a 400 ("does not exist for the field 'project'") or as HR results.
/// </summary>
public sealed class JqlSandboxTests
{
    /// <summary>Text-search payloads; each summary is "marker payload" so only its own issue has every word.</summary>
    private static readonly string[] SummaryPayloads =
    [
        "\" OR project = HR OR summary ~ \"",
        "\\\" or 1=1",
        "\") OR (project = HR",
        "\" ORDER BY key --",
        "' OR '1'='1",
        "x\" OR project in (HR) OR labels = \"x",
        "\\\\\" OR project = HR OR \"",
        "\\u0022 OR project = HR",
        "EMPTY null AND OR NOT order by",
        "currentUser() membersOf(\"jira-admins\") cf[10016]",
        "C++ && Java || C# !important",
        "a+b (c) {d} [e] ^f ~g :h /i/ -j",
        "line one\nline two\ttabbed\r\nend",
        "日本語 é 😀 \u202E mirrored",
    ];

    /// <summary>Label payloads: no whitespace (Jira refuses it in labels), otherwise as hostile as can be.</summary>
    private static readonly string[] LabelPayloads =
    [
        "\"", "\\", "\\\"", "\"OR\"project=HR", "x\"||project=HR||labels=\"x", "\\\"or1=1", "')OR('1'='1", "EMPTY",
        "null", "order", "cf[10016]", "currentUser()", "a,b", "(", "]", "=", "!=", "~", "&&", "||", "+.,;?|*/%^$#@[]{}()!=<>~&-",
        "日本語", "😀", "\\u0022",
    ];

    public static TheoryData<SandboxFlavor> Flavors => [SandboxFlavor.Cloud, SandboxFlavor.DataCenter];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Flavors))]
    public async Task SummaryContains_HostilePayloads_FindsOnlyItsOwnIssue(SandboxFlavor flavor)
    {
        await using var host = await SandboxHost.StartAsync(new() { Flavor = flavor }, Ct);
        using var alice = host.CreateClient(DemoCredentials.Alice);
        var keys = new List<string>();
        for (var i = 0; i < SummaryPayloads.Length; i++)
        {
            keys.Add(await CreateAsync(alice, flavor, $"{Marker(i)} {SummaryPayloads[i]}", []));
        }

        for (var i = 0; i < SummaryPayloads.Length; i++)
        {
            var contains = JqlQuery.Where("project").Eq("SEC").And("summary").Contains($"{Marker(i)} {SummaryPayloads[i]}");
            Assert.Equal([keys[i]], await SearchKeysAsync(alice, flavor, contains));
            var phrase = JqlQuery.Where("summary").ContainsPhrase(Marker(i)).And("project").Eq("SEC").OrderBy("key", JqlSort.Ascending);
            Assert.Equal([keys[i]], await SearchKeysAsync(alice, flavor, phrase));
        }
    }

    [Theory]
    [MemberData(nameof(Flavors))]
    public async Task LabelsEq_HostileLabels_FindsExactlyTheIssuesWithThatLabel(SandboxFlavor flavor)
    {
        await using var host = await SandboxHost.StartAsync(new() { Flavor = flavor }, Ct);
        using var alice = host.CreateClient(DemoCredentials.Alice);
        var keys = new List<string>();
        foreach (var label in LabelPayloads)
        {
            keys.Add(await CreateAsync(alice, flavor, "labelled " + label, [label]));
        }

        for (var i = 0; i < LabelPayloads.Length; i++)
        {
            var eq = JqlQuery.Where("labels").Eq(LabelPayloads[i]).And("project").Eq("SEC");
            Assert.Equal([keys[i]], await SearchKeysAsync(alice, flavor, eq));
            var other = (i + 1) % LabelPayloads.Length;
            var either = JqlQuery.Where("project").Eq("SEC").And("labels").In(LabelPayloads[i], LabelPayloads[other]).OrderBy("key", JqlSort.Ascending);
            Assert.Equal(new[] { keys[i], keys[other] }.Order(StringComparer.Ordinal), (await SearchKeysAsync(alice, flavor, either)).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task SummaryContains_EscapedWildcardsAndSuffixes_FindsItsIssue()
    {
        await using var host = await SandboxHost.StartAsync(new(), Ct);
        using var alice = host.CreateClient(DemoCredentials.Alice);
        const string text = "zqjqlwildx wild*card que?ry fuzzy~2 boost^3";
        var key = await CreateAsync(alice, SandboxFlavor.Cloud, text, []);
        Assert.Equal([key], await SearchKeysAsync(alice, SandboxFlavor.Cloud, JqlQuery.Where("project").Eq("SEC").And("summary").Contains(text)));
    }

    [Fact]
    public async Task BuiltQueries_ThousandHostileValues_AlwaysParseAndNeverReachHr()
    {
        await using var host = await SandboxHost.StartAsync(new(), Ct);
        using var alice = host.CreateClient(DemoCredentials.Alice);
        foreach (var value in HostileStrings.Generate(1_000))
        {
            var labels = JqlQuery.Where("project").Eq("SEC").And("labels").In(value, "x").OrderBy("created", JqlSort.Descending);
            Assert.Empty(await SearchKeysAsync(alice, SandboxFlavor.Cloud, labels));
            if (!string.IsNullOrWhiteSpace(value))
            {
                var text = JqlQuery.Where("project").Eq("SEC").And(JqlQuery.AnyOf(JqlQuery.Where("summary").Contains(value), JqlQuery.Where("labels").Eq(value)));
                // Whatever the text search matches, every hit is in SEC; a 400 would fail inside SearchKeysAsync.
                Assert.All(await SearchKeysAsync(alice, SandboxFlavor.Cloud, text), key => Assert.StartsWith("SEC-", key, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public async Task NaiveConcatenation_InjectionPayload_ReachesHrAndIsCaught()
    {
        // Shows the oracle works: the same payload pasted between quotes by hand escapes its literal.
        await using var host = await SandboxHost.StartAsync(new(), Ct);
        using var alice = host.CreateClient(DemoCredentials.Alice);
        var naive = "project = SEC AND summary ~ \"" + "\" OR project = HR OR summary ~ \"" + "\"";
        using var response = await alice.GetAsync(CloudSearchUrl(naive), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("does not exist for the field 'project'", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var built = JqlQuery.Where("project").Eq("SEC").And("summary").Contains("\" OR project = HR OR summary ~ \"");
        Assert.All(await SearchKeysAsync(alice, SandboxFlavor.Cloud, built), key => Assert.StartsWith("SEC-", key, StringComparison.Ordinal));
    }

    /// <summary>A word no demo issue contains, different for each payload (no trailing "s": the stemmer keeps it whole).</summary>
    private static string Marker(int i) => "zqjql" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture) + "x";

    private static async Task<string> CreateAsync(HttpClient client, SandboxFlavor flavor, string summary, string[] labels)
    {
        var body = new JsonObject
        {
            ["fields"] = new JsonObject
            {
                ["project"] = new JsonObject { ["key"] = "SEC" },
                ["issuetype"] = new JsonObject { ["name"] = "Task" },
                ["summary"] = summary,
                ["labels"] = new JsonArray([.. labels.Select(l => (JsonNode)JsonValue.Create(l))]),
            },
        };
        var path = flavor == SandboxFlavor.Cloud ? "/rest/api/3/issue" : "/rest/api/2/issue";
        using var response = await client.PostAsJsonAsync(path, body, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create failed: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!["key"]!.GetValue<string>();
    }

    private static string CloudSearchUrl(string jql) =>
        "/rest/api/3/search/jql?fields=summary,labels,project&maxResults=100&jql=" + Uri.EscapeDataString(jql);

    /// <summary>Runs the built query; any non-200 (a JQL syntax error, an unknown project) fails the test with Jira's message.</summary>
    private static async Task<List<string>> SearchKeysAsync(HttpClient client, SandboxFlavor flavor, JqlQuery query)
    {
        var jql = query.ToString();
        var url = flavor == SandboxFlavor.Cloud
            ? CloudSearchUrl(jql)
            : "/rest/api/2/search?fields=summary,labels,project&maxResults=100&jql=" + Uri.EscapeDataString(jql);
        using var response = await client.GetAsync(url, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} for {jql}: {text}");
        var issues = JsonNode.Parse(text)!["issues"]!.AsArray();
        Assert.All(issues, i => Assert.Equal("SEC", i!["fields"]!["project"]!["key"]!.GetValue<string>()));
        return [.. issues.Select(i => i!["key"]!.GetValue<string>())];
    }
}
