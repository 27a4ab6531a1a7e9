namespace JiraGate.Jira.Tickets;

/// <summary>What was wrong with a <see cref="JiraTickets"/> request, so a caller (or an agent) can act on it.</summary>
public enum JiraTicketError
{
    /// <summary>The project does not exist, is hidden from the caller, or offers the caller nothing to create.</summary>
    UnknownProject,

    /// <summary>The issue type is not one the project offers (<see cref="JiraTicketException.Candidates"/> lists those it does).</summary>
    UnknownIssueType,

    /// <summary>A field the create or transition screen requires was not given (<see cref="JiraTicketException.Candidates"/> names them).</summary>
    MissingRequiredFields,

    /// <summary>No Jira user has the email address.</summary>
    UnknownUser,

    /// <summary>Several users could be the one meant (<see cref="JiraTicketException.Candidates"/> lists them).</summary>
    AmbiguousUser,

    /// <summary>No transition available now matches (<see cref="JiraTicketException.Candidates"/> lists the available ones).</summary>
    UnknownTransition,

    /// <summary>Several available transitions match (<see cref="JiraTicketException.Candidates"/> lists them).</summary>
    AmbiguousTransition,

    /// <summary>No field has that id or display name.</summary>
    UnknownField,

    /// <summary>Several fields share that display name (<see cref="JiraTicketException.Candidates"/> lists their ids).</summary>
    AmbiguousField,
}

/// <summary>
/// A <see cref="JiraTickets"/> request named something Jira does not have, or left out something it requires: an
/// issue type the project does not offer, an unknown or ambiguous email, a transition that is not available, a
/// field name that matches no field or several. It is the caller's mistake, found before anything was written, so it
/// derives from <see cref="ArgumentException"/>; the message says what was wrong and what to pass instead, and
/// <see cref="Candidates"/> lists the valid choices. Failures of Jira itself stay <see cref="JiraException"/>.
/// </summary>
public sealed class JiraTicketException : ArgumentException
{
    internal JiraTicketException(JiraTicketError error, string message, string? paramName, IReadOnlyList<string>? candidates = null,
        Exception? innerException = null)
        : base(message, paramName, innerException)
    {
        Error = error;
        Candidates = candidates ?? [];
    }

    /// <summary>What was wrong.</summary>
    public JiraTicketError Error { get; }

    /// <summary>
    /// The valid choices, ready to show: the project's issue types, the missing required fields, the candidate users
    /// ("Alice Analyst (accountId …)"), the available transitions ("Start Progress → In Progress (id 31)"), or the
    /// fields sharing a name. Empty when there is nothing to suggest.
    /// </summary>
    public IReadOnlyList<string> Candidates { get; }
}
