using System.Text.RegularExpressions;
using JiraGate.Jira.Jql;
using JiraGate.Jira.Tests.Jql.Support;
using static JiraGate.Jira.Tests.Jql.Support.JqlTestParser;

namespace JiraGate.Jira.Tests.Jql;

/// <summary>
/// Property tests: 10,000 hostile strings (fixed seed) in every position the builder accepts text, each output
/// parsed back with the tests' own JQL parser. The whole structure must be exactly what was built, and the
/// value must decode to exactly the input: one literal, never syntax.
/// </summary>
public sealed partial class JqlHostileValueTests
{
    private const int Count = 10_000;

    public static TheoryData<string> Sample => [.. HostileStrings.Payloads];

    private static IEnumerable<string> All => HostileStrings.Generate(Count);

    [Fact]
    public void Generate_TenThousandSeededValues_AreDistinctEnoughAndHostile()
    {
        var values = All.ToList();
        Assert.Equal(Count, values.Count);
        Assert.True(values.Distinct(StringComparer.Ordinal).Count() > Count * 9 / 10);
        Assert.Contains(values, v => v.Contains('"', StringComparison.Ordinal) && v.Contains('\\', StringComparison.Ordinal));
        Assert.Contains(values, v => v.Any(char.IsSurrogate));
        Assert.Contains(values, v => v.Contains('\n', StringComparison.Ordinal));
    }

    [Fact]
    public void Quote_EveryHostileValue_IsExactlyOneStringTokenDecodingToTheInput()
    {
        foreach (var value in All)
        {
            var tokens = Tokenize(JqlText.Quote(value));
            Assert.Equal(2, tokens.Count);
            Assert.Equal(Kind.String, tokens[0].Kind);
            Assert.Equal(value, tokens[0].Text);
            Assert.Equal(Kind.End, tokens[1].Kind);
        }
    }

    [Fact]
    public void Eq_EveryHostileValue_KeepsTheQueryStructureAndTheLiteral()
    {
        foreach (var value in All)
        {
            var jql = JqlQuery.Where("summary").Eq(value).And("project").Eq("SEC").OrderBy("created", JqlSort.Descending).ToString();
            Assert.Equal($"(and (= summary {Show(value)}) (= project \"SEC\")) order created DESC", Parse(jql));
        }
    }

    [Fact]
    public void InAndNotEq_EveryHostileValue_StaysOneListItem()
    {
        foreach (var value in All)
        {
            var jql = JqlQuery.Where("labels").In(value, "x").Or("summary").NotEq(value).And("project").NotIn(value).ToString();
            var v = Show(value);
            Assert.Equal($"(and (or (in labels [{v} \"x\"]) (!= summary {v})) (not-in project [{v}]))", Parse(jql));
        }
    }

    [Fact]
    public void NotAndGroups_EveryHostileValue_KeepTheirGrouping()
    {
        foreach (var value in All)
        {
            var jql = JqlQuery.Where("project").Eq("SEC")
                .And(JqlQuery.Not(JqlQuery.AnyOf(JqlQuery.Where("summary").Eq(value), JqlQuery.Where("description").Eq(value).And("labels").IsEmpty())))
                .ToString();
            var v = Show(value);
            Assert.Equal($"(and (= project \"SEC\") (not (or (= summary {v}) (and (= description {v}) (is labels empty)))))", Parse(jql));
        }
    }

    [Fact]
    public void FunctionArgument_EveryHostileValue_StaysOneArgument()
    {
        foreach (var value in All.Where(v => v.Length > 0))
        {
            var jql = JqlQuery.Where("assignee").In(JqlFunction.MembersOf(value)).And("issue").In(JqlFunction.Create("linkedIssues", value, value)).ToString();
            var v = Show(value);
            Assert.Equal($"(and (in assignee membersOf({v})) (in issue linkedIssues({v} {v})))", Parse(jql));
        }
    }

    [Fact]
    public void FieldName_EveryHostileValue_IsOneFieldOrRefused()
    {
        foreach (var value in All)
        {
            var refuse = string.IsNullOrWhiteSpace(value) || value.Any(c => char.IsControl(c) || (c >= '\ufdd0' && c <= '\ufdef') || c >= '\ufffe');
            if (refuse)
            {
                Assert.ThrowsAny<ArgumentException>(() => JqlQuery.Where(value));
                continue;
            }
            var parsed = Parse(JqlQuery.Where(value).Eq("v").OrderBy(value, JqlSort.Ascending).ToString());
            var custom = CustomFieldName().Match(value);
            string field;
            if (custom.Success)
            {
                field = "cf[" + long.Parse(custom.Groups[1].Value + custom.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) + "]";
            }
            else if (PlainName().IsMatch(value) && parsed.StartsWith($"(= {value} ", StringComparison.Ordinal))
            {
                field = value; // only a plain identifier may stay bare
            }
            else
            {
                field = Show(value);
            }
            Assert.Equal($"(= {field} \"v\") order {field} ASC", parsed);
        }
    }

    [Fact]
    public void Contains_EveryHostileValue_IsOneLiteralWithNoLuceneSyntaxLeft()
    {
        foreach (var value in All.Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            var jql = JqlQuery.Where("summary").Contains(value).And("text").NotContains(value).ToString();
            var escaped = JqlText.EscapeTextSearch(value);
            var e = Show(escaped);
            Assert.Equal($"(and (~ summary {e}) (!~ text {e}))", Parse(jql));
            Assert.Equal(value, LuceneTestReader.ReadLiteral(escaped));
        }
    }

    [Fact]
    public void ContainsPhrase_EveryHostileValue_IsOneQuotedPhrase()
    {
        foreach (var value in All.Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            var parsed = Parse(JqlQuery.Where("summary").ContainsPhrase(value).ToString());
            var escaped = JqlText.EscapeTextSearch(value);
            Assert.Equal($"(~ summary {Show("\"" + escaped + "\"")})", parsed);
            Assert.Equal(value, LuceneTestReader.ReadLiteral(escaped));
        }
    }

    [Fact]
    public void Matches_EveryHostileValue_IsStillOneJqlLiteral()
    {
        // Matches keeps Lucene syntax on purpose, but the JQL around it must not move.
        foreach (var value in All.Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            var jql = JqlQuery.Where("summary").Matches(value).And("project").Eq("SEC").ToString();
            Assert.Equal($"(and (~ summary {Show(value)}) (= project \"SEC\"))", Parse(jql));
        }
    }

    [Theory]
    [MemberData(nameof(Sample))]
    public void Eq_KnownPayload_NeverProducesAnotherProjectClause(string payload)
    {
        var parsed = Parse(JqlQuery.Where("summary").Eq(payload).And("project").Eq("SEC").ToString());
        Assert.DoesNotContain("(= project \"HR\")", parsed, StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(parsed, Regex.Escape("(= project")));
    }

    [GeneratedRegex(@"^(?:customfield_([0-9]{1,18})|cf\[([0-9]{1,18})\])\z", RegexOptions.IgnoreCase)]
    private static partial Regex CustomFieldName();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*\z")]
    private static partial Regex PlainName();
}
