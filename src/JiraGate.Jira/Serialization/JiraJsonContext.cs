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
[JsonSerializable(typeof(Board))]
[JsonSerializable(typeof(Sprint))]
[JsonSerializable(typeof(PageBeanResponse<Board>))]
[JsonSerializable(typeof(PageBeanResponse<Sprint>))]
[JsonSerializable(typeof(AgileIssuePage))]
[JsonSerializable(typeof(SoftwareIssuePage))]
[JsonSerializable(typeof(SprintUpdateRequest))]
[JsonSerializable(typeof(Comment))]
[JsonSerializable(typeof(Worklog))]
[JsonSerializable(typeof(Attachment))]
[JsonSerializable(typeof(IReadOnlyList<Attachment>))]
[JsonSerializable(typeof(AttachmentSettings))]
[JsonSerializable(typeof(Visibility))]
[JsonSerializable(typeof(CommentsPageResponse))]
[JsonSerializable(typeof(WorklogsPageResponse))]
[JsonSerializable(typeof(CommentWriteRequest))]
[JsonSerializable(typeof(WorklogWriteRequest))]
[JsonSerializable(typeof(IssueAttachmentsResponse))]
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
