using JiraGate.Sandbox.Jql;

namespace JiraGate.Sandbox.Tests.Jql;

public sealed class JqlParserTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void Parse_EmptyOrBlank_HasNoRestriction(string? jql)
    {
        var query = JqlEngine.Parse(jql);

        Assert.False(query.HasRestriction);
        Assert.Null(query.Where);
        Assert.Empty(query.OrderBy);
    }

    [Fact]
    public void Parse_OrderByOnly_HasNoRestriction()
    {
        var query = JqlEngine.Parse("order by key desc");

        Assert.False(query.HasRestriction);
        var sort = Assert.Single(query.OrderBy);
        Assert.Equal("key", sort.Field.Name);
        Assert.Equal(JqlSortDirection.Descending, sort.Direction);
    }

    [Fact]
    public void Parse_WhereClause_HasRestrictionAndKeepsText()
    {
        var query = JqlEngine.Parse("project = SEC");

        Assert.True(query.HasRestriction);
        Assert.Equal("project = SEC", query.Text);
        var clause = Assert.IsType<JqlTerminalClause>(query.Where);
        Assert.Equal("project", clause.Field.Name);
        Assert.Equal(JqlOperator.Equals, clause.Operator);
        Assert.Equal(new JqlValueOperand("SEC", null), clause.Operand);
    }

    [Fact]
    public void Parse_MixedLogic_NotBindsTighterThanAndThanOr()
    {
        var query = JqlEngine.Parse("a = 1 OR b = 2 AND NOT c = 3");

        var or = Assert.IsType<JqlOrClause>(query.Where);
        Assert.Equal("a", Assert.IsType<JqlTerminalClause>(or.Clauses[0]).Field.Name);
        var and = Assert.IsType<JqlAndClause>(or.Clauses[1]);
        Assert.Equal("b", Assert.IsType<JqlTerminalClause>(and.Clauses[0]).Field.Name);
        var not = Assert.IsType<JqlNotClause>(and.Clauses[1]);
        Assert.Equal("c", Assert.IsType<JqlTerminalClause>(not.Clause).Field.Name);
    }

    [Fact]
    public void Parse_Parentheses_OverridePrecedence()
    {
        var query = JqlEngine.Parse("(a = 1 OR b = 2) AND c = 3");

        var and = Assert.IsType<JqlAndClause>(query.Where);
        Assert.IsType<JqlOrClause>(and.Clauses[0]);
        Assert.IsType<JqlTerminalClause>(and.Clauses[1]);
    }

    [Fact]
    public void Parse_SymbolicConnectives_MeanAndOrNot()
    {
        var symbolic = JqlEngine.Parse("a = 1 || b = 2 && !c = 3 | d = 4 & e = 5");

        var or = Assert.IsType<JqlOrClause>(symbolic.Where);
        Assert.Equal(3, or.Clauses.Count);
        var and = Assert.IsType<JqlAndClause>(or.Clauses[1]);
        Assert.IsType<JqlNotClause>(and.Clauses[1]);
        Assert.IsType<JqlAndClause>(or.Clauses[2]);
    }

    [Fact]
    public void Parse_KeywordsInAnyCase_AreKeywords()
    {
        var query = JqlEngine.Parse("a In (1, 2) aNd b iS nOt EmPtY oR c NoT iN (x) OrDeR bY a AsC");

        var or = Assert.IsType<JqlOrClause>(query.Where);
        var and = Assert.IsType<JqlAndClause>(or.Clauses[0]);
        Assert.Equal(JqlOperator.In, Assert.IsType<JqlTerminalClause>(and.Clauses[0]).Operator);
        Assert.Equal(JqlOperator.IsNot, Assert.IsType<JqlTerminalClause>(and.Clauses[1]).Operator);
        Assert.Equal(JqlOperator.NotIn, Assert.IsType<JqlTerminalClause>(or.Clauses[1]).Operator);
        Assert.Equal(JqlSortDirection.Ascending, Assert.Single(query.OrderBy).Direction);
    }

    [Theory]
    [InlineData("a = b", nameof(JqlOperator.Equals))]
    [InlineData("a != b", nameof(JqlOperator.NotEquals))]
    [InlineData("a ~ b", nameof(JqlOperator.Like))]
    [InlineData("a !~ b", nameof(JqlOperator.NotLike))]
    [InlineData("a < b", nameof(JqlOperator.LessThan))]
    [InlineData("a <= b", nameof(JqlOperator.LessThanEquals))]
    [InlineData("a > b", nameof(JqlOperator.GreaterThan))]
    [InlineData("a >= b", nameof(JqlOperator.GreaterThanEquals))]
    [InlineData("a in (b)", nameof(JqlOperator.In))]
    [InlineData("a not in (b)", nameof(JqlOperator.NotIn))]
    [InlineData("a is empty", nameof(JqlOperator.Is))]
    [InlineData("a is not null", nameof(JqlOperator.IsNot))]
    [InlineData("a was b", nameof(JqlOperator.Was))]
    [InlineData("a was not in (b)", nameof(JqlOperator.WasNotIn))]
    [InlineData("a changed", nameof(JqlOperator.Changed))]
    public void Parse_EachOperator_IsRecognised(string jql, string expected)
    {
        var clause = Assert.IsType<JqlTerminalClause>(JqlEngine.Parse(jql).Where);

        Assert.Equal(Enum.Parse<JqlOperator>(expected), clause.Operator);
    }

    [Fact]
    public void Parse_QuotedFieldAndCustomFieldId_AreFieldNames()
    {
        var query = JqlEngine.Parse("\"Story Points\" > 3 AND cf[10016] < 8 AND 'Team' ~ blue");

        var and = Assert.IsType<JqlAndClause>(query.Where);
        Assert.Equal("Story Points", Assert.IsType<JqlTerminalClause>(and.Clauses[0]).Field.Display);
        var cf = Assert.IsType<JqlTerminalClause>(and.Clauses[1]).Field;
        Assert.Equal(10016, cf.CustomFieldId);
        Assert.Equal("cf[10016]", cf.Display);
        Assert.Equal("Team", Assert.IsType<JqlTerminalClause>(and.Clauses[2]).Field.Name);
    }

    [Fact]
    public void Parse_Values_KeepWordsNumbersAndHyphenatedText()
    {
        var and = Assert.IsType<JqlAndClause>(JqlEngine.Parse("key = SEC-1 AND created > -1d AND a = 42 AND b = -7 AND c = 4w2d").Where);

        Assert.Equal(new JqlValueOperand("SEC-1", null), Operand(and, 0));
        Assert.Equal(new JqlValueOperand("-1d", null), Operand(and, 1));
        Assert.Equal(new JqlValueOperand("42", 42), Operand(and, 2));
        Assert.Equal(new JqlValueOperand("-7", -7), Operand(and, 3));
        Assert.Equal(new JqlValueOperand("4w2d", null), Operand(and, 4));
    }

    [Fact]
    public void Parse_QuotedStrings_DecodeJiraEscapes()
    {
        var query = JqlEngine.Parse("summary ~ \"a\\\"b\\'c\\\\d\\n\\t\\r\\ e\\u0041\" OR summary ~ 'it\\'s'");

        var or = Assert.IsType<JqlOrClause>(query.Where);
        Assert.Equal("a\"b'c\\d\n\t\r eA", ((JqlValueOperand)Operand(or, 0)).Text);
        Assert.Equal("it's", ((JqlValueOperand)Operand(or, 1)).Text);
    }

    [Fact]
    public void Parse_SingleQuotedString_AllowsDoubleQuotesInside()
    {
        var clause = Assert.IsType<JqlTerminalClause>(JqlEngine.Parse("summary ~ '\"exact phrase\"'").Where);

        Assert.Equal("\"exact phrase\"", ((JqlValueOperand)clause.Operand!).Text);
    }

    [Fact]
    public void Parse_QuotedReservedWord_IsAValue()
    {
        var clause = Assert.IsType<JqlTerminalClause>(JqlEngine.Parse("project = \"select\"").Where);

        Assert.Equal("select", ((JqlValueOperand)clause.Operand!).Text);
    }

    [Fact]
    public void Parse_ListsAndFunctions_BuildOperands()
    {
        var clause = Assert.IsType<JqlTerminalClause>(JqlEngine.Parse("assignee in (bob, \"Carol Chen\", currentUser(), membersOf('jira-users'), EMPTY, 7)").Where);

        var list = Assert.IsType<JqlListOperand>(clause.Operand);
        Assert.Equal(6, list.Items.Count);
        Assert.Equal(new JqlFunctionOperand("currentUser", []).Display, list.Items[2].Display);
        var members = Assert.IsType<JqlFunctionOperand>(list.Items[3]);
        Assert.Equal("membersOf", members.Name);
        Assert.Equal(["jira-users"], members.Arguments);
        Assert.IsType<JqlEmptyOperand>(list.Items[4]);
        Assert.Equal("(\"bob\", \"Carol Chen\", currentUser(), membersOf(jira-users), EMPTY, 7)", list.Display);
    }

    [Fact]
    public void Parse_FunctionArguments_AcceptWordsNumbersAndStrings()
    {
        var and = Assert.IsType<JqlAndClause>(JqlEngine.Parse("created > startOfDay(-1d) AND updated < endOfMonth(\"+1M\")").Where);
        Assert.Equal(["-1d"], Assert.IsType<JqlFunctionOperand>(Operand(and, 0)).Arguments);
        Assert.Equal(["+1M"], Assert.IsType<JqlFunctionOperand>(Operand(and, 1)).Arguments);
    }

    [Fact]
    public void Parse_OrderBySeveralFields_KeepsOrderAndDirections()
    {
        var query = JqlEngine.Parse("project = SEC ORDER BY priority DESC, cf[10016], \"Story Points\" asc, key");

        Assert.Equal(["priority", "cf[10016]", "Story Points", "key"], query.OrderBy.Select(o => o.Field.Display));
        Assert.Equal([JqlSortDirection.Descending, null, JqlSortDirection.Ascending, null], query.OrderBy.Select(o => o.Direction));
    }

    [Fact]
    public void Parse_SameText_ReturnsCachedQuery()
    {
        var first = JqlEngine.Parse("project = SEC AND status = \"In Progress\" ORDER BY created");
        var second = JqlEngine.Parse("project = SEC AND status = \"In Progress\" ORDER BY created");

        Assert.Same(first, second);
    }

    [Fact]
    public void ParseCache_OverCapacity_EvictsLeastRecentlyUsed()
    {
        var cache = new JqlParseCache(8);
        var kept = cache.GetOrAdd("keep = 1", JqlParser.Parse);
        for (var n = 0; n < 20; n++)
        {
            cache.GetOrAdd("a = " + n, JqlParser.Parse);
            cache.GetOrAdd("keep = 1", JqlParser.Parse);
        }

        Assert.True(cache.Count <= 8);
        Assert.Same(kept, cache.GetOrAdd("keep = 1", JqlParser.Parse));
    }

    [Fact]
    public void Parse_NewlinesBetweenTokens_AreWhitespace()
    {
        var query = JqlEngine.Parse("project = SEC\nAND\r\n\tstatus = Done");

        Assert.IsType<JqlAndClause>(query.Where);
    }

    private static JqlOperand Operand(JqlClause clause, int index) => clause switch
    {
        JqlAndClause and => Assert.IsType<JqlTerminalClause>(and.Clauses[index]).Operand!,
        JqlOrClause or => Assert.IsType<JqlTerminalClause>(or.Clauses[index]).Operand!,
        _ => throw new ArgumentOutOfRangeException(nameof(clause)),
    };
}
