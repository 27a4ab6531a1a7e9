using JiraGate.Jira.Connection;

namespace JiraGate.Jira;

/// <summary>Agile sprints (/rest/agile/1.0/sprint).</summary>
public sealed class SprintsClient
{
    internal SprintsClient(JiraConnection connection) => Connection = connection;

    internal JiraConnection Connection { get; }
}
