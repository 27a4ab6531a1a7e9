namespace JiraGate.Governance.Approvals;

/// <summary>
/// A notice could not be delivered after its retries. The message names the channel and the HTTP status, never the
/// webhook's address (which is itself a credential).
/// </summary>
public sealed class ApprovalNotificationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ApprovalNotificationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ApprovalNotificationException()
    {
    }

    /// <summary>Creates the exception. Pass an inner exception only if its message cannot contain the webhook address.</summary>
    public ApprovalNotificationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
