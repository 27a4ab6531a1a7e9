using System.Globalization;
using System.Text;
using System.Text.Json;
using JiraGate.Jira.Models;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira.Tests.HotPath;

/// <summary>
/// Every repeated value of a response is shared, whichever slots the per-process hash seed gives them: values whose
/// home slots collide are all kept (up to 3/4 of a table), so a client that streams many pages shares as much in
/// every process. With direct-mapped slots, 40 objects or 300 strings collided in nearly every process, and the
/// seed decided which repeats were read again (the bench's client figure moved by 130–400 B an issue from run to run).
/// </summary>
public sealed class RepeatedValuesCollisionTests
{
    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Status(int n) =>
        "{\"id\":\"" + Num(n) + "\",\"name\":\"S" + Num(n) + "\",\"statusCategory\":{\"id\":2,\"key\":\"new\"},\"self\":\"https://x.example/status/" + Num(n) + "\"}";

    private static string IssueJson(int id, int status) =>
        "{\"id\":\"" + Num(id) + "\",\"key\":\"SEC-" + Num(id) + "\",\"fields\":{\"status\":" + Status(status) + "}}";

    [Fact]
    public void Read_FortyDistinctObjectsEachRepeated_EveryRepeatIsTheFirstInstance()
    {
        const int Distinct = 40;
        var json = "[" + string.Join(',', Enumerable.Range(0, 2 * Distinct).Select(i => IssueJson(i, i % Distinct))) + "]";
        var body = Encoding.UTF8.GetBytes(json);
        IReadOnlyList<Issue> issues;
        using (RepeatedValues.Enter(body))
        {
            issues = JsonSerializer.Deserialize(body, JiraJsonContext.Default.IReadOnlyListIssue)!;
        }

        for (var i = 0; i < Distinct; i++)
        {
            Assert.Equal("S" + Num(i), issues[i].Fields.Status!.Name);
            Assert.Same(issues[i].Fields.Status, issues[i + Distinct].Fields.Status);
        }
    }

    [Fact]
    public void Read_ThreeHundredDistinctStringsAndSeventyUrisEachRepeated_EveryRepeatIsTheFirstInstance()
    {
        const int Distinct = 300;
        const int Uris = 70;
        var users = Enumerable.Range(0, 2 * Distinct).Select(i =>
            "{\"displayName\":\"user " + Num(i % Distinct) + "\",\"self\":\"https://x.example/u/" + Num(i % Uris) + "\"}");
        IReadOnlyList<JiraUser> read;
        using (RepeatedValues.Enter())
        {
            read = JsonSerializer.Deserialize("[" + string.Join(',', users) + "]", JiraJsonContext.Default.IReadOnlyListJiraUser)!;
        }

        for (var i = 0; i < Distinct; i++)
        {
            Assert.Equal("user " + Num(i), read[i + Distinct].DisplayName);
            Assert.Same(read[i].DisplayName, read[i + Distinct].DisplayName);
            Assert.Same(read[(i + Distinct) % Uris].Self, read[i + Distinct].Self);
        }
    }

    [Fact]
    public void Read_MoreDistinctValuesThanTheTablesKeep_EachReadsAsItselfAndEarlyOnesStayShared()
    {
        // Past 3/4 of the slots new values replace old ones at their home slot: still bounded, never confused,
        // and a value seen before the table filled is still found after (probes never meet an emptied slot).
        var names = Enumerable.Range(0, 3000).Select(i => i < 2000 ? "n" + Num(i) : "n" + Num(i % 100)).ToList();
        var json = "[" + string.Join(',', names.Select(n => "{\"displayName\":\"" + n + "\"}")) + "]";
        IReadOnlyList<JiraUser> read;
        using (RepeatedValues.Enter())
        {
            read = JsonSerializer.Deserialize(json, JiraJsonContext.Default.IReadOnlyListJiraUser)!;
        }

        Assert.Equal(names, read.Select(u => u.DisplayName));
        Assert.Contains(Enumerable.Range(2000, 1000), i => ReferenceEquals(read[i].DisplayName, read[i % 100].DisplayName));
    }
}
