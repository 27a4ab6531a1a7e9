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
[JsonSerializable(typeof(AdminWebhook))]
[JsonSerializable(typeof(IReadOnlyList<AdminWebhook>))]
[JsonSerializable(typeof(AdminWebhookBody))]
[JsonSerializable(typeof(DynamicWebhook))]
[JsonSerializable(typeof(PageBeanResponse<DynamicWebhook>))]
[JsonSerializable(typeof(DynamicWebhookRegistration))]
[JsonSerializable(typeof(DynamicWebhookRegistrationResult))]
[JsonSerializable(typeof(WebhookIdsBody))]
[JsonSerializable(typeof(WebhookRefreshResponse))]
internal sealed partial class JiraJsonContext : JsonSerializerContext;
