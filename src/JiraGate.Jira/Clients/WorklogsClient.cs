using JiraGate.Jira.Connection;

namespace JiraGate.Jira;

/// <summary>Worklogs on issues.</summary>
public sealed class WorklogsClient
{
    internal WorklogsClient(JiraConnection connection) => Connection = connection;

    internal JiraConnection Connection { get; }
}
