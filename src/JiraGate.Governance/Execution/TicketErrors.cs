using JiraGate.Governance.Pipeline;
using JiraGate.Jira.Tickets;

namespace JiraGate.Governance.Execution;

/// <summary>The ticket helpers' errors as <see cref="OperationArgumentException"/>s naming the operation's argument.</summary>
internal static class TicketErrors
{
    /// <param name="ex">The helper's error (its message lists the valid choices).</param>
    /// <param name="transitionArgument">For a transition: the argument that named it (transition_id, status or transition_name).</param>
    public static OperationArgumentException Map(JiraTicketException ex, string? transitionArgument)
    {
        var argument = ex.Error switch
        {
            JiraTicketError.UnknownProject => "project_key",
            JiraTicketError.UnknownIssueType => "issue_type",
            JiraTicketError.UnknownUser or JiraTicketError.AmbiguousUser => "assignee",
            JiraTicketError.UnknownTransition or JiraTicketError.AmbiguousTransition => transitionArgument ?? "transition_name",
            _ => transitionArgument is null ? "custom_fields" : "fields",
        };
        return new OperationArgumentException(argument, argument + ": " + ex.Message);
    }
}
