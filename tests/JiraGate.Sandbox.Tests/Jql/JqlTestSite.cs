using System.Text.Json.Nodes;
using JiraGate.Sandbox.Jql;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Security;
using Microsoft.Extensions.Time.Testing;

namespace JiraGate.Sandbox.Tests.Jql;

/// <summary>
/// A small site for JQL tests: projects SEC and OPS (browsable by jira-users) and HR (hr-team only), four users,
/// Jira's usual statuses, types, priorities and resolutions, custom fields of every kind, sprints, components,
/// versions and a security level. The clock stands at Wednesday 2024-03-06 15:30 UTC.
/// </summary>
internal sealed class JqlTestSite : IDisposable
{
    public static readonly DateTimeOffset Now = new(2024, 3, 6, 15, 30, 0, TimeSpan.Zero);

    public JqlTestSite(SandboxFlavor flavor = SandboxFlavor.Cloud, int extraIssues = 0)
    {
        Time = new FakeTimeProvider(Now);
        var data = BuildData();
        for (var n = 0; n < extraIssues; n++)
        {
            data.Issues.Add(Issue(1000 + n, "BULK-" + (n + 1), 4, n % 2 == 0 ? "3" : "1", n % 3 == 0 ? "Task" : "Bug", Now.AddMinutes(-n)));
        }
        Site = new Site(data, Time, flavor);
    }

    public FakeTimeProvider Time { get; }

    public Site Site { get; }

    public User Alice => Site.UserByAccountId("acc-alice")!;

    public User Bob => Site.UserByAccountId("acc-bob")!;

    public User Carol => Site.UserByAccountId("acc-carol")!;

    public User Dave => Site.UserByAccountId("acc-dave")!;

    /// <summary>The keys a query returns, in order, for <paramref name="user"/> (Alice by default).</summary>
    public List<string> Keys(string jql, User? user = null, bool anonymous = false) => Site.Read(s =>
    {
        var caller = anonymous ? null : user ?? Alice;
        var compiled = JqlEngine.Compile(jql, JqlContext.For(s, caller));
        // As the search endpoint does: match first, then keep what the caller may see.
        return compiled.Search(s.Issues, i => PermissionService.CanBrowse(s, caller, i)).Select(i => i.Key).ToList();
    });

    /// <summary>The keys a query returns, sorted by key, for set comparisons.</summary>
    public List<string> Set(string jql, User? user = null) => [.. Keys(jql, user).Order(StringComparer.Ordinal)];

    /// <summary>The error messages a query is refused with (fails the test if it is accepted).</summary>
    public IReadOnlyList<string> Errors(string jql, User? user = null) =>
        Assert.Throws<JqlException>(() => Keys(jql, user)).ErrorMessages;

    public string Error(string jql, User? user = null) => Assert.Single(Errors(jql, user));

    public void Dispose() => Site.Dispose();

    private static SiteData BuildData()
    {
        var data = new SiteData
        {
            Users =
            [
                User("alice", "Alice Admin", ["g-users", "g-sec"]),
                User("bob", "Bob Builder", ["g-users"]),
                User("carol", "Carol Chen", ["g-users", "g-hr"]),
                User("dave", "Dave Outsider", []),
            ],
            Groups =
            [
                new Group { GroupId = "g-users", Name = "jira-users" },
                new Group { GroupId = "g-sec", Name = "security-team" },
                new Group { GroupId = "g-hr", Name = "hr-team" },
                new Group { GroupId = "g-empty", Name = "empty-group" },
            ],
            PermissionSchemes =
            [
                Scheme(1, "g-users"),
                Scheme(2, "g-hr"),
            ],
            SecuritySchemes =
            [
                new IssueSecurityScheme
                {
                    Id = 1,
                    Name = "Default",
                    Levels = [new SecurityLevel { Id = 10300, Name = "Internal", Members = [new SecurityLevelMember { HolderType = HolderTypes.Group, HolderParameter = "g-users" }] }],
                },
            ],
            Statuses =
            [
                new StatusDef { Id = "1", Name = "To Do", CategoryKey = StatusCategories.New },
                new StatusDef { Id = "3", Name = "In Progress", CategoryKey = StatusCategories.InProgress },
                new StatusDef { Id = "10001", Name = "Done", CategoryKey = StatusCategories.Done },
            ],
            Workflows = [new Workflow { Id = 1, Name = "Default", InitialStatusId = "1", StatusIds = ["1", "3", "10001"] }],
            IssueTypes =
            [
                new IssueTypeDef { Id = "10000", Name = "Epic", HierarchyLevel = 1 },
                new IssueTypeDef { Id = "10001", Name = "Task" },
                new IssueTypeDef { Id = "10002", Name = "Bug" },
                new IssueTypeDef { Id = "10003", Name = "Story" },
                new IssueTypeDef { Id = "10004", Name = "Sub-task", Subtask = true, HierarchyLevel = -1 },
            ],
            Priorities =
            [
                new PriorityDef { Id = "1", Name = "Highest" },
                new PriorityDef { Id = "2", Name = "High" },
                new PriorityDef { Id = "3", Name = "Medium", IsDefault = true },
                new PriorityDef { Id = "4", Name = "Low" },
                new PriorityDef { Id = "5", Name = "Lowest" },
            ],
            Resolutions =
            [
                new ResolutionDef { Id = "10000", Name = "Done" },
                new ResolutionDef { Id = "10001", Name = "Won't Do" },
                new ResolutionDef { Id = "10002", Name = "Duplicate" },
            ],
            CustomFields =
            [
                new CustomFieldDef { NumericId = 10016, Name = "Story Points", Kind = CustomFieldKinds.Number, CustomType = "float" },
                new CustomFieldDef { NumericId = 10020, Name = "Sprint", Kind = CustomFieldKinds.Sprint, CustomType = "gh-sprint" },
                new CustomFieldDef
                {
                    NumericId = 10030, Name = "Severity", Kind = CustomFieldKinds.Select, CustomType = "select",
                    Options = [new SelectOption { Id = "20001", Value = "Sev1" }, new SelectOption { Id = "20002", Value = "Sev2" }, new SelectOption { Id = "20003", Value = "Sev3" }],
                },
                new CustomFieldDef { NumericId = 10040, Name = "Notes", Kind = CustomFieldKinds.TextArea, CustomType = "textarea" },
                new CustomFieldDef { NumericId = 10041, Name = "Team", Kind = CustomFieldKinds.Text, CustomType = "textfield" },
                new CustomFieldDef { NumericId = 10050, Name = "Target date", Kind = CustomFieldKinds.Date, CustomType = "datepicker" },
                new CustomFieldDef { NumericId = 10060, Name = "Tags", Kind = CustomFieldKinds.Labels, CustomType = "labels" },
                new CustomFieldDef { NumericId = 10070, Name = "Approver", Kind = CustomFieldKinds.User, CustomType = "userpicker" },
            ],
            Projects =
            [
                new Project
                {
                    Id = 1, Key = "SEC", Name = "Security", LeadAccountId = "acc-alice", DefaultWorkflowId = 1, PermissionSchemeId = 1, IssueSecuritySchemeId = 1,
                    Components = [new Component { Id = 10100, Name = "Auth" }, new Component { Id = 10101, Name = "Network" }],
                    Versions =
                    [
                        new ProjectVersion { Id = 10200, Name = "1.0", Released = true },
                        new ProjectVersion { Id = 10201, Name = "1.1", Released = true },
                        new ProjectVersion { Id = 10202, Name = "2.0" },
                    ],
                },
                new Project
                {
                    Id = 2, Key = "OPS", Name = "Operations", LeadAccountId = "acc-bob", DefaultWorkflowId = 1, PermissionSchemeId = 1,
                    Components = [new Component { Id = 10110, Name = "Auth" }],
                    Versions = [new ProjectVersion { Id = 10210, Name = "1.0", Released = true }],
                },
                new Project { Id = 3, Key = "HR", Name = "People", LeadAccountId = "acc-carol", DefaultWorkflowId = 1, PermissionSchemeId = 2 },
                new Project { Id = 4, Key = "BULK", Name = "Bulk", LeadAccountId = "acc-alice", DefaultWorkflowId = 1, PermissionSchemeId = 1 },
            ],
            Sprints =
            [
                new Sprint { Id = 1, OriginBoardId = 1, Name = "SEC Sprint 1", State = SprintStates.Closed },
                new Sprint { Id = 2, OriginBoardId = 1, Name = "SEC Sprint 2", State = SprintStates.Active },
                new Sprint { Id = 3, OriginBoardId = 1, Name = "SEC Sprint 3", State = SprintStates.Future },
            ],
        };
        data.Issues.AddRange(Issues());
        return data;
    }

    private static IEnumerable<Issue> Issues()
    {
        var sec1 = Issue(101, "SEC-1", 1, "1", "Task", At(1, 10, 9));
        sec1.Summary = "Login page throws errors on submit";
        sec1.Description = RichText.FromPlainText("Users cannot log in after the upgrade.");
        (sec1.PriorityId, sec1.AssigneeAccountId, sec1.ReporterAccountId, sec1.CreatorAccountId) = ("2", "acc-alice", "acc-bob", "acc-bob");
        (sec1.Labels, sec1.ComponentIds, sec1.FixVersionIds, sec1.SprintIds) = (["security", "login"], [10100], [10201], [2]);
        (sec1.Updated, sec1.DueDate) = (At(1, 12, 0), new DateOnly(2024, 2, 1));
        sec1.CustomFields["customfield_10016"] = 3;
        sec1.CustomFields["customfield_10030"] = new JsonObject { ["id"] = "20001", ["value"] = "Sev1" };
        sec1.CustomFields["customfield_10041"] = "Blue Team";
        sec1.CustomFields["customfield_10050"] = "2024-03-15";
        sec1.CustomFields["customfield_10060"] = new JsonArray("pci", "external");
        sec1.CustomFields["customfield_10070"] = new JsonObject { ["accountId"] = "acc-carol" };
        sec1.Comments.Add(Comment(1, "Reproduced on staging with the Chrome browser."));

        var sec2 = Issue(102, "SEC-2", 1, "3", "Bug", At(2, 1, 8));
        sec2.Summary = "Firewall rules missing for policies";
        sec2.Description = RichText.FromPlainText("Check the exact phrase here before the rollout.");
        (sec2.PriorityId, sec2.AssigneeAccountId, sec2.ReporterAccountId) = ("1", "acc-bob", "acc-alice");
        (sec2.Labels, sec2.ComponentIds, sec2.FixVersionIds, sec2.AffectedVersionIds, sec2.SprintIds) = (["network"], [10101], [10202], [10200], [2]);
        sec2.CustomFields["customfield_10016"] = 5.5;
        sec2.CustomFields["customfield_10030"] = new JsonObject { ["id"] = "20002", ["value"] = "Sev2" };
        sec2.CustomFields["customfield_10040"] = JsonNode.Parse("""{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"Escalated to the vendor"}]}]}""");
        sec2.CustomFields["customfield_10050"] = "2024-04-01";
        sec2.Comments.Add(Comment(2, "Blocked on the firewall vendor."));

        var sec3 = Issue(103, "SEC-3", 1, "10001", "Story", At(3, 1, 12));
        sec3.Summary = "Rotate credentials quarterly";
        (sec3.PriorityId, sec3.ReporterAccountId, sec3.ResolutionId, sec3.ResolutionDate) = ("4", "acc-carol", "10000", At(3, 5, 16));
        (sec3.SecurityLevelId, sec3.SprintIds) = (10300, [1]);
        sec3.CustomFields["customfield_10020"] = new JsonArray(3);

        var sec4 = Issue(104, "SEC-4", 1, "1", "Sub-task", At(3, 2, 10));
        sec4.Summary = "Add unit tests for login";
        (sec4.PriorityId, sec4.AssigneeAccountId, sec4.ParentId, sec4.DueDate) = ("3", "acc-carol", 101, new DateOnly(2024, 3, 6));

        var sec10 = Issue(110, "SEC-10", 1, "3", "Task", At(3, 3, 10));
        sec10.Summary = "Audit logging for admin actions";
        sec10.Environment = RichText.FromPlainText("Production cluster");

        var ops1 = Issue(201, "OPS-1", 2, "3", "Task", At(1, 15, 10));
        ops1.Summary = "Deploy pipeline broken";
        (ops1.PriorityId, ops1.AssigneeAccountId, ops1.Labels, ops1.ComponentIds, ops1.FixVersionIds) = ("3", "acc-alice", ["ci"], [10110], [10210]);

        var ops2 = Issue(202, "OPS-2", 2, "10001", "Bug", At(2, 20, 10));
        ops2.Summary = "Disk full on build agent";
        (ops2.PriorityId, ops2.ResolutionId, ops2.ResolutionDate) = ("5", "10001", At(3, 6, 9));
        ops2.Environment = RichText.FromPlainText("Ubuntu 22.04 build agents");

        var hr1 = Issue(301, "HR-1", 3, "1", "Task", At(1, 5, 10));
        hr1.Summary = "Salary review";
        hr1.AssigneeAccountId = "acc-carol";

        return [sec1, sec2, sec3, sec4, sec10, ops1, ops2, hr1];
    }

    private static DateTimeOffset At(int month, int day, int hour) => new(2024, month, day, hour, 0, 0, TimeSpan.Zero);

    private static Issue Issue(long id, string key, long projectId, string statusId, string type, DateTimeOffset created) => new()
    {
        Id = id,
        Key = key,
        ProjectId = projectId,
        IssueTypeId = type switch { "Task" => "10001", "Bug" => "10002", "Story" => "10003", "Sub-task" => "10004", _ => "10000" },
        Summary = key,
        StatusId = statusId,
        CreatorAccountId = "acc-alice",
        ReporterAccountId = "acc-alice",
        Created = created,
        Updated = created,
    };

    private static Comment Comment(long id, string text) => new()
    {
        Id = id,
        AuthorAccountId = "acc-alice",
        UpdateAuthorAccountId = "acc-alice",
        Body = RichText.FromPlainText(text),
        Created = Now,
        Updated = Now,
    };

    private static User User(string name, string display, List<string> groups) => new()
    {
        AccountId = "acc-" + name,
        Name = name,
        Key = "JIRAUSER-" + name,
        DisplayName = display,
        EmailAddress = name + "@example.com",
        GroupIds = groups,
    };

    private static PermissionScheme Scheme(long id, string group) => new()
    {
        Id = id,
        Name = "Scheme " + id,
        Grants = [new PermissionGrant { Id = id, Permission = Permissions.BrowseProjects, HolderType = HolderTypes.Group, HolderParameter = group }],
    };
}
