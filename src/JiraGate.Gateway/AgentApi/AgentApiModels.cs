using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraGate.Gateway.AgentApi;

/// <summary>The answer of GET /v1/operations: what this agent may call.</summary>
public sealed class OperationListResponse
{
    /// <summary>The calling agent's id.</summary>
    [JsonPropertyName("agent")]
    public required string Agent { get; init; }

    /// <summary>The operations the agent's bound policies grant (denied ones are not listed), in catalog order.</summary>
    [JsonPropertyName("operations")]
    public required IReadOnlyList<OperationInfo> Operations { get; init; }
}

/// <summary>One operation an agent may call.</summary>
public sealed class OperationInfo
{
    /// <summary>The operation name, e.g. <c>issues:create</c>; POST it to /v1/operations/{name}.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The API family, e.g. <c>Issues</c>.</summary>
    [JsonPropertyName("family")]
    public required string Family { get; init; }

    /// <summary><c>low</c>, <c>medium</c> or <c>high</c>.</summary>
    [JsonPropertyName("risk")]
    public required string Risk { get; init; }

    /// <summary><c>none</c>, <c>auto</c> or <c>hitl</c> (a human must approve; the call answers 202).</summary>
    [JsonPropertyName("approval")]
    public required string Approval { get; init; }

    /// <summary>Where a hitl request goes, e.g. <c>#jira-approvals</c>.</summary>
    [JsonPropertyName("hitl_channel")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? HitlChannel { get; init; }

    /// <summary>True when the grant or approval depends on the arguments (a policy's <c>where</c> or <c>escalate</c>).</summary>
    [JsonPropertyName("conditional")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Conditional { get; init; }

    /// <summary>What the operation does.</summary>
    [JsonPropertyName("description")]
    public required string Description { get; init; }

    /// <summary>The JSON Schema (draft 2020-12) of the arguments object.</summary>
    [JsonPropertyName("parameters")]
    public required JsonElement Parameters { get; init; }
}

/// <summary>The answer of a call that was carried out (200).</summary>
public sealed class OperationCallResponse
{
    /// <summary>The operation.</summary>
    [JsonPropertyName("operation")]
    public required string Operation { get; init; }

    /// <summary>Jira's answer, normalised (rich text as Markdown).</summary>
    [JsonPropertyName("result")]
    public required JsonElement Result { get; init; }

    /// <summary>Jira's request id, when Jira answered.</summary>
    [JsonPropertyName("jira_request_id")]
    public string? JiraRequestId { get; init; }

    /// <summary>The approval that was executed (auto or hitl), if one was needed.</summary>
    [JsonPropertyName("approval_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ApprovalId { get; init; }
}

/// <summary>The state of an approval: 202 from a call that needs one, 200 from GET /v1/approvals/{id}.</summary>
public sealed class ApprovalStatusResponse
{
    /// <summary>The approval's id.</summary>
    [JsonPropertyName("approval_id")]
    public required string ApprovalId { get; init; }

    /// <summary><c>pending</c> or <c>executed</c> (refusals and failures are problem+json).</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>The operation asked for.</summary>
    [JsonPropertyName("operation")]
    public required string Operation { get; init; }

    /// <summary>When a pending approval expires.</summary>
    [JsonPropertyName("expires_at")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Where the request was sent for a decision.</summary>
    [JsonPropertyName("channel")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Channel { get; init; }

    /// <summary>Jira's answer once executed.</summary>
    [JsonPropertyName("result")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Result { get; init; }

    /// <summary>Jira's request id once executed.</summary>
    [JsonPropertyName("jira_request_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? JiraRequestId { get; init; }

    /// <summary>Where to poll.</summary>
    [JsonPropertyName("links")]
    public required ApprovalLinks Links { get; init; }
}

/// <summary>Links of an approval.</summary>
public sealed class ApprovalLinks
{
    /// <summary>GET this to collect the status or result.</summary>
    [JsonPropertyName("self")]
    public required string Self { get; init; }
}

/// <summary>The JSON of the agent API's answers (source-generated; problems are written by hand).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(OperationListResponse))]
[JsonSerializable(typeof(OperationCallResponse))]
[JsonSerializable(typeof(ApprovalStatusResponse))]
[JsonSerializable(typeof(JsonElement))]
// Only for the OpenAPI document's ProducesProblem schemas: under Native AOT there is no reflection fallback to describe it.
[JsonSerializable(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))]
internal sealed partial class AgentApiJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The generated metadata with relaxed escaping, for writing answers: they are application/json for agents and
    /// scripts, never HTML, so "+00:00" and "Müller" stay as they are instead of "\u002B00:00" and "M\u00FCller".
    /// </summary>
    public static AgentApiJsonContext Answers { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
