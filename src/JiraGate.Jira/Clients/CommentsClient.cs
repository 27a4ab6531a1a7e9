using JiraGate.Jira.Connection;

namespace JiraGate.Jira;

/// <summary>Comments on issues (ADF bodies on Cloud, wiki markup on Data Center).</summary>
public sealed class CommentsClient
{
    internal CommentsClient(JiraConnection connection) => Connection = connection;

    internal JiraConnection Connection { get; }
}
