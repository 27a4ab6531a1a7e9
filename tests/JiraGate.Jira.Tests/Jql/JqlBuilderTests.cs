using JiraGate.Jira.Jql;
using JiraGate.Jira.Tests.Jql.Support;

namespace JiraGate.Jira.Tests.Jql;

public sealed class JqlBuilderTests
{
    [Fact]
    public void Where_FullExample_WritesExactJql()
    {
        var jql = JqlQuery.Where("project").Eq("SEC")
            .And("status").In("Open", "In Progress")
            .And("assignee").Eq(JqlFunction.CurrentUser)
            .OrderBy("created", JqlSort.Descending)
            .ToString();
        Assert.Equal("project = \"SEC\" AND status IN (\"Open\", \"In Progress\") AND assignee = currentUser() ORDER BY created DESC", jql);
        Assert.Equal("(and (= project \"SEC\") (in status [\"Open\" \"In Progress\"]) (= assignee currentUser())) order created DESC", JqlTestParser.Parse(jql));
    }

    [Fact]
    public void Operators_Each_WritesItsSymbol()
    {
        var f = JqlQuery.Where("priority");
        Assert.Equal("priority = \"High\"", f.Eq("High").ToString());
        Assert.Equal("priority != \"High\"", f.NotEq("High").ToString());
        Assert.Equal("priority > 3", f.Gt(3).ToString());
        Assert.Equal("priority >= 3", f.Gte(3).ToString());
        Assert.Equal("priority < -3", f.Lt(-3).ToString());
        Assert.Equal("priority <= 3", f.Lte(3).ToString());
        Assert.Equal("priority IN (\"High\", 2)", f.In("High", 2).ToString());
        Assert.Equal("priority NOT IN (\"Low\")", f.NotIn("Low").ToString());
        Assert.Equal("priority IN (\"a\", \"b\")", f.In(new List<string> { "a", "b" }).ToString());
        Assert.Equal("priority NOT IN (\"a\")", f.NotIn(new[] { "a" }.AsEnumerable()).ToString());
        Assert.Equal("priority IS EMPTY", f.IsEmpty().ToString());
        Assert.Equal("priority IS NOT EMPTY", f.IsNotEmpty().ToString());
        Assert.Equal("priority ~ \"x\"", f.Matches("x").ToString());
        Assert.Equal("priority !~ \"x\"", f.NotMatches("x").ToString());
        Assert.Equal("priority ~ \"a\\\\+b\"", f.Contains("a+b").ToString());
        Assert.Equal("priority !~ \"a\\\\+b\"", f.NotContains("a+b").ToString());
    }

    [Fact]
    public void ContainsVersusMatches_SameText_OnlyMatchesKeepsLuceneSyntax()
    {
        Assert.Equal("text ~ \"auth\\\\* \\\\OR login\"", JqlQuery.Where("text").Contains("auth* OR login").ToString());
        Assert.Equal("text ~ \"auth* OR login\"", JqlQuery.Where("text").Matches("auth* OR login").ToString());
        Assert.Equal("summary ~ \"\\\"disk \\\\- full\\\"\"", JqlQuery.Where("summary").ContainsPhrase("disk - full").ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void TextSearch_EmptyText_Throws(string text)
    {
        var f = JqlQuery.Where("summary");
        Assert.ThrowsAny<ArgumentException>(() => f.Contains(text));
        Assert.ThrowsAny<ArgumentException>(() => f.NotContains(text));
        Assert.ThrowsAny<ArgumentException>(() => f.ContainsPhrase(text));
        Assert.ThrowsAny<ArgumentException>(() => f.Matches(text));
        Assert.ThrowsAny<ArgumentException>(() => f.NotMatches(text));
    }

    [Fact]
    public void Values_EachKind_WritesItsForm()
    {
        var f = JqlQuery.Where("created");
        Assert.Equal("created = 42", f.Eq(42).ToString());
        Assert.Equal("created = -9223372036854775808", f.Eq(long.MinValue).ToString());
        Assert.Equal("created = \"2.5\"", f.Eq(2.5m).ToString());
        Assert.Equal("created >= \"2024-02-29\"", f.Gte(new DateOnly(2024, 2, 29)).ToString());
        Assert.Equal("created >= \"2024-02-29 07:05\"", f.Gte(JqlValue.FromDateTime(new DateTimeOffset(2024, 2, 29, 7, 5, 59, TimeSpan.FromHours(2)))).ToString());
        Assert.Equal("created >= \"2024-02-29 05:05\"", f.Gte(JqlValue.FromDateTime(new DateTimeOffset(2024, 2, 29, 7, 5, 0, TimeSpan.FromHours(2)), TimeZoneInfo.Utc)).ToString());
        Assert.Equal("created >= \"-15m\"", f.Gte(JqlValue.FromRelativeDate("-15m")).ToString());
        Assert.Equal("created >= \"-4w 2d\"", f.Gte(JqlValue.FromRelativeDate("-4w 2d")).ToString());
        Assert.Equal("created < now()", f.Lt(JqlFunction.Now).ToString());
        Assert.Equal("created >= startOfDay(\"-1d\")", f.Gte(JqlFunction.StartOfDay("-1d")).ToString());
        Assert.Equal("created = \"SEC\"", f.Eq(JqlValue.FromString("SEC")).ToString());
    }

    [Theory]
    [InlineData("-15m")]
    [InlineData("-1d")]
    [InlineData("-2w")]
    [InlineData("+3h")]
    [InlineData("1w2d")]
    public void FromRelativeDate_Valid_IsQuoted(string period) =>
        Assert.Equal(JqlText.Quote(period), JqlValue.FromRelativeDate(period).ToString());

    [Theory]
    [InlineData("-1x")]
    [InlineData("yesterday")]
    [InlineData("-1d\n")]
    [InlineData("-1d\") OR (project = HR")]
    [InlineData("-1M")]
    [InlineData("d")]
    [InlineData("- 1d")]
    public void FromRelativeDate_Invalid_Throws(string period) =>
        Assert.Throws<ArgumentException>(() => JqlValue.FromRelativeDate(period));

    [Fact]
    public void Functions_Whitelisted_WriteNameAndQuotedArguments()
    {
        Assert.Equal("currentUser()", JqlFunction.CurrentUser.ToString());
        Assert.Equal("openSprints()", JqlFunction.OpenSprints.ToString());
        Assert.Equal("startOfDay()", JqlFunction.StartOfDay().ToString());
        Assert.Equal("endOfMonth(\"-1\")", JqlFunction.EndOfMonth("-1").ToString());
        Assert.Equal("startOfYear(\"+6M\")", JqlFunction.StartOfYear("+6M").ToString());
        Assert.Equal("membersOf(\"jira-users\")", JqlFunction.MembersOf("jira-users").ToString());
        Assert.Equal("releasedVersions(\"SEC\", \"OPS\")", JqlFunction.ReleasedVersions("SEC", "OPS").ToString());
        Assert.Equal("unreleasedVersions()", JqlFunction.UnreleasedVersions().ToString());
        Assert.Equal("linkedIssues(\"SEC-1\", \"is blocked by\")", JqlFunction.LinkedIssues("SEC-1", "is blocked by").ToString());
        Assert.Equal("updatedBy(\"a\\\"b\")", JqlFunction.Create("updatedBy", "a\"b").ToString());
        Assert.Equal("sprint IN openSprints()", JqlQuery.Where("sprint").In(JqlFunction.OpenSprints).ToString());
        Assert.Equal("assignee NOT IN membersOf(\"x\")", JqlQuery.Where("assignee").NotIn(JqlFunction.MembersOf("x")).ToString());
    }

    [Theory]
    [InlineData("currentUser() OR project = HR")]
    [InlineData("foo(")]
    [InlineData("1abc")]
    [InlineData("a b")]
    [InlineData("\"quoted\"")]
    [InlineData("")]
    public void FunctionCreate_InvalidName_Throws(string name) =>
        Assert.ThrowsAny<ArgumentException>(() => JqlFunction.Create(name));

    [Theory]
    [InlineData("-1d\") OR (project = HR")]
    [InlineData("yesterday")]
    [InlineData("-1dd")]
    public void DateFunction_InvalidOffset_Throws(string offset) =>
        Assert.Throws<ArgumentException>(() => JqlFunction.StartOfDay(offset));

    [Theory]
    [InlineData("status", "status")]
    [InlineData("Story Points", "\"Story Points\"")]
    [InlineData("Epic-Link", "\"Epic-Link\"")]
    [InlineData("order", "\"order\"")]
    [InlineData("EMPTY", "\"EMPTY\"")]
    [InlineData("user", "\"user\"")]
    [InlineData("select", "\"select\"")]
    [InlineData("cf", "\"cf\"")]
    [InlineData("cf[10016]", "cf[10016]")]
    [InlineData("CF[10016]", "cf[10016]")]
    [InlineData("customfield_10016", "cf[10016]")]
    [InlineData("cf[0]", "\"cf[0]\"")]
    [InlineData("a\"b", "\"a\\\"b\"")]
    [InlineData("Équipe", "\"Équipe\"")]
    public void FieldNamed_Name_IsBareOnlyWhenPlain(string name, string expected) =>
        Assert.Equal(expected, JqlField.Named(name).ToString());

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("a\nb")]
    [InlineData("a\u0000")]
    [InlineData("a\u0085")]
    [InlineData("a\ufffe")]
    public void FieldNamed_Invalid_Throws(string name) =>
        Assert.ThrowsAny<ArgumentException>(() => JqlField.Named(name));

    [Fact]
    public void CustomField_Id_WritesCfBrackets()
    {
        Assert.Equal("cf[10016] >= 5", JqlQuery.Where(JqlField.CustomField(10016)).Gte(5).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => JqlField.CustomField(0));
    }

    [Fact]
    public void AndThenOr_LeftToRight_IsParenthesised()
    {
        var jql = JqlQuery.Where("a").Eq(1).And("b").Eq(2).Or("c").Eq(3).And("d").Eq(4).ToString();
        Assert.Equal("((a = 1 AND b = 2) OR c = 3) AND d = 4", jql);
        Assert.Equal("(and (or (and (= a 1) (= b 2)) (= c 3)) (= d 4))", JqlTestParser.Parse(jql));
    }

    [Fact]
    public void GroupsAndNot_Nested_AreParenthesised()
    {
        var either = JqlQuery.AnyOf(JqlQuery.Where("status").Eq("Open"), JqlQuery.Where("status").Eq("Reopened"));
        var jql = JqlQuery.Where("project").Eq("SEC").And(either).And(JqlQuery.Not(JqlQuery.Where("labels").Eq("x").Or("labels").IsEmpty())).ToString();
        Assert.Equal("project = \"SEC\" AND (status = \"Open\" OR status = \"Reopened\") AND NOT (labels = \"x\" OR labels IS EMPTY)", jql);
        Assert.Equal("NOT a = 1", JqlQuery.Not(JqlQuery.Where("a").Eq(1)).ToString());
        Assert.Equal("a = 1 OR NOT b = 2", JqlQuery.Where("a").Eq(1).Or(JqlQuery.Not(JqlQuery.Where("b").Eq(2))).ToString());
        Assert.Equal("a = 1 AND b = 2 AND c = 3", JqlQuery.AllOf(JqlQuery.Where("a").Eq(1), JqlQuery.AllOf(JqlQuery.Where("b").Eq(2), JqlQuery.Where("c").Eq(3))).ToString());
    }

    [Fact]
    public void Query_Extended_LeavesTheOriginalUnchanged()
    {
        var baseQuery = JqlQuery.Where("project").Eq("SEC");
        var pending = baseQuery.And("status");
        var open = pending.Eq("Open");
        var done = pending.Eq("Done");
        var sorted = open.OrderBy("key", JqlSort.Ascending);
        Assert.Equal("project = \"SEC\"", baseQuery.ToString());
        Assert.Equal("project = \"SEC\" AND status = \"Open\"", open.ToString());
        Assert.Equal("project = \"SEC\" AND status = \"Done\"", done.ToString());
        Assert.Equal("project = \"SEC\" AND status = \"Open\" ORDER BY key ASC", sorted.ToString());
        Assert.Equal("project = \"SEC\" AND status = \"Open\" AND x = 1 ORDER BY key ASC", sorted.And("x").Eq(1).ToString());
    }

    [Fact]
    public void OrderBy_SevenFields_AllowedAndEighthRefused()
    {
        var q = JqlQuery.Where("project").Eq("SEC");
        string[] fields = ["priority", "created", "updated", "key", "status", "Story Points", "cf[10016]"];
        foreach (var field in fields)
        {
            q = q.OrderBy(field, JqlSort.Descending);
        }
        Assert.Equal("project = \"SEC\" ORDER BY priority DESC, created DESC, updated DESC, key DESC, status DESC, \"Story Points\" DESC, cf[10016] DESC", q.ToString());
        Assert.Throws<InvalidOperationException>(() => q.OrderBy("resolution", JqlSort.Ascending));
    }

    [Fact]
    public void OrderBy_SameFieldTwice_Throws()
    {
        var q = JqlQuery.Where("project").Eq("SEC").OrderBy("created", JqlSort.Ascending);
        Assert.Throws<ArgumentException>(() => q.OrderBy("CREATED", JqlSort.Descending));
        Assert.Throws<ArgumentException>(() => q.OrderBy("created", (JqlSort)7));
    }

    [Fact]
    public void Combine_SubQueryWithOrderBy_Throws()
    {
        var sorted = JqlQuery.Where("a").Eq(1).OrderBy("key", JqlSort.Ascending);
        var plain = JqlQuery.Where("b").Eq(2);
        Assert.Throws<ArgumentException>(() => plain.And(sorted));
        Assert.Throws<ArgumentException>(() => plain.Or(sorted));
        Assert.Throws<ArgumentException>(() => JqlQuery.Not(sorted));
        Assert.Throws<ArgumentException>(() => JqlQuery.AnyOf(plain, sorted));
        Assert.Throws<ArgumentException>(() => JqlQuery.AllOf());
    }

    [Fact]
    public void In_EmptyOrNull_Throws()
    {
        var f = JqlQuery.Where("status");
        Assert.Throws<ArgumentException>(() => f.In());
        Assert.Throws<ArgumentException>(() => f.NotIn(Array.Empty<string>()));
        Assert.Throws<ArgumentException>(() => f.In("a", (JqlValue)null!));
        Assert.Throws<ArgumentException>(() => f.In(new List<string> { "a", null! }));
        Assert.Throws<ArgumentNullException>(() => f.Eq((JqlValue)null!));
        Assert.Throws<ArgumentNullException>(() => f.Eq((string)null!));
    }
}
