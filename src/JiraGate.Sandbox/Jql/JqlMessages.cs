using System.Globalization;

namespace JiraGate.Sandbox.Jql;

/// <summary>
/// Every message the JQL engine can answer with, worded as Jira words it (its JQL parser and validators), so a
/// client's error handling sees the same text against the sandbox as against a real site. Keeping them in one
/// place makes the wording reviewable against Jira's in a single read.
/// </summary>
internal static class JqlMessages
{
    private const string Prefix = "Error in the JQL Query: ";

    public const string ValidOperators =
        "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";

    private const string ValidEscapes =
        "The valid escape sequences are \\', \\\", \\t, \\n, \\r, \\\\, '\\ ' and \\uXXXX.";

    // ---- syntax (one per query; parsing stops at the first) ----

    public static string Syntax(string message, JqlPosition? at) =>
        at is { } p
            ? string.Create(CultureInfo.InvariantCulture, $"{Prefix}{message} (line {p.Line}, character {p.Column})")
            : Prefix + message;

    public static string ReservedCharacter(char c, JqlPosition at) =>
        Syntax($"The character '{Printable(c)}' is a reserved JQL character. You must enclose it in a string or use the escape '{JqlValues.EscapeCharacter(c)}' instead.", at);

    public static string IllegalCharacter(char c, JqlPosition at) =>
        Syntax(string.Create(CultureInfo.InvariantCulture,
            $"The character '{Printable(c)}' on line {at.Line} at position {at.Column} must be escaped. Use the escape '{JqlValues.EscapeCharacter(c)}' instead."), at);

    public static string ReservedWord(string word, JqlPosition at) =>
        Syntax($"'{Normalize(word)}' is a reserved JQL word. You must surround it in quotation marks to use it in a query.", at);

    public static string UnfinishedString(string content, JqlPosition at) =>
        string.IsNullOrWhiteSpace(content)
            ? Syntax("The quoted string has not been completed.", at)
            : Syntax($"The quoted string '{Normalize(content)}' has not been completed.", at);

    public static string IllegalEscape(string sequence, JqlPosition at) =>
        string.IsNullOrWhiteSpace(sequence)
            ? Syntax("The escape sequence has not been completed. " + ValidEscapes, at)
            : Syntax($"'{Normalize(sequence)}' is an illegal JQL escape sequence. {ValidEscapes}", at);

    public static string IllegalNumber(string number, JqlPosition at) =>
        Syntax($"'{number}' is not a valid number. Numbers must be between -9,223,372,036,854,775,808 and 9,223,372,036,854,775,807.", at);

    public static string EmptyFieldName(JqlPosition at) => Syntax("A field name cannot be empty.", at);

    public static string EmptyFunctionName(JqlPosition at) => Syntax("A function name cannot be empty.", at);

    public static string EmptyFunctionArgument(JqlPosition at) => Syntax("Function argument must be specified.", at);

    public static string ExpectedField(JqlToken got) => got.Kind switch
    {
        JqlTokenKind.Eof => Syntax("Expecting a field name at the end of the query.", null),
        JqlTokenKind.LBracket => Syntax("Expecting a field name but got '['. Did you mean 'cf['?", got.Position),
        _ => Syntax($"Expecting a field name but got '{Shown(got)}'. You must surround '{Shown(got)}' in quotation marks to use it as a field name.", got.Position),
    };

    public static string ExpectedOperator(JqlToken got) => got.Kind == JqlTokenKind.Eof
        ? Syntax("Expecting operator before the end of the query. " + ValidOperators, null)
        : Syntax($"Expecting operator but got '{Shown(got)}'. {ValidOperators}", got.Position);

    public static string ExpectedOperand(JqlToken got) => got.Kind == JqlTokenKind.Eof
        ? Syntax("Expecting either a value, list or function before the end of the query.", null)
        : Syntax($"Expecting either a value, list or function but got '{Shown(got)}'. You must surround '{Shown(got)}' in quotation marks to use it as a value.", got.Position);

    public static string ExpectedFunctionArgument(JqlToken got) => got.Kind == JqlTokenKind.Eof
        ? Syntax("Expecting a function argument at the end of the query.", null)
        : Syntax($"Expecting a function argument but got '{Shown(got)}'. You must surround '{Shown(got)}' in quotation marks to use it as an argument.", got.Position);

    public static string ExpectedCustomFieldId(JqlToken got) => got.Kind == JqlTokenKind.Eof
        ? Syntax("Expecting a custom field id (a positive number) before the end of the query.", null)
        : Syntax($"Expecting a custom field id (a positive number) but got '{Shown(got)}'.", got.Position);

    public static string ExpectedLogicalOperator(JqlToken got) =>
        Syntax($"Expecting either 'OR' or 'AND' but got '{Shown(got)}'.", got.Position);

    public static string ExpectedSortOrder(JqlToken got) =>
        Syntax($"Expecting either 'ASC' or 'DESC' but got '{Shown(got)}'.", got.Position);

    /// <summary>Expecting one given token (')', 'by', 'IN', 'NOT', '[', ']', ',').</summary>
    public static string Expected(string expected, JqlToken got) => got.Kind == JqlTokenKind.Eof
        ? Syntax($"Expecting '{expected}' before the end of the query.", null)
        : Syntax($"Expecting '{expected}' but got '{Shown(got)}'.", got.Position);

    public static string Expected(string first, string second, JqlToken got) => got.Kind == JqlTokenKind.Eof
        ? Syntax($"Expecting '{first}' or '{second}' before the end of the query.", null)
        : Syntax($"Expecting '{first}' or '{second}' but got '{Shown(got)}'.", got.Position);

    public static string UnsupportedPredicate(string operatorName, string predicate) =>
        Syntax($"The {operatorName} operator does not support the use of the {predicate} predicate.", null);

    public static string ChangedWithValue(string operand) =>
        Syntax($"The CHANGED operator does not support the use of values without predicates. You must prefix the {operand} value with a suitable predicate.", null);

    public static string TooDeep(int limit) =>
        Syntax(string.Create(CultureInfo.InvariantCulture, $"The query nests more than {limit} levels of parentheses or NOT."), null);

    // ---- validation (collected; a query can carry several) ----

    public static string NoSuchField(string field) =>
        $"Field '{field}' does not exist or you do not have permission to view it.";

    public static string OperatorNotSupported(string op, string field) =>
        $"The operator '{op}' is not supported by the '{field}' field.";

    public static string HistoryNotSupported(string op, string field) =>
        $"The operator '{op}' is not supported by the sandbox for the '{field}' field: it keeps no field history to search (WAS and CHANGED).";

    public static string NonListValue(string op, string operand, string field) =>
        $"Operator '{op}' does not support the non-list value '{operand}' for field '{field}'.";

    public static string ListValue(string op, string operand, string field) =>
        $"Operator '{op}' does not support the list value '{operand}' for field '{field}'.";

    public static string EmptyOperandNotSupported(string op, string field) =>
        $"Operator '{op}' does not support the empty value representation 'EMPTY' for field '{field}'.";

    public static string OnlyEmpty(string op, string field) =>
        $"Operator '{op}' does not support searching for non-empty values for field '{field}'.";

    public static string EmptyNotSupported(string field) =>
        $"The field '{field}' does not support searching for EMPTY values.";

    public static string EmptyString(string field) =>
        $"The field '{field}' does not support searching for an empty string.";

    public static string NoSuchValue(string value, string field) =>
        $"The value '{value}' does not exist for the field '{field}'.";

    public static string NoSuchId(string id, string field) =>
        $"A value with ID '{id}' does not exist for the field '{field}'.";

    public static string NoSuchOption(string option, string field) =>
        $"The option '{option}' for field '{field}' does not exist.";

    public static string NoSuchIssue(string key, string field) =>
        $"An issue with key '{key}' does not exist for field '{field}'.";

    public static string InvalidIssueKey(string key, string field) =>
        $"The issue key '{key}' for field '{field}' is invalid.";

    public static string InvalidNumber(string value, string field) =>
        $"The value '{value}' for field '{field}' is invalid - it must be a number.";

    public static string InvalidDate(string value, string field) =>
        $"Date value '{value}' for field '{field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.";

    public static string UnparsableText(string value, string field) =>
        $"Unable to parse the text '{value}' for field '{field}'.";

    public static string NoSuchFunction(string display) => $"Unable to find JQL function '{display}'.";

    public static string FunctionArgumentCount(string function, int expected, int actual) =>
        string.Create(CultureInfo.InvariantCulture, $"Function '{function}' expected '{expected}' arguments but received '{actual}'.");

    public static string FunctionArgumentRange(string function, int min, int max, int actual) =>
        string.Create(CultureInfo.InvariantCulture, $"Function '{function}' expected between '{min}' and '{max}' arguments but received '{actual}'.");

    public static string FunctionDuration(string function) =>
        $"Duration for function '{function}' should have the format (+/-)n(yMwdm), e.g -1M for 1 month earlier.";

    public static string NoSuchGroup(string function, string group) =>
        $"Function '{function}' can not generate a list of usernames for group '{group}'; the group does not exist.";

    public static string NoSuchProjectForFunction(string project, string function) =>
        $"Could not resolve the project '{project}' provided to function '{function}'.";

    public static string FunctionValueInvalid(string function, string field) =>
        $"A value provided by the function '{function}' is invalid for the field '{field}'.";

    public static string FunctionDateInvalid(string function, string field) =>
        $"A date for the field '{field}' provided by the function '{function}' is not valid.";

    public static string FunctionIssueKeyInvalid(string function, string field) =>
        $"A value provided by the function '{function}' for the field '{field}' is not a valid issue key.";

    public static string FunctionNumberInvalid(string function, string field) =>
        $"A value provided by the function '{function}' for the field '{field}' is not a valid number.";

    public static string NotSortable(string field) => $"Not able to sort using field '{field}'.";

    public static string FieldDoesNotSupportSorting(string field) => $"Field '{field}' does not support sorting.";

    public static string TooManySortFields(int max) =>
        string.Create(CultureInfo.InvariantCulture, $"The ORDER BY clause can contain a maximum of {max} fields.");

    // ---- helpers ----

    /// <summary>Jira shows newlines in echoed query text as spaces.</summary>
    private static string Normalize(string text) => text.Replace('\n', ' ').Replace('\r', ' ');

    private static string Shown(JqlToken token) => Normalize(token.Text);

    /// <summary>How Jira prints a character in an error: itself, or U+XXXX / TAB for the unprintable.</summary>
    private static string Printable(char c)
    {
        if (c == '\t')
        {
            return "TAB";
        }
        return JqlValues.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) || c >= '\ufff0'
            ? string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}")
            : c.ToString();
    }
}
