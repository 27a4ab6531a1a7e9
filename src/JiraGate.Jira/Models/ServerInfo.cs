using System.Text.Json;
using System.Text.Json.Serialization;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira.Models;

/// <summary>What /serverInfo says about the site: version and, above all, the deployment type.</summary>
public sealed class ServerInfo
{
    /// <summary>The site's base URL.</summary>
    [JsonPropertyName("baseUrl")]
    public Uri? BaseUrl { get; set; }

    /// <summary>The version, e.g. 10.3.24 (Data Center) or 1001.0.0-SNAPSHOT (Cloud).</summary>
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    /// <summary>The version as numbers.</summary>
    [JsonPropertyName("versionNumbers")]
    public IReadOnlyList<int>? VersionNumbers { get; set; }

    /// <summary>"Cloud" on Jira Cloud; "Server" or "DataCenter" otherwise.</summary>
    [JsonPropertyName("deploymentType")]
    public string? DeploymentType { get; set; }

    /// <summary>The build number.</summary>
    [JsonPropertyName("buildNumber")]
    public long? BuildNumber { get; set; }

    /// <summary>The build date.</summary>
    [JsonPropertyName("buildDate")]
    [JsonConverter(typeof(JiraDateTimeConverter))]
    public DateTimeOffset? BuildDate { get; set; }

    /// <summary>The server's clock when it answered.</summary>
    [JsonPropertyName("serverTime")]
    [JsonConverter(typeof(JiraDateTimeConverter))]
    public DateTimeOffset? ServerTime { get; set; }

    /// <summary>The source revision.</summary>
    [JsonPropertyName("scmInfo")]
    public string? ScmInfo { get; set; }

    /// <summary>The site title.</summary>
    [JsonPropertyName("serverTitle")]
    public string? ServerTitle { get; set; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }

    /// <summary>The deployment this answer describes.</summary>
    [JsonIgnore]
    public JiraDeployment Deployment => IsCloud(DeploymentType) ? JiraDeployment.Cloud : JiraDeployment.DataCenter;

    /// <summary>Jira's request id for the call that returned this.</summary>
    [JsonIgnore]
    public string? RequestId { get; internal set; }

    internal static bool IsCloud(string? deploymentType) =>
        string.Equals(deploymentType, "Cloud", StringComparison.OrdinalIgnoreCase);
}
