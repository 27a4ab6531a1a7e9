using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraGate.Jira.Models;

/// <summary>An issue Jira just created: <c>{id, key, self}</c>.</summary>
public sealed class CreatedIssue
{
    /// <summary>The new issue's id.</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public string Id { get; set; } = "";

    /// <summary>The new issue's key, e.g. SEC-812.</summary>
    [JsonPropertyName("key")]
    [JsonRequired]
    public string Key { get; set; } = "";

    /// <summary>The REST URL of the new issue.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; set; }

    /// <summary>The outcome of a transition requested with the create (<c>{status, errorCollection}</c>), when one was.</summary>
    [JsonPropertyName("transition")]
    public JsonElement? Transition { get; set; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }

    /// <summary>Jira's request id for the call that created the issue.</summary>
    [JsonIgnore]
    public string? RequestId { get; internal set; }
}

/// <summary>
/// The outcome of <see cref="IssuesClient.BulkCreateIssuesAsync"/>: every element of the caller's list is either
/// in <see cref="Created"/> or in <see cref="Failed"/>, each with its index in that list. Element failures never
/// throw (Jira reports them inside a 201, or a 400 when a whole call failed): check <see cref="AllSucceeded"/>.
/// </summary>
public sealed class BulkCreateResult
{
    /// <summary>The issues created, in the order of the caller's list.</summary>
    [JsonPropertyName("created")]
    public required IReadOnlyList<BulkCreatedIssue> Created { get; init; }

    /// <summary>The elements Jira refused, in the order of the caller's list.</summary>
    [JsonPropertyName("failed")]
    public required IReadOnlyList<BulkCreateFailure> Failed { get; init; }

    /// <summary>True when every element was created.</summary>
    [JsonIgnore]
    public bool AllSucceeded => Failed.Count == 0;

    /// <summary>Jira's request ids, one per call made (Jira takes at most 50 issues a call).</summary>
    [JsonPropertyName("requestIds")]
    public required IReadOnlyList<string?> RequestIds { get; init; }
}

/// <summary>One created element of a bulk create.</summary>
/// <param name="Index">The element's index in the caller's list.</param>
/// <param name="Issue">The created issue.</param>
public sealed record BulkCreatedIssue(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("issue")] CreatedIssue Issue);

/// <summary>One refused element of a bulk create, with Jira's reasons.</summary>
/// <param name="Index">The element's index in the caller's list (Jira's failedElementNumber mapped back).</param>
/// <param name="Status">The HTTP status Jira gave the element (usually 400).</param>
/// <param name="ErrorMessages">Jira's general messages.</param>
/// <param name="Errors">Jira's per-field messages (field id → message).</param>
public sealed record BulkCreateFailure(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("status")] int? Status,
    [property: JsonPropertyName("errorMessages")] IReadOnlyList<string> ErrorMessages,
    [property: JsonPropertyName("errors")] IReadOnlyDictionary<string, string> Errors);
