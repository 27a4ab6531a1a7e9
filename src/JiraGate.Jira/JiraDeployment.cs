namespace JiraGate.Jira;

/// <summary>Which kind of Jira a connection talks to.</summary>
public enum JiraDeployment
{
    /// <summary>Detect from /rest/api/2/serverInfo's deploymentType.</summary>
    Auto,

    /// <summary>Jira Cloud: REST v3 (ADF), /search/jql with nextPageToken, users by accountId, Agile and Software APIs.</summary>
    Cloud,

    /// <summary>Jira Data Center / Server: REST v2 (wiki markup), startAt/total search, users by name.</summary>
    DataCenter,
}
