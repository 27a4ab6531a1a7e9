namespace JiraGate.Governance.Execution;

/// <summary>
/// The call reaches something outside its <see cref="Pipeline.ExecutionScope"/>: an issue whose project or issue type
/// no <c>where</c> grant allows (found by reading the issue before acting on it), or an operation whose reach cannot be
/// told under a restricted scope. Nothing was written. It is a policy outcome, so the pipeline answers it as
/// <c>policy_denied</c> (not <c>invalid_input</c>): the arguments were well formed, the policy does not allow them.
/// </summary>
public sealed class ExecutionScopeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ExecutionScopeException() : base("The call is outside the scope its policy grants.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is outside which scope.</param>
    public ExecutionScopeException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is outside which scope.</param>
    /// <param name="innerException">The cause.</param>
    public ExecutionScopeException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
