using JiraGate.Jira.Connection;

namespace JiraGate.Jira;

/// <summary>Webhooks: admin webhooks for API-token and PAT connections, dynamic webhooks for OAuth apps.</summary>
public sealed class WebhooksClient
{
    internal WebhooksClient(JiraConnection connection) => Connection = connection;

    internal JiraConnection Connection { get; }
}
