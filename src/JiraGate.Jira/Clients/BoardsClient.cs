using JiraGate.Jira.Connection;

namespace JiraGate.Jira;

/// <summary>Agile boards (/rest/agile/1.0/board).</summary>
public sealed class BoardsClient
{
    internal BoardsClient(JiraConnection connection) => Connection = connection;

    internal JiraConnection Connection { get; }
}
