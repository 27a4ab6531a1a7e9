using JiraGate.Jira.Connection;

namespace JiraGate.Jira;

/// <summary>
/// A typed client for one Jira site (Cloud REST v3 + Agile, or Data Center REST v2). Get it from DI
/// (<c>services.AddJiraClient(...)</c>); its sub-clients are created once and share one connection.
/// </summary>
public sealed class JiraClient
{
    private readonly JiraConnection _connection;

    internal JiraClient(JiraConnection connection)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        Issues = new IssuesClient(connection);
        Comments = new CommentsClient(connection);
        Attachments = new AttachmentsClient(connection);
        Worklogs = new WorklogsClient(connection);
        Projects = new ProjectsClient(connection);
        Users = new UsersClient(connection);
        Boards = new BoardsClient(connection);
        Sprints = new SprintsClient(connection);
        Metadata = new MetadataClient(connection);
        Webhooks = new WebhooksClient(connection);
    }

    /// <summary>Issues: get, search.</summary>
    public IssuesClient Issues { get; }

    /// <summary>Comments on issues.</summary>
    public CommentsClient Comments { get; }

    /// <summary>Attachments on issues.</summary>
    public AttachmentsClient Attachments { get; }

    /// <summary>Worklogs on issues.</summary>
    public WorklogsClient Worklogs { get; }

    /// <summary>Projects.</summary>
    public ProjectsClient Projects { get; }

    /// <summary>Users.</summary>
    public UsersClient Users { get; }

    /// <summary>Agile boards.</summary>
    public BoardsClient Boards { get; }

    /// <summary>Agile sprints.</summary>
    public SprintsClient Sprints { get; }

    /// <summary>Site metadata.</summary>
    public MetadataClient Metadata { get; }

    /// <summary>Webhooks.</summary>
    public WebhooksClient Webhooks { get; }

    /// <summary>
    /// The deployment this client talks to: as configured, or read once from /rest/api/2/serverInfo.
    /// Decides REST v3 + ADF (Cloud) or REST v2 + wiki markup (Data Center).
    /// </summary>
    /// <param name="cancellationToken">Cancels the detection call, if one is needed.</param>
    /// <returns>Cloud or Data Center, never Auto.</returns>
    public async ValueTask<JiraDeployment> GetDeploymentAsync(CancellationToken cancellationToken = default) =>
        (await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false)).Deployment;

    /// <inheritdoc />
    public override string ToString() => "JiraClient for " + _connection.Options.BaseUrl + " (" + _connection.Credentials.Describe() + ")";
}
