using System.Text.Json;
using System.Text.Json.Serialization;
using JiraGate.Jira.Models;

namespace JiraGate.Jira.Serialization;

/// <summary>
/// The assembly's one JSON context (source-generated, AOT-safe). Every serialiser call passes
/// <c>JiraJsonContext.Default.X</c>; a model missing here fails the build, not a request.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(Issue))]
[JsonSerializable(typeof(IssueFields))]
[JsonSerializable(typeof(JiraUser))]
[JsonSerializable(typeof(Project))]
[JsonSerializable(typeof(IReadOnlyList<Project>))]
[JsonSerializable(typeof(ServerInfo))]
[JsonSerializable(typeof(SearchJqlResponse))]
[JsonSerializable(typeof(SearchJqlRequest))]
[JsonSerializable(typeof(SearchOffsetResponse))]
[JsonSerializable(typeof(SearchOffsetRequest))]
[JsonSerializable(typeof(PageBeanResponse<Project>))]
[JsonSerializable(typeof(TenantInfo))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonObject))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonNode))]
[JsonSerializable(typeof(CreatedIssue))]
[JsonSerializable(typeof(TransitionsResponse))]
[JsonSerializable(typeof(CreateMetaResponse<IssueType>))]
[JsonSerializable(typeof(CreateMetaResponse<FieldMetadata>))]
[JsonSerializable(typeof(IssueEditMeta))]
[JsonSerializable(typeof(PageBeanResponse<ChangeGroup>))]
[JsonSerializable(typeof(ExpandedChangelog))]
[JsonSerializable(typeof(ErrorCollection))]
[JsonSerializable(typeof(BulkCreateResponse))]
[JsonSerializable(typeof(BulkFetchResponse))]
[JsonSerializable(typeof(ApproximateCountResponse))]
[JsonSerializable(typeof(PropertyKeysResponse))]
[JsonSerializable(typeof(EntityProperty))]
[JsonSerializable(typeof(SearchOffsetPage))]
[JsonSerializable(typeof(BulkCreateResult))]
internal sealed partial class JiraJsonContext : JsonSerializerContext;
