using JiraGate.Sandbox.Jql;

namespace JiraGate.Sandbox.Tests.Jql;

/// <summary>JqlValues.Quote: any string, however hostile, comes back from the parser as exactly one literal.</summary>
public sealed class JqlValuesTests
{
    public static TheoryData<string> HostileValues() =>
    [
        "",
        "plain",
        "In Progress",
        "\"",
        "'",
        "\\",
        "\\\"",
        "a\" OR project = HR OR summary ~ \"b",
        "x') OR (project = HR",
        "\" ORDER BY key --",
        "AND",
        "order by",
        "select",
        "%{}*/+^$#@?;",
        "line\nbreak\r\nand\ttab",
        "\u0000\u0001\u001f\u007f\u0085\u009f",
        "\ufdd0\ufdef\ufffe\uffff",
        "emoji 🚀 and 漢字",
        "\ud800 lone surrogate",
        "trailing backslash \\",
        "\\u0041 is not an escape here",
        new string('x', 5000),
    ];

    [Theory]
    [MemberData(nameof(HostileValues))]
    public void Quote_HostileValue_ParsesBackToTheSameSingleLiteral(string value)
    {
        var query = JqlEngine.Parse("summary ~ " + JqlValues.Quote(value) + " AND project = SEC");

        var and = Assert.IsType<JqlAndClause>(query.Where);
        Assert.Equal(2, and.Clauses.Count);
        var clause = Assert.IsType<JqlTerminalClause>(and.Clauses[0]);
        Assert.Equal(value, Assert.IsType<JqlValueOperand>(clause.Operand).Text);
        Assert.Empty(query.OrderBy);
    }

    [Theory]
    [MemberData(nameof(HostileValues))]
    public void Quote_HostileValue_WorksAsFieldNameAndInLists(string value)
    {
        var query = JqlEngine.Parse($"{JqlValues.Quote(value + "x")} in ({JqlValues.Quote(value)}, {JqlValues.Quote("b")})");

        var clause = Assert.IsType<JqlTerminalClause>(query.Where);
        Assert.Equal(value + "x", clause.Field.Name);
        var list = Assert.IsType<JqlListOperand>(clause.Operand);
        Assert.Equal(value, Assert.IsType<JqlValueOperand>(list.Items[0]).Text);
    }

    [Fact]
    public void Quote_RandomStrings_RoundTrip()
    {
        const string specials = "\"'\\ ()[],=!~<>&|%{}\n\r\tabc-";
        var random = new Random(20240306);
        for (var n = 0; n < 2000; n++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var k = 0; k < chars.Length; k++)
            {
                // Mostly the characters JQL treats specially, some of everything else.
                chars[k] = random.Next(4) == 0 ? (char)random.Next(0, 0x10000) : specials[random.Next(specials.Length)];
            }
            var value = new string(chars);

            var clause = Assert.IsType<JqlTerminalClause>(JqlEngine.Parse("labels = " + JqlValues.Quote(value)).Where);

            Assert.Equal(value, Assert.IsType<JqlValueOperand>(clause.Operand).Text);
        }
    }

    [Fact]
    public void Quote_Output_IsOneDoubleQuotedLineWithoutRawControls()
    {
        var quoted = JqlValues.Quote("a\"b\\c\nd\u0001e");

        Assert.Equal("\"a\\\"b\\\\c\\nd\\u0001e\"", quoted);
    }

    [Fact]
    public void Quote_Null_Throws() => Assert.Throws<ArgumentNullException>(() => JqlValues.Quote(null!));

    [Theory]
    [InlineData('\t', "\\t")]
    [InlineData('"', "\\\"")]
    [InlineData('%', "\\u0025")]
    [InlineData('\u007f', "\\u007f")]
    public void EscapeCharacter_GivesJirasSuggestedEscape(char c, string expected) => Assert.Equal(expected, JqlValues.EscapeCharacter(c));
}
