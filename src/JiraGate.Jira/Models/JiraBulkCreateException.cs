using JiraGate.Jira.Models;

namespace JiraGate.Jira;

/// <summary>
/// A bulk create failed as a whole part-way (after Jira created issues in earlier calls): <see cref="PartialResult"/>
/// holds what was created and refused before it, and <see cref="Exception.InnerException"/> the failure itself
/// (a <see cref="JiraOutcomeUnknownException"/> means that call's elements may or may not exist).
/// </summary>
public sealed class JiraBulkCreateException : JiraException
{
    internal JiraBulkCreateException(string message, BulkCreateResult partialResult, int firstNotCreatedIndex, JiraException inner)
        : base(message, new JiraErrorDetails(inner.StatusCode, inner.ErrorMessages, inner.Errors, inner.RequestId, inner.RetryAfter, inner.IsTransient), inner)
    {
        PartialResult = partialResult;
        FirstNotCreatedIndex = firstNotCreatedIndex;
    }

    /// <summary>The elements created and refused before the failing call.</summary>
    public BulkCreateResult PartialResult { get; }

    /// <summary>The index of the first element of the failing call; it and every later element were not (knowingly) created.</summary>
    public int FirstNotCreatedIndex { get; }
}
