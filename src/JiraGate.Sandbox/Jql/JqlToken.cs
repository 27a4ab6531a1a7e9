namespace JiraGate.Sandbox.Jql;

/// <summary>A place in the query text, 1-based, as Jira reports it ("line 1, character 9").</summary>
internal readonly record struct JqlPosition(int Line, int Column);

internal enum JqlTokenKind
{
    Eof,
    LParen,
    RParen,
    Comma,
    LBracket,
    RBracket,
    Bang,
    Equals,
    NotEquals,
    Like,
    NotLike,
    LessThan,
    GreaterThan,
    LessThanEquals,
    GreaterThanEquals,
    In,
    Is,
    And,
    Or,
    Not,
    Empty,
    Was,
    Changed,
    Before,
    After,
    From,
    To,
    On,
    During,
    Order,
    By,
    Asc,
    Desc,
    CustomField,
    PositiveNumber,
    NegativeNumber,
    /// <summary>An unquoted word (escapes decoded).</summary>
    Word,
    /// <summary>A "…" or '…' literal (quotes stripped, escapes decoded).</summary>
    QuotedString,
}

/// <summary>One token. <see cref="Text"/> is the token as Jira echoes it in errors: keywords as typed, strings decoded.</summary>
internal readonly record struct JqlToken(JqlTokenKind Kind, string Text, JqlPosition Position)
{
    /// <summary>Tokens that can be a value, a function name or a field name.</summary>
    public bool IsString => Kind is JqlTokenKind.Word or JqlTokenKind.QuotedString;

    public bool IsNumber => Kind is JqlTokenKind.PositiveNumber or JqlTokenKind.NegativeNumber;

    public bool IsHistoryPredicate =>
        Kind is JqlTokenKind.Before or JqlTokenKind.After or JqlTokenKind.From or JqlTokenKind.To or JqlTokenKind.On
            or JqlTokenKind.During or JqlTokenKind.By;
}
