using System.Text.Json;
using System.Text.Json.Serialization;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira.Models;

/// <summary>A Jira Software sprint, as /rest/agile/1.0/sprint/{id} and board sprint lists return it.</summary>
public sealed class Sprint
{
    /// <summary>The sprint id.</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public long Id { get; set; }

    /// <summary>The REST URL of the sprint.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; set; }

    /// <summary><c>future</c>, <c>active</c> or <c>closed</c>, as Jira sent it (see <see cref="SprintState"/>).</summary>
    [JsonPropertyName("state")]
    public string? State { get; set; }

    /// <summary>The sprint's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The planned start (set once the sprint is planned or started).</summary>
    [JsonPropertyName("startDate")]
    [JsonConverter(typeof(JiraDateTimeConverter))]
    public DateTimeOffset? StartDate { get; set; }

    /// <summary>The planned end.</summary>
    [JsonPropertyName("endDate")]
    [JsonConverter(typeof(JiraDateTimeConverter))]
    public DateTimeOffset? EndDate { get; set; }

    /// <summary>When the sprint was closed.</summary>
    [JsonPropertyName("completeDate")]
    [JsonConverter(typeof(JiraDateTimeConverter))]
    public DateTimeOffset? CompleteDate { get; set; }

    /// <summary>When the sprint was created.</summary>
    [JsonPropertyName("createdDate")]
    [JsonConverter(typeof(JiraDateTimeConverter))]
    public DateTimeOffset? CreatedDate { get; set; }

    /// <summary>The board the sprint was created on.</summary>
    [JsonPropertyName("originBoardId")]
    public long? OriginBoardId { get; set; }

    /// <summary>The sprint goal (plain text; may be empty).</summary>
    [JsonPropertyName("goal")]
    public string? Goal { get; set; }

    /// <summary>Everything else Jira sent (e.g. Data Center's <c>rapidview_id</c>).</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }

    /// <summary>Jira's request id for the call that returned this sprint (null for sprints inside a page).</summary>
    [JsonIgnore]
    public string? RequestId { get; internal set; }

    /// <summary><see cref="State"/> as an enum; null when absent or a state this client does not know.</summary>
    [JsonIgnore]
    public SprintState? KnownState => State switch
    {
        "future" => SprintState.Future,
        "active" => SprintState.Active,
        "closed" => SprintState.Closed,
        _ => null,
    };
}

/// <summary>The lifecycle of a sprint: a future sprint is started (active), an active sprint is closed.</summary>
public enum SprintState
{
    /// <summary>Planned, not started.</summary>
    [JsonStringEnumMemberName("future")]
    Future,

    /// <summary>Running.</summary>
    [JsonStringEnumMemberName("active")]
    Active,

    /// <summary>Completed.</summary>
    [JsonStringEnumMemberName("closed")]
    Closed,
}
