using System.Text.Json.Nodes;

namespace JiraGate.Sandbox.Model;

public sealed class Issue
{
    public required long Id { get; set; }
    public required string Key { get; set; }
    public required long ProjectId { get; set; }
    public required string IssueTypeId { get; set; }
    public required string Summary { get; set; }
    public RichText? Description { get; set; }
    public RichText? Environment { get; set; }
    public required string StatusId { get; set; }
    public string? PriorityId { get; set; }
    public string? ResolutionId { get; set; }
    public DateTimeOffset? ResolutionDate { get; set; }
    public string? AssigneeAccountId { get; set; }
    public string? ReporterAccountId { get; set; }
    public required string CreatorAccountId { get; set; }
    public List<string> Labels { get; set; } = [];
    public List<long> ComponentIds { get; set; } = [];
    public List<long> FixVersionIds { get; set; } = [];
    public List<long> AffectedVersionIds { get; set; } = [];
    public required DateTimeOffset Created { get; set; }
    public required DateTimeOffset Updated { get; set; }
    public DateOnly? DueDate { get; set; }
    public long? ParentId { get; set; }
    public long? SecurityLevelId { get; set; }
    public List<long> SprintIds { get; set; } = [];
    /// <summary>Custom field values by field id (customfield_NNNNN), stored as Jira's v3 JSON shape.</summary>
    public Dictionary<string, JsonNode?> CustomFields { get; set; } = [];
    public long? TimeOriginalEstimateSeconds { get; set; }
    public long? TimeEstimateSeconds { get; set; }
    public List<Comment> Comments { get; set; } = [];
    public List<Worklog> Worklogs { get; set; } = [];
    public List<Attachment> Attachments { get; set; } = [];
    public List<ChangeGroup> Changelog { get; set; } = [];
    public Dictionary<string, JsonNode?> Properties { get; set; } = [];

    public long TimeSpentSeconds => Worklogs.Sum(w => w.TimeSpentSeconds);
}

public sealed class Visibility
{
    /// <summary>group | role.</summary>
    public required string Type { get; set; }
    public required string Value { get; set; }
    public string? Identifier { get; set; }
}

public sealed class Comment
{
    public required long Id { get; set; }
    public required string AuthorAccountId { get; set; }
    public required string UpdateAuthorAccountId { get; set; }
    public required RichText Body { get; set; }
    public required DateTimeOffset Created { get; set; }
    public required DateTimeOffset Updated { get; set; }
    public Visibility? Visibility { get; set; }
    public bool JsdPublic { get; set; } = true;
}

public sealed class Worklog
{
    public required long Id { get; set; }
    public required string AuthorAccountId { get; set; }
    public required string UpdateAuthorAccountId { get; set; }
    public RichText? Comment { get; set; }
    public required DateTimeOffset Started { get; set; }
    public required long TimeSpentSeconds { get; set; }
    public required DateTimeOffset Created { get; set; }
    public required DateTimeOffset Updated { get; set; }
    public Visibility? Visibility { get; set; }
}

public sealed class Attachment
{
    public required long Id { get; set; }
    public required string Filename { get; set; }
    public required string AuthorAccountId { get; set; }
    public required DateTimeOffset Created { get; set; }
    public required string MimeType { get; set; }
    public required byte[] Content { get; set; }
    public long Size => Content.LongLength;
}

public sealed class ChangeItem
{
    public required string Field { get; set; }
    public string FieldType { get; set; } = "jira";
    public string? FieldId { get; set; }
    public string? From { get; set; }
    public string? FromString { get; set; }
    public string? To { get; set; }
    public string? ToString_ { get; set; }
}

public sealed class ChangeGroup
{
    public required long Id { get; set; }
    public required string AuthorAccountId { get; set; }
    public required DateTimeOffset Created { get; set; }
    public List<ChangeItem> Items { get; set; } = [];
}
