using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Data;

public static partial class SiteSeeder
{
    private static void AddConfiguration(SiteData data)
    {
        data.Statuses.AddRange(
        [
            new StatusDef { Id = StatusOpen, Name = "Open", CategoryKey = StatusCategories.New, Description = "The issue is open and ready for the assignee to start work on it." },
            new StatusDef { Id = StatusInProgress, Name = "In Progress", CategoryKey = StatusCategories.InProgress, Description = "This issue is being actively worked on at the moment by the assignee." },
            new StatusDef { Id = StatusResolved, Name = "Resolved", CategoryKey = StatusCategories.Done, Description = "A resolution has been taken, and it is awaiting verification by reporter." },
            new StatusDef { Id = StatusClosed, Name = "Closed", CategoryKey = StatusCategories.Done, Description = "The issue is considered finished." },
            new StatusDef { Id = StatusToDo, Name = "To Do", CategoryKey = StatusCategories.New },
            new StatusDef { Id = StatusDone, Name = "Done", CategoryKey = StatusCategories.Done },
            new StatusDef { Id = StatusUnderReview, Name = "Under Review", CategoryKey = StatusCategories.InProgress, Description = "Waiting for a second analyst." },
        ]);
        // Transition ids differ per workflow, as in Jira: 31 is "Done" here and "Start Progress" in the incident workflow.
        data.Workflows.Add(new Workflow
        {
            Id = WorkflowSimplified,
            Name = "Software Simplified Workflow",
            InitialStatusId = StatusToDo,
            StatusIds = [StatusToDo, StatusInProgress, StatusDone],
            Transitions =
            [
                new TransitionDef { Id = "11", Name = "To Do", To = StatusToDo, ClearsResolution = true },
                new TransitionDef { Id = "21", Name = "In Progress", To = StatusInProgress, ClearsResolution = true },
                new TransitionDef { Id = "31", Name = "Done", To = StatusDone, ScreenFields = ["resolution"] },
            ],
        });
        data.Workflows.Add(new Workflow
        {
            Id = WorkflowIncident,
            Name = "SEC Incident Workflow",
            InitialStatusId = StatusOpen,
            StatusIds = [StatusOpen, StatusInProgress, StatusUnderReview, StatusResolved, StatusClosed],
            Transitions =
            [
                new TransitionDef { Id = "31", Name = "Start Progress", From = [StatusOpen], To = StatusInProgress },
                new TransitionDef { Id = "41", Name = "Send to Review", From = [StatusInProgress], To = StatusUnderReview },
                new TransitionDef { Id = "51", Name = "Resolve Issue", From = [StatusOpen, StatusInProgress, StatusUnderReview], To = StatusResolved, ScreenFields = ["resolution"], RequiredFields = ["resolution"] },
                new TransitionDef { Id = "61", Name = "Close Issue", From = [StatusResolved], To = StatusClosed },
                new TransitionDef { Id = "71", Name = "Reopen Issue", From = [StatusResolved, StatusClosed], To = StatusOpen, ClearsResolution = true },
                new TransitionDef { Id = "81", Name = "Stop Progress", From = [StatusInProgress], To = StatusOpen },
            ],
        });
        data.IssueTypes.AddRange(
        [
            new IssueTypeDef { Id = TypeEpic, Name = "Epic", Description = "A big user story that needs to be broken down.", HierarchyLevel = 1 },
            new IssueTypeDef { Id = TypeTask, Name = "Task", Description = "A task that needs to be done." },
            new IssueTypeDef { Id = TypeStory, Name = "Story", Description = "A user story." },
            new IssueTypeDef { Id = TypeSubtask, Name = "Sub-task", Description = "A small piece of a larger task.", Subtask = true, HierarchyLevel = -1 },
            new IssueTypeDef { Id = TypeBug, Name = "Bug", Description = "A problem which impairs or prevents the functions of the product." },
            new IssueTypeDef { Id = TypeIncident, Name = "Incident", Description = "A security or operational incident." },
        ]);
        data.Priorities.AddRange(
        [
            new PriorityDef { Id = "1", Name = "Highest", StatusColor = "#d04437", Description = "This problem will block progress." },
            new PriorityDef { Id = "2", Name = "High", StatusColor = "#f15C75", Description = "Serious problem that could block progress." },
            new PriorityDef { Id = "3", Name = "Medium", StatusColor = "#f79232", Description = "Has the potential to affect progress.", IsDefault = true },
            new PriorityDef { Id = "4", Name = "Low", StatusColor = "#707070", Description = "Minor problem or easily worked around." },
            new PriorityDef { Id = "5", Name = "Lowest", StatusColor = "#999999", Description = "Trivial problem with little or no impact on progress." },
        ]);
        data.Resolutions.AddRange(
        [
            new ResolutionDef { Id = "10000", Name = "Done", Description = "Work has been completed on this issue." },
            new ResolutionDef { Id = "10001", Name = "Won't Do", Description = "This issue won't be actioned." },
            new ResolutionDef { Id = "10002", Name = "Duplicate", Description = "The problem is a duplicate of an existing issue." },
            new ResolutionDef { Id = "10003", Name = "Cannot Reproduce", Description = "All attempts at reproducing this issue failed." },
        ]);
        const string Types = "com.atlassian.jira.plugin.system.customfieldtypes:";
        data.CustomFields.AddRange(
        [
            new CustomFieldDef { NumericId = FieldStoryPoints, Name = "Story Points", Kind = CustomFieldKinds.Number, CustomType = Types + "float", Description = "Measurement of complexity and/or size of a requirement." },
            new CustomFieldDef { NumericId = FieldSprint, Name = "Sprint", Kind = CustomFieldKinds.Sprint, CustomType = "com.pyxis.greenhopper.jira:gh-sprint", Description = "Jira Software sprint field" },
            new CustomFieldDef
            {
                NumericId = FieldSeverity, Name = "Severity", Kind = CustomFieldKinds.Select, CustomType = Types + "select",
                Options = [new() { Id = "10100", Value = "Sev1" }, new() { Id = "10101", Value = "Sev2" }, new() { Id = "10102", Value = "Sev3" }, new() { Id = "10103", Value = "Sev4" }],
            },
            new CustomFieldDef { NumericId = FieldRootCause, Name = "Root Cause", Kind = CustomFieldKinds.TextArea, CustomType = Types + "textarea" },
            new CustomFieldDef { NumericId = FieldIncidentDate, Name = "Incident Date", Kind = CustomFieldKinds.Date, CustomType = Types + "datepicker" },
            new CustomFieldDef { NumericId = FieldCustomerImpact, Name = "Customer Impact", Kind = CustomFieldKinds.Text, CustomType = Types + "textfield" },
        ]);
        data.RequiredFields.Add(new RequiredFieldRule { ProjectKey = "SEC", IssueTypeId = TypeIncident, FieldId = "customfield_" + Str(FieldSeverity) });
    }

    private static void AddProjects(SiteData data)
    {
        string Group(string name) => data.Groups.First(g => g.Name == name).GroupId;
        string Account(string name) => AccountIdFor(name);
        RoleActors Role(long id, string[] groups, string[] users) => new() { RoleId = id, GroupIds = [.. groups.Select(Group)], AccountIds = [.. users.Select(Account)] };
        var admins = new[] { "ada", "jiragate-bot" };
        data.Projects.Add(new Project
        {
            Id = 10000, Key = "SEC", Name = "Security Operations", LeadAccountId = Account("alice"),
            Description = "Security incidents, vulnerabilities and access reviews.",
            IssueTypeIds = [TypeEpic, TypeTask, TypeBug, TypeIncident, TypeSubtask],
            DefaultWorkflowId = WorkflowIncident, PermissionSchemeId = SchemeDefault, IssueSecuritySchemeId = SecuritySchemeSec,
            Roles = [Role(RoleUsers, [], []), Role(RoleDevelopers, ["sec-team"], []), Role(RoleAdministrators, [], admins)],
            Components = [new() { Id = 10000, Name = "Detection", LeadAccountId = Account("alice") }, new() { Id = 10001, Name = "Forensics" }, new() { Id = 10002, Name = "Vulnerability" }, new() { Id = 10003, Name = "Access" }],
            Versions = [new() { Id = 10000, Name = "2026.Q3", Released = true, ReleaseDate = new DateOnly(2026, 9, 30) }, new() { Id = 10001, Name = "2026.Q4", ReleaseDate = new DateOnly(2026, 12, 31) }],
        });
        data.Projects.Add(new Project
        {
            Id = 10001, Key = "ENG", Name = "Engineering", LeadAccountId = Account("carol"),
            Description = "Product engineering.",
            IssueTypeIds = [TypeEpic, TypeStory, TypeTask, TypeBug, TypeSubtask],
            DefaultWorkflowId = WorkflowSimplified, PermissionSchemeId = SchemeDefault,
            Roles = [Role(RoleUsers, ["jira-software-users"], []), Role(RoleDevelopers, ["eng-team"], []), Role(RoleAdministrators, [], admins)],
            Components = [new() { Id = 10010, Name = "API", LeadAccountId = Account("carol") }, new() { Id = 10011, Name = "Web" }, new() { Id = 10012, Name = "Infra" }],
            Versions = [new() { Id = 10010, Name = "1.0", Released = true, ReleaseDate = new DateOnly(2026, 6, 1) }, new() { Id = 10011, Name = "1.1", ReleaseDate = new DateOnly(2026, 12, 15) }, new() { Id = 10012, Name = "2.0" }],
        });
        data.Projects.Add(new Project
        {
            Id = 10002, Key = "OPS", Name = "Operations", LeadAccountId = Account("erin"),
            Description = "Operational work and incidents.",
            IssueTypeIds = [TypeTask, TypeIncident, TypeSubtask],
            DefaultWorkflowId = WorkflowSimplified, PermissionSchemeId = SchemeDefault,
            Roles = [Role(RoleUsers, ["jira-software-users"], []), Role(RoleDevelopers, ["ops-team", "sec-team"], []), Role(RoleAdministrators, [], admins)],
            Components = [new() { Id = 10020, Name = "Network" }, new() { Id = 10021, Name = "Database" }],
        });
        data.Projects.Add(new Project
        {
            Id = 10003, Key = "HR", Name = "People", LeadAccountId = Account("frank"),
            Description = "Confidential people operations.",
            IssueTypeIds = [TypeTask],
            DefaultWorkflowId = WorkflowSimplified, PermissionSchemeId = SchemeConfidential,
            Roles = [Role(RoleUsers, [], []), Role(RoleDevelopers, ["hr-team"], []), Role(RoleAdministrators, [], ["ada"])],
        });
    }

    private static void AddAgile(SiteData data, DateTimeOffset now)
    {
        data.Boards.AddRange(
        [
            new Board { Id = 42, Name = "SEC board", Type = "scrum", ProjectId = 10000, FilterJql = "project = SEC ORDER BY created DESC" },
            new Board { Id = 43, Name = "ENG board", Type = "scrum", ProjectId = 10001, FilterJql = "project = ENG ORDER BY created DESC" },
            new Board { Id = 44, Name = "OPS board", Type = "kanban", ProjectId = 10002, FilterJql = "project = OPS ORDER BY created DESC" },
        ]);
        var day = TimeSpan.FromDays(1);
        var sprintId = 1L;
        foreach (var (board, prefix) in new[] { (42L, "SEC"), (43L, "ENG") })
        {
            data.Sprints.Add(new Sprint { Id = sprintId++, OriginBoardId = board, Name = prefix + " Sprint 1", State = SprintStates.Closed, CreatedDate = now - 40 * day, StartDate = now - 35 * day, EndDate = now - 21 * day, CompleteDate = now - 21 * day, Goal = "Clear the backlog of stale alerts" });
            data.Sprints.Add(new Sprint { Id = sprintId++, OriginBoardId = board, Name = prefix + " Sprint 2", State = SprintStates.Active, CreatedDate = now - 22 * day, StartDate = now - 7 * day, EndDate = now + 7 * day, Goal = "Ship the quarter's commitments" });
            data.Sprints.Add(new Sprint { Id = sprintId++, OriginBoardId = board, Name = prefix + " Sprint 3", State = SprintStates.Future, CreatedDate = now - 2 * day });
        }
    }
}
