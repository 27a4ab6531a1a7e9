using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraGate.Cli.Admin;

// The --json shapes of the admin commands: snake_case, nulls left out, one document per command on stdout.

internal sealed record PolicyErrorJson(string File, int Line, int Column, string Code, string Message);

internal sealed record PolicySummaryJson(string Name, IReadOnlyList<string> Operations, IReadOnlyList<string> Deny, string RiskMax,
    string ApprovalLow, string ApprovalMedium, string ApprovalHigh, string? HitlChannel, string? Source);

internal sealed record PolicyValidateJson(bool Valid, IReadOnlyList<string> Files, IReadOnlyList<PolicyErrorJson> Errors, IReadOnlyList<PolicySummaryJson> Policies);

internal sealed record PolicyExplainJson(string Operation, string Effect, string Approval, string? Policy, string? Glob, string Rule,
    string Reason, bool Escalated, string? HitlChannel, IReadOnlyList<string> BoundPolicies, IReadOnlyList<string> Trace);

internal sealed record PolicyTestCaseJson(string Name, string Source, string Operation, string Expect, string? Actual, bool Passed, string Explanation);

internal sealed record PolicyTestJson(bool Passed, int PassedCount, int FailedCount, IReadOnlyList<PolicyErrorJson> Errors, IReadOnlyList<PolicyTestCaseJson> Cases);

internal sealed record AuditVerifyJson(bool Valid, long RecordsChecked, long LastGoodSeq, string? HeadHash, int CheckpointsVerified,
    string? Problem, long? FirstBadSeq, string? Message);

internal sealed record AuditOutcomeJson(string Status, int? HttpStatus, long DurationMs, string? JiraRequestId, string? ErrorCode, string? ErrorMessage);

internal sealed record AuditRecordJson(long Seq, DateTimeOffset Timestamp, string Kind, string Agent, string Org, string Operation, string? Risk,
    string? Decision, string? Policy, string? ApprovalId, JsonElement? Parameters, long? IntentSeq, AuditOutcomeJson? Outcome, string Hash);

internal sealed record ApprovalJson(string Id, string State, string AgentId, string OrgId, string? AgentOwner, string Operation, string? Policy,
    string? Channel, string Risk, bool Automatic, JsonElement? Arguments, string ArgumentsSha256, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionComment, string? ExecutedBy, DateTimeOffset? CompletedAt, JsonElement? Result, string? Error);

internal sealed record ApprovalActionJson(string Id, string Action, bool Succeeded, string? Refusal, string Message, string? State,
    bool Executed, string? ExecutionStatus, string? ExecutionError, JsonElement? Result);

internal sealed record AgentJson(string Id, string OrgId, string DisplayName, string Owner, IReadOnlyList<string> Policies, bool Enabled,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

internal sealed record IssuedKeyJson(string HolderId, string KeyId, string Key, string? GracePeriod, string Note);

internal sealed record ApproverJson(string Id, string OrgId, string DisplayName, string? Email, bool Enabled, DateTimeOffset CreatedAt);

internal sealed record VaultFieldJson(string Name, string Value, bool Secret);

internal sealed record VaultEntryJson(string Path, string Kind, string Description, DateTimeOffset? ExpiresAt, string ExpiryState, bool Revealed,
    IReadOnlyList<VaultFieldJson> Fields);

internal sealed record VaultListItemJson(string Path, string Kind, string Description, DateTimeOffset? ExpiresAt, string ExpiryState, DateTimeOffset? UpdatedAt);

internal sealed record VaultChangeJson(string Path, string Action, string? Kind);

internal sealed record DoctorCheckJson(string Name, string Status, string Detail, string? Fix);

internal sealed record DoctorJson(bool Healthy, string Target, IReadOnlyList<DoctorCheckJson> Checks);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PolicyValidateJson))]
[JsonSerializable(typeof(PolicyExplainJson))]
[JsonSerializable(typeof(PolicyTestJson))]
[JsonSerializable(typeof(AuditVerifyJson))]
[JsonSerializable(typeof(IReadOnlyList<AuditRecordJson>))]
[JsonSerializable(typeof(AuditRecordJson))]
[JsonSerializable(typeof(IReadOnlyList<ApprovalJson>))]
[JsonSerializable(typeof(ApprovalJson))]
[JsonSerializable(typeof(ApprovalActionJson))]
[JsonSerializable(typeof(IReadOnlyList<AgentJson>))]
[JsonSerializable(typeof(AgentJson))]
[JsonSerializable(typeof(IssuedKeyJson))]
[JsonSerializable(typeof(IReadOnlyList<ApproverJson>))]
[JsonSerializable(typeof(VaultEntryJson))]
[JsonSerializable(typeof(IReadOnlyList<VaultListItemJson>))]
[JsonSerializable(typeof(VaultChangeJson))]
[JsonSerializable(typeof(DoctorJson))]
internal sealed partial class AdminJsonContext : JsonSerializerContext;

/// <summary>Writes one --json document to stdout.</summary>
internal static class AdminJsonOutput
{
    public static void Write<T>(AdminInvocation invocation, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        invocation.Out.WriteLine(JsonSerializer.Serialize(value, type));

    /// <summary>Parses stored JSON text for embedding; null when it is not JSON (then it is left out, never guessed).</summary>
    public static JsonElement? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>Compact (one line per document) for streamed JSON Lines output such as <c>audit tail --follow --json</c>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AuditRecordJson))]
internal sealed partial class AdminJsonLines : JsonSerializerContext;
