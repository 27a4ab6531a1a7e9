using System.Diagnostics.CodeAnalysis;

namespace JiraGate.Sandbox.Model;

/// <summary>Which Jira the sandbox pretends to be.</summary>
public enum SandboxFlavor
{
    /// <summary>Jira Cloud: REST v3 (ADF), /search/jql with nextPageToken, accountIds.</summary>
    Cloud,
    /// <summary>Jira Data Center: REST v2 (wiki markup), startAt/total search, users by name/key, PATs.</summary>
    DataCenter,
}

/// <summary>Receives every change as it happens, under the site's write lock (webhook dispatch).</summary>
public interface ISiteEventSink
{
    void OnEvent(Site site, SiteEvent siteEvent);
}

/// <summary>A change to the site: issue, comment, worklog or sprint event, as Jira names them.</summary>
/// <param name="WebhookEvent">jira:issue_created, jira:issue_updated, jira:issue_deleted, comment_created, …</param>
/// <param name="Issue">The issue concerned (its state after the change; before it, for deletes).</param>
/// <param name="Payload">The delivery body Jira would send.</param>
public sealed record SiteEvent(string WebhookEvent, Issue? Issue, System.Text.Json.Nodes.JsonObject Payload);

/// <summary>
/// The live state of one sandbox site: <see cref="SiteData"/> plus indexes, behind a reader/writer lock.
/// All reads and writes go through <see cref="Read{T}"/> and <see cref="Write{T}"/>; the index
/// methods below are only valid inside them.
/// </summary>
public sealed class Site : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.SupportsRecursion);
    private readonly Dictionary<long, Issue> _issuesById = [];
    private readonly Dictionary<string, Issue> _issuesByKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, User> _usersByAccountId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, User> _usersByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, User> _usersByKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Project> _projectsByKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<long, Project> _projectsById = [];
    private readonly List<ISiteEventSink> _sinks = [];

    public Site(SiteData data, TimeProvider time, SandboxFlavor flavor = SandboxFlavor.Cloud)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(time);
        Data = data;
        Time = time;
        Flavor = flavor;
        Reindex();
    }

    public SiteData Data { get; private set; }
    public TimeProvider Time { get; }
    public SandboxFlavor Flavor { get; }

    /// <summary>Bumped on every write; caches keyed on it are never stale.</summary>
    public long Version { get; private set; }

    public void AddSink(ISiteEventSink sink) => _sinks.Add(sink);

    public T Read<T>(Func<Site, T> read)
    {
        _lock.EnterReadLock();
        try
        {
            return read(this);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public T Write<T>(Func<Site, T> write)
    {
        _lock.EnterWriteLock();
        try
        {
            Version++;
            return write(this);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public void Write(Action<Site> write) => Write<bool>(s =>
    {
        write(s);
        return true;
    });

    /// <summary>Replaces the whole state (loading a state file).</summary>
    public void Replace(SiteData data) => Write(s =>
    {
        s.Data = data;
        s.Reindex();
    });

    public DateTimeOffset Now => Time.GetUtcNow();

    public long NextId(string sequence, long start = 10000)
    {
        var next = Data.Sequences.TryGetValue(sequence, out var n) ? n : start;
        Data.Sequences[sequence] = next + 1;
        return next;
    }

    /// <summary>Publishes a change to the sinks; call inside <see cref="Write{T}"/>.</summary>
    public void Publish(SiteEvent siteEvent)
    {
        foreach (var sink in _sinks)
        {
            sink.OnEvent(this, siteEvent);
        }
    }

    // ---- issues ----

    public IEnumerable<Issue> Issues => Data.Issues;

    public bool TryGetIssue(string idOrKey, [NotNullWhen(true)] out Issue? issue)
    {
        if (long.TryParse(idOrKey, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return _issuesById.TryGetValue(id, out issue);
        }
        return _issuesByKey.TryGetValue(idOrKey, out issue);
    }

    public Issue? IssueById(long id) => _issuesById.GetValueOrDefault(id);

    public void AddIssue(Issue issue)
    {
        Data.Issues.Add(issue);
        _issuesById[issue.Id] = issue;
        _issuesByKey[issue.Key] = issue;
    }

    public void RemoveIssue(Issue issue)
    {
        Data.Issues.Remove(issue);
        _issuesById.Remove(issue.Id);
        _issuesByKey.Remove(issue.Key);
    }

    public IEnumerable<Issue> SubtasksOf(Issue parent) =>
        Data.Issues.Where(i => i.ParentId == parent.Id && IssueType(i.IssueTypeId)?.Subtask == true);

    public IEnumerable<Issue> ChildrenOf(Issue parent) => Data.Issues.Where(i => i.ParentId == parent.Id);

    // ---- users and groups ----

    public User? UserByAccountId(string? accountId) =>
        accountId is null ? null : _usersByAccountId.GetValueOrDefault(accountId);

    public User? UserByName(string? name) => name is null ? null : _usersByName.GetValueOrDefault(name);

    public User? UserByKey(string? key) => key is null ? null : _usersByKey.GetValueOrDefault(key);

    public User? UserByEmail(string email) =>
        Data.Users.FirstOrDefault(u => string.Equals(u.EmailAddress, email, StringComparison.OrdinalIgnoreCase));

    public Group? GroupById(string groupId) => Data.Groups.FirstOrDefault(g => g.GroupId == groupId);

    public Group? GroupByName(string name) =>
        Data.Groups.FirstOrDefault(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<User> MembersOf(Group group) => Data.Users.Where(u => u.GroupIds.Contains(group.GroupId));

    // ---- projects and configuration ----

    public IEnumerable<Project> Projects => Data.Projects;

    public Project? ProjectById(long id) => _projectsById.GetValueOrDefault(id);

    public bool TryGetProject(string idOrKey, [NotNullWhen(true)] out Project? project)
    {
        if (long.TryParse(idOrKey, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return _projectsById.TryGetValue(id, out project);
        }
        return _projectsByKey.TryGetValue(idOrKey, out project);
    }

    public Project ProjectOf(Issue issue) => _projectsById[issue.ProjectId];

    public StatusDef? Status(string? id) => id is null ? null : Data.Statuses.FirstOrDefault(s => s.Id == id);

    public IssueTypeDef? IssueType(string? id) => id is null ? null : Data.IssueTypes.FirstOrDefault(t => t.Id == id);

    public PriorityDef? Priority(string? id) => id is null ? null : Data.Priorities.FirstOrDefault(p => p.Id == id);

    public ResolutionDef? Resolution(string? id) => id is null ? null : Data.Resolutions.FirstOrDefault(r => r.Id == id);

    public Workflow Workflow(long id) => Data.Workflows.First(w => w.Id == id);

    public Workflow WorkflowOf(Issue issue) => Workflow(ProjectOf(issue).WorkflowIdFor(issue.IssueTypeId));

    public PermissionScheme PermissionScheme(long id) => Data.PermissionSchemes.First(s => s.Id == id);

    public IssueSecurityScheme? SecurityScheme(long? id) =>
        id is null ? null : Data.SecuritySchemes.FirstOrDefault(s => s.Id == id);

    public SecurityLevel? SecurityLevel(long? id) =>
        id is null ? null : Data.SecuritySchemes.SelectMany(s => s.Levels).FirstOrDefault(l => l.Id == id);

    public CustomFieldDef? CustomField(string id) => Data.CustomFields.FirstOrDefault(f => f.Id == id);

    public CustomFieldDef? CustomFieldByName(string name) =>
        Data.CustomFields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    public Sprint? SprintById(long id) => Data.Sprints.FirstOrDefault(s => s.Id == id);

    public Board? BoardById(long id) => Data.Boards.FirstOrDefault(b => b.Id == id);

    public Component? ComponentById(long id) =>
        Data.Projects.SelectMany(p => p.Components).FirstOrDefault(c => c.Id == id);

    public ProjectVersion? VersionById(long id) =>
        Data.Projects.SelectMany(p => p.Versions).FirstOrDefault(v => v.Id == id);

    private void Reindex()
    {
        _issuesById.Clear();
        _issuesByKey.Clear();
        _usersByAccountId.Clear();
        _usersByName.Clear();
        _usersByKey.Clear();
        _projectsById.Clear();
        _projectsByKey.Clear();
        foreach (var issue in Data.Issues)
        {
            _issuesById[issue.Id] = issue;
            _issuesByKey[issue.Key] = issue;
        }
        foreach (var user in Data.Users)
        {
            _usersByAccountId[user.AccountId] = user;
            _usersByName[user.Name] = user;
            _usersByKey[user.Key] = user;
        }
        foreach (var project in Data.Projects)
        {
            _projectsById[project.Id] = project;
            _projectsByKey[project.Key] = project;
        }
    }

    public void Dispose() => _lock.Dispose();
}
