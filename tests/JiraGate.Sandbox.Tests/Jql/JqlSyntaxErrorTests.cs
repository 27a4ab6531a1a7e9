using JiraGate.Sandbox.Jql;

namespace JiraGate.Sandbox.Tests.Jql;

/// <summary>Syntax errors: the first one stops parsing and is worded and positioned as Jira's parser does.</summary>
public sealed class JqlSyntaxErrorTests
{
    private const string Operators = "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";

    [Theory]
    // Operators
    [InlineData("project foo = x", "Error in the JQL Query: Expecting operator but got 'foo'. " + Operators + " (line 1, character 9)")]
    [InlineData("project", "Error in the JQL Query: Expecting operator before the end of the query. " + Operators)]
    [InlineData("a =a and j not is empty", "Error in the JQL Query: Expecting 'IN' but got 'is'. (line 1, character 16)")]
    [InlineData("a =a and j is ! empty", "Error in the JQL Query: Expecting 'NOT' but got '!'. (line 1, character 15)")]
    [InlineData("a not was \"Open\"", "Error in the JQL Query: Expecting 'IN' but got 'was'. (line 1, character 7)")]
    // Operands
    [InlineData("project = ORDER BY key", "Error in the JQL Query: Expecting either a value, list or function but got 'ORDER'. You must surround 'ORDER' in quotation marks to use it as a value. (line 1, character 11)")]
    [InlineData("a=", "Error in the JQL Query: Expecting either a value, list or function before the end of the query.")]
    [InlineData("a=!", "Error in the JQL Query: Expecting either a value, list or function but got '!'. You must surround '!' in quotation marks to use it as a value. (line 1, character 3)")]
    [InlineData("a=(a,(,bad))", "Error in the JQL Query: Expecting either a value, list or function but got ','. You must surround ',' in quotation marks to use it as a value. (line 1, character 7)")]
    [InlineData("a was", "Error in the JQL Query: Expecting either a value, list or function before the end of the query.")]
    // Joining clauses
    [InlineData("a=b c=d", "Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'c'. (line 1, character 5)")]
    [InlineData("a=b !c=d", "Error in the JQL Query: Expecting either 'OR' or 'AND' but got '!'. (line 1, character 5)")]
    [InlineData("project = SEC AND", "Error in the JQL Query: Expecting a field name at the end of the query.")]
    [InlineData(", a = b", "Error in the JQL Query: Expecting a field name but got ','. You must surround ',' in quotation marks to use it as a field name. (line 1, character 1)")]
    [InlineData("a = b and order = c", "Error in the JQL Query: Expecting a field name but got 'order'. You must surround 'order' in quotation marks to use it as a field name. (line 1, character 11)")]
    [InlineData("[brenden] = a", "Error in the JQL Query: Expecting a field name but got '['. Did you mean 'cf['? (line 1, character 1)")]
    [InlineData("'' = c", "Error in the JQL Query: A field name cannot be empty. (line 1, character 1)")]
    // Parentheses and lists
    [InlineData("(a=b and c = d", "Error in the JQL Query: Expecting ')' before the end of the query.")]
    [InlineData("abc IN ((foo) abc = a", "Error in the JQL Query: Expecting ')' but got 'abc'. (line 1, character 15)")]
    [InlineData("a in (b c)", "Error in the JQL Query: Expecting ',' or ')' but got 'c'. (line 1, character 9)")]
    [InlineData("a in (b, c", "Error in the JQL Query: Expecting ')' before the end of the query.")]
    // Functions
    [InlineData("a = func(", "Error in the JQL Query: Expecting ')' before the end of the query.")]
    [InlineData("a = func(, and not (a = x)", "Error in the JQL Query: Expecting ')' but got ','. (line 1, character 10)")]
    [InlineData("bas=func(bad,)", "Error in the JQL Query: Function argument must be specified. (line 1, character 14)")]
    [InlineData("bas=func(bad,", "Error in the JQL Query: Expecting a function argument at the end of the query.")]
    [InlineData("k = func(!", "Error in the JQL Query: Expecting a function argument but got '!'. You must surround '!' in quotation marks to use it as an argument. (line 1, character 10)")]
    [InlineData("k = func(abc, jk!)", "Error in the JQL Query: Expecting ')' or ',' but got '!'. (line 1, character 17)")]
    [InlineData("a = ''()", "Error in the JQL Query: A function name cannot be empty. (line 1, character 5)")]
    // Custom field ids
    [InlineData("cf", "Error in the JQL Query: Expecting '[' before the end of the query.")]
    [InlineData("a = b and not (cf = 6)", "Error in the JQL Query: Expecting '[' but got '='. (line 1, character 19)")]
    [InlineData("cf[", "Error in the JQL Query: Expecting a custom field id (a positive number) before the end of the query.")]
    [InlineData("cf[] = 1", "Error in the JQL Query: Expecting a custom field id (a positive number) but got ']'. (line 1, character 4)")]
    [InlineData("cf[29829k] = 1", "Error in the JQL Query: Expecting a custom field id (a positive number) but got '29829k'. (line 1, character 4)")]
    [InlineData("cf[-29829] = 1", "Error in the JQL Query: Expecting a custom field id (a positive number) but got '-29829'. (line 1, character 4)")]
    [InlineData("cf[29829 = world", "Error in the JQL Query: Expecting ']' but got '='. (line 1, character 10)")]
    // ORDER BY
    [InlineData("a = b order", "Error in the JQL Query: Expecting 'by' before the end of the query.")]
    [InlineData("a = b order summary", "Error in the JQL Query: Expecting 'by' but got 'summary'. (line 1, character 13)")]
    [InlineData("a = b order by", "Error in the JQL Query: Expecting a field name at the end of the query.")]
    [InlineData("a = b order by asc", "Error in the JQL Query: Expecting a field name but got 'asc'. You must surround 'asc' in quotation marks to use it as a field name. (line 1, character 16)")]
    [InlineData("a =b order by ajsks blah", "Error in the JQL Query: Expecting either 'ASC' or 'DESC' but got 'blah'. (line 1, character 21)")]
    [InlineData("order by a desc d", "Error in the JQL Query: Expecting ',' but got 'd'. (line 1, character 17)")]
    [InlineData("a =b order by \"\" desc", "Error in the JQL Query: A field name cannot be empty. (line 1, character 15)")]
    // History predicates on ordinary operators
    [InlineData("status = \"Open\" by admin", "Error in the JQL Query: The EQUALS operator does not support the use of the by \"admin\" predicate.")]
    [InlineData("fixVersion changed 4 by x", "Error in the JQL Query: The CHANGED operator does not support the use of values without predicates. You must prefix the 4 value with a suitable predicate.")]
    public void Parse_MalformedQuery_ThrowsJirasSyntaxError(string jql, string expected)
    {
        var error = Assert.Throws<JqlException>(() => JqlEngine.Parse(jql));

        Assert.Equal([expected], error.ErrorMessages);
    }

    [Theory]
    [InlineData("summary ~ \"abc", "Error in the JQL Query: The quoted string 'abc' has not been completed. (line 1, character 11)")]
    [InlineData("comment ~ 'test\n", "Error in the JQL Query: The quoted string 'test ' has not been completed. (line 1, character 11)")]
    [InlineData("priority=\"test\nword", "Error in the JQL Query: The quoted string 'test word' has not been completed. (line 1, character 10)")]
    [InlineData("comment ~ '", "Error in the JQL Query: The quoted string has not been completed. (line 1, character 11)")]
    public void Parse_UnfinishedString_ThrowsAtTheOpeningQuote(string jql, string expected)
    {
        Assert.Equal([expected], Assert.Throws<JqlException>(() => JqlEngine.Parse(jql)).ErrorMessages);
    }

    [Theory]
    [InlineData("project = S%", "Error in the JQL Query: The character '%' is a reserved JQL character. You must enclose it in a string or use the escape '\\u0025' instead. (line 1, character 12)")]
    [InlineData("reporter=a/user/with/slash", "Error in the JQL Query: The character '/' is a reserved JQL character. You must enclose it in a string or use the escape '\\u002f' instead. (line 1, character 11)")]
    [InlineData("mine{www = qwwr", "Error in the JQL Query: The character '{' is a reserved JQL character. You must enclose it in a string or use the escape '\\u007b' instead. (line 1, character 5)")]
    [InlineData("a = b\nand c = #", "Error in the JQL Query: The character '#' is a reserved JQL character. You must enclose it in a string or use the escape '\\u0023' instead. (line 2, character 9)")]
    public void Parse_ReservedCharacter_ThrowsWithItsEscape(string jql, string expected)
    {
        Assert.Equal([expected], Assert.Throws<JqlException>(() => JqlEngine.Parse(jql)).ErrorMessages);
    }

    [Theory]
    [InlineData("summary ~ select", "select")]
    [InlineData("summary ~ IF", "IF")]
    [InlineData("summary ~ execute", "execute")]
    public void Parse_UnquotedReservedWord_Throws(string jql, string word)
    {
        var error = Assert.Throws<JqlException>(() => JqlEngine.Parse(jql));

        Assert.Equal([$"Error in the JQL Query: '{word}' is a reserved JQL word. You must surround it in quotation marks to use it in a query. (line 1, character 11)"], error.ErrorMessages);
    }

    private const string Escapes = "The valid escape sequences are \\', \\\", \\t, \\n, \\r, \\\\, '\\ ' and \\uXXXX.";

    [Theory]
    [InlineData("comme\\unt ~ 'test'", "Error in the JQL Query: '\\un' is an illegal JQL escape sequence. " + Escapes + " (line 1, character 6)")]
    [InlineData("status = 'a\\c'", "Error in the JQL Query: '\\c' is an illegal JQL escape sequence. " + Escapes + " (line 1, character 12)")]
    [InlineData("status = '\\u'", "Error in the JQL Query: '\\u'' is an illegal JQL escape sequence. " + Escapes + " (line 1, character 11)")]
    [InlineData("status = \\", "Error in the JQL Query: The escape sequence has not been completed. " + Escapes + " (line 1, character 10)")]
    public void Parse_IllegalEscape_Throws(string jql, string expected)
    {
        Assert.Equal([expected], Assert.Throws<JqlException>(() => JqlEngine.Parse(jql)).ErrorMessages);
    }

    [Theory]
    [InlineData("minewww =\u007fqwwr", "Error in the JQL Query: The character 'U+007F' on line 1 at position 10 must be escaped. Use the escape '\\u007f' instead. (line 1, character 10)")]
    [InlineData("mqwwr=\"\u0001 broken\"", "Error in the JQL Query: The character 'U+0001' on line 1 at position 8 must be escaped. Use the escape '\\u0001' instead. (line 1, character 8)")]
    [InlineData("a = \"x\ty\"", "Error in the JQL Query: The character 'TAB' on line 1 at position 7 must be escaped. Use the escape '\\t' instead. (line 1, character 7)")]
    public void Parse_ControlCharacter_Throws(string jql, string expected)
    {
        Assert.Equal([expected], Assert.Throws<JqlException>(() => JqlEngine.Parse(jql)).ErrorMessages);
    }

    [Theory]
    [InlineData("aaaaa=-3482094382084092840932809482", "'-3482094382084092840932809482' is not a valid number. Numbers must be between -9,223,372,036,854,775,808 and 9,223,372,036,854,775,807. (line 1, character 7)")]
    [InlineData("cf[1002020202002020202020202020020202822]=a", "'1002020202002020202020202020020202822' is not a valid number. Numbers must be between -9,223,372,036,854,775,808 and 9,223,372,036,854,775,807. (line 1, character 4)")]
    public void Parse_NumberOutOfRange_Throws(string jql, string expected)
    {
        Assert.Equal(["Error in the JQL Query: " + expected], Assert.Throws<JqlException>(() => JqlEngine.Parse(jql)).ErrorMessages);
    }

    [Fact]
    public void Parse_HostileNesting_IsRefusedInsteadOfOverflowingTheStack()
    {
        var jql = string.Concat(Enumerable.Repeat("(", 5000)) + "a = b" + string.Concat(Enumerable.Repeat(")", 5000));

        var error = Assert.Throws<JqlException>(() => JqlEngine.Parse(jql));

        Assert.Equal(["Error in the JQL Query: The query nests more than 100 levels of parentheses or NOT."], error.ErrorMessages);
    }

    [Fact]
    public void Parse_NestingWithinLimit_Parses()
    {
        var jql = string.Concat(Enumerable.Repeat("NOT (", 40)) + "a = b" + string.Concat(Enumerable.Repeat(")", 40));

        Assert.True(JqlEngine.Parse(jql).HasRestriction);
    }
}
