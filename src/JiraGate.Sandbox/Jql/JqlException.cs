namespace JiraGate.Sandbox.Jql;

/// <summary>
/// A JQL query Jira would refuse with 400 <c>{"errorMessages":[…],"errors":{}}</c>. A syntax error carries one
/// message; validation carries every field, value and function problem it found, as Jira lists them.
/// </summary>
internal sealed class JqlException : Exception
{
    public JqlException(IReadOnlyList<string> errorMessages)
        : base(string.Join(" ", errorMessages))
    {
        ErrorMessages = errorMessages;
    }

    public JqlException(string errorMessage)
        : this([errorMessage])
    {
    }

    public IReadOnlyList<string> ErrorMessages { get; }
}
