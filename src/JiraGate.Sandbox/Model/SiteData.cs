namespace JiraGate.Sandbox.Model;

/// <summary>
/// Everything a sandbox site holds, as plain data: what is saved to and loaded from a state file.
/// <see cref="Site"/> wraps it with indexes and a lock.
/// </summary>
public sealed class SiteData
{
    public string SiteName { get; set; } = "sandbox";
    /// <summary>The site's cloud id (used in /ex/jira/{cloudId} and accessible-resources).</summary>
    public string CloudId { get; set; } = "5c1d1c1e-5a4d-4b0c-9e6f-000000000042";
    public List<User> Users { get; set; } = [];
    public List<Group> Groups { get; set; } = [];
    public List<GlobalGrant> GlobalGrants { get; set; } = [];
    public List<ProjectRole> Roles { get; set; } = [];
    public List<PermissionScheme> PermissionSchemes { get; set; } = [];
    public List<IssueSecurityScheme> SecuritySchemes { get; set; } = [];
    public List<StatusDef> Statuses { get; set; } = [];
    public List<Workflow> Workflows { get; set; } = [];
    public List<IssueTypeDef> IssueTypes { get; set; } = [];
    public List<PriorityDef> Priorities { get; set; } = [];
    public List<ResolutionDef> Resolutions { get; set; } = [];
    public List<CustomFieldDef> CustomFields { get; set; } = [];
    public List<RequiredFieldRule> RequiredFields { get; set; } = [];
    public List<Project> Projects { get; set; } = [];
    public List<Issue> Issues { get; set; } = [];
    public List<Board> Boards { get; set; } = [];
    public List<Sprint> Sprints { get; set; } = [];
    public List<AdminWebhook> AdminWebhooks { get; set; } = [];
    public List<DynamicWebhook> DynamicWebhooks { get; set; } = [];
    public List<OAuthClient> OAuthClients { get; set; } = [];
    /// <summary>Next id per sequence name (issue, comment, worklog, …).</summary>
    public Dictionary<string, long> Sequences { get; set; } = [];
    /// <summary>Upload limit in bytes reported by /attachment/meta and enforced on upload.</summary>
    public long AttachmentUploadLimit { get; set; } = 10 * 1024 * 1024;
}
