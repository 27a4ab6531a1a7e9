using JiraGate.Jira.Connection;

namespace JiraGate.Jira;

/// <summary>Attachments on issues (multipart upload with X-Atlassian-Token: no-check).</summary>
public sealed class AttachmentsClient
{
    internal AttachmentsClient(JiraConnection connection) => Connection = connection;

    internal JiraConnection Connection { get; }
}
