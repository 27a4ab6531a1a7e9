using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Domain;

/// <summary>Which transitions an issue's workflow offers from its current status.</summary>
internal static class IssueWorkflow
{
    public static IEnumerable<TransitionDef> Available(Site site, Issue issue) =>
        site.WorkflowOf(issue).Transitions.Where(t => t.From.Count == 0 || t.From.Contains(issue.StatusId));

    public static IEnumerable<TransitionDef> All(Site site, Issue issue) => site.WorkflowOf(issue).Transitions;
}
