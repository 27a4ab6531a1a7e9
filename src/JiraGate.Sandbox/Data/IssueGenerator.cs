using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Data;

/// <summary>Generates issues with their comments, worklogs, attachments and history, deterministically per seed.</summary>
internal sealed class IssueGenerator(SiteData data, DateTimeOffset now, SeedOptions options)
{
    private static readonly string[] Labels = ["security", "automated", "phishing", "malware", "triage", "customer", "backend", "frontend", "infra", "urgent"];
    private static readonly string[] Hosts = ["web-01", "db-02", "vpn-gw", "laptop-4411", "build-agent-7", "mail-relay"];
    private static readonly string[] Services = ["payments API", "CI runner", "S3 bucket", "SSO", "VPN", "wiki"];
    private static readonly string[] Verbs = ["Add", "Fix", "Refactor", "Document", "Speed up", "Remove"];
    private static readonly string[] Things = ["login page", "search results", "export to CSV", "rate limiter", "audit log", "settings screen", "webhook retries"];
    private static readonly string[] CommentTexts =
    [
        "Looked into this; logs attached.", "Reproduced on staging.", "Escalating to the on-call engineer.",
        "Automated enrichment complete. See attached IOC report.", "Waiting for the vendor.", "Fixed in the latest build, please verify.",
    ];

    private readonly Random _random = new(options.Seed);
    private readonly Dictionary<string, List<User>> _developers = [];

    public void Generate()
    {
        using var site = new Site(data, TimeProvider.System);
        foreach (var project in data.Projects)
        {
            _developers[project.Key] = [.. data.Users.Where(u => u.Active && site.Read(s => Security.PermissionService.Has(s, u, project, Permissions.AssignableUser)))];
        }
        var counts = options.Issues is { } total
            ? new Dictionary<string, int> { ["SEC"] = total * 40 / 100, ["ENG"] = total * 35 / 100, ["OPS"] = total * 20 / 100, ["HR"] = total - (total * 40 / 100) - (total * 35 / 100) - (total * 20 / 100) }
            : new Dictionary<string, int> { ["SEC"] = 500, ["ENG"] = 150, ["OPS"] = 80, ["HR"] = 20 };
        var big = options.Issues is > 5000;
        // Spread creation times over the past 180 days in key order, so keys and created dates agree.
        foreach (var project in data.Projects)
        {
            var count = counts[project.Key];
            for (var n = 0; n < count; n++)
            {
                var created = now - TimeSpan.FromMinutes((count - n) * (180.0 * 24 * 60 / Math.Max(count, 1)));
                var issue = NewIssue(site, project, created, big);
                data.Issues.Add(issue);
            }
        }
        ShapeDemoIssue();
    }

    private Issue NewIssue(Site site, Project project, DateTimeOffset created, bool big)
    {
        var number = project.NextIssueNumber++;
        var id = NextId("issue");
        var types = project.IssueTypeIds.Where(t => t != SiteSeeder.TypeSubtask && t != SiteSeeder.TypeEpic).ToList();
        var typeId = number % 25 == 0 && project.IssueTypeIds.Contains(SiteSeeder.TypeEpic) ? SiteSeeder.TypeEpic : Pick(types);
        var workflow = site.Workflow(project.WorkflowIdFor(typeId));
        var statusId = PickStatus(workflow);
        var devs = _developers[project.Key];
        var reporter = devs.Count > 0 ? Pick(devs).AccountId : project.LeadAccountId;
        var issue = new Issue
        {
            Id = id,
            Key = project.Key + "-" + number.ToString(CultureInfo.InvariantCulture),
            ProjectId = project.Id,
            IssueTypeId = typeId,
            Summary = Summary(project.Key, typeId, number),
            Description = _random.Next(10) < 8 ? Description(project.Key, number) : null,
            StatusId = statusId,
            PriorityId = data.Priorities[_random.Next(data.Priorities.Count)].Id,
            AssigneeAccountId = devs.Count > 0 && _random.Next(10) < 7 ? Pick(devs).AccountId : null,
            ReporterAccountId = reporter,
            CreatorAccountId = reporter,
            Created = created,
            Updated = created + TimeSpan.FromHours(_random.Next(1, 72)),
            Labels = [.. Enumerable.Range(0, _random.Next(3)).Select(_ => Pick(Labels)).Distinct()],
        };
        if (issue.Updated > now)
        {
            issue.Updated = now;
        }
        if (data.Statuses.First(s => s.Id == statusId).CategoryKey == StatusCategories.Done)
        {
            issue.ResolutionId = _random.Next(10) < 8 ? "10000" : Pick(data.Resolutions).Id;
            issue.ResolutionDate = issue.Updated;
        }
        if (project.Components.Count > 0 && _random.Next(2) == 0)
        {
            issue.ComponentIds.Add(Pick(project.Components).Id);
        }
        if (project.Versions.Count > 0 && _random.Next(3) == 0)
        {
            issue.FixVersionIds.Add(Pick(project.Versions).Id);
        }
        if (_random.Next(4) == 0)
        {
            issue.DueDate = DateOnly.FromDateTime((created + TimeSpan.FromDays(_random.Next(3, 60))).UtcDateTime);
        }
        AddCustomFields(project, issue);
        AddSprint(project, issue);
        if (project.Key == "SEC" && _random.Next(10) == 0)
        {
            issue.SecurityLevelId = _random.Next(2) == 0 ? SiteSeeder.LevelInternal : SiteSeeder.LevelRestricted;
        }
        if (issue.IssueTypeId is SiteSeeder.TypeStory or SiteSeeder.TypeTask && _random.Next(5) == 0)
        {
            var epic = data.Issues.LastOrDefault(i => i.ProjectId == project.Id && i.IssueTypeId == SiteSeeder.TypeEpic);
            issue.ParentId = epic?.Id;
        }
        AddActivity(issue, devs, big);
        if (statusId != workflow.InitialStatusId)
        {
            issue.Changelog.Add(new ChangeGroup
            {
                Id = NextId("changegroup"),
                AuthorAccountId = issue.AssigneeAccountId ?? reporter,
                Created = issue.Updated,
                Items = [new ChangeItem { Field = "status", FieldId = "status", From = workflow.InitialStatusId, FromString = data.Statuses.First(s => s.Id == workflow.InitialStatusId).Name, To = statusId, ToString_ = data.Statuses.First(s => s.Id == statusId).Name }],
            });
        }
        return issue;
    }

    private void AddCustomFields(Project project, Issue issue)
    {
        if (issue.IssueTypeId is SiteSeeder.TypeStory or SiteSeeder.TypeBug && _random.Next(3) > 0)
        {
            issue.CustomFields["customfield_" + SiteSeeder.Str(SiteSeeder.FieldStoryPoints)] = JsonValue.Create((double)Pick(new[] { 1, 2, 3, 5, 8, 13 }));
        }
        if (issue.IssueTypeId == SiteSeeder.TypeIncident || (project.Key == "SEC" && _random.Next(3) == 0))
        {
            var severity = data.CustomFields.First(f => f.NumericId == SiteSeeder.FieldSeverity);
            var option = Pick(severity.Options);
            issue.CustomFields[severity.Id] = new JsonObject { ["self"] = null, ["value"] = option.Value, ["id"] = option.Id };
            issue.CustomFields["customfield_" + SiteSeeder.Str(SiteSeeder.FieldIncidentDate)] = JsonValue.Create(issue.Created.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    private void AddSprint(Project project, Issue issue)
    {
        var board = data.Boards.FirstOrDefault(b => b.ProjectId == project.Id && b.Type == "scrum");
        if (board is null || issue.IssueTypeId == SiteSeeder.TypeEpic)
        {
            return;
        }
        var sprints = data.Sprints.Where(s => s.OriginBoardId == board.Id).ToList();
        var roll = _random.Next(10);
        var done = data.Statuses.First(s => s.Id == issue.StatusId).CategoryKey == StatusCategories.Done;
        Sprint? sprint = roll switch
        {
            < 2 when done => sprints.FirstOrDefault(s => s.State == SprintStates.Closed),
            < 5 => sprints.FirstOrDefault(s => s.State == SprintStates.Active),
            6 when !done => sprints.FirstOrDefault(s => s.State == SprintStates.Future),
            _ => null,
        };
        if (sprint is not null)
        {
            issue.SprintIds.Add(sprint.Id);
        }
    }

    private void AddActivity(Issue issue, List<User> devs, bool big)
    {
        var commentCount = big ? _random.Next(2) : _random.Next(4);
        for (var i = 0; i < commentCount; i++)
        {
            var author = devs.Count > 0 ? Pick(devs).AccountId : issue.CreatorAccountId;
            var at = issue.Created + TimeSpan.FromMinutes(30 * (i + 1));
            issue.Comments.Add(new Comment
            {
                Id = NextId("comment"),
                AuthorAccountId = author,
                UpdateAuthorAccountId = author,
                Body = RichText.FromPlainText(Pick(CommentTexts)),
                Created = at,
                Updated = at,
            });
        }
        if (!big && _random.Next(3) == 0)
        {
            var author = devs.Count > 0 ? Pick(devs).AccountId : issue.CreatorAccountId;
            issue.Worklogs.Add(new Worklog
            {
                Id = NextId("worklog"),
                AuthorAccountId = author,
                UpdateAuthorAccountId = author,
                Comment = RichText.FromPlainText("Investigation and write-up."),
                Started = issue.Created + TimeSpan.FromHours(1),
                TimeSpentSeconds = 60 * 30 * _random.Next(1, 9),
                Created = issue.Created + TimeSpan.FromHours(2),
                Updated = issue.Created + TimeSpan.FromHours(2),
            });
            issue.TimeOriginalEstimateSeconds = 8 * 3600;
            issue.TimeEstimateSeconds = Math.Max(0, 8 * 3600 - issue.TimeSpentSeconds);
        }
        if (!big && _random.Next(8) == 0)
        {
            issue.Attachments.Add(new Attachment
            {
                Id = NextId("attachment"),
                Filename = "notes-" + issue.Key.ToLowerInvariant() + ".txt",
                AuthorAccountId = issue.CreatorAccountId,
                Created = issue.Created + TimeSpan.FromHours(1),
                MimeType = "text/plain",
                Content = Encoding.UTF8.GetBytes("Notes for " + issue.Key + "\n"),
            });
        }
    }

    /// <summary>SEC-456 is the issue seed 000's SDK example transitions with id 31: keep it open and visible.</summary>
    private void ShapeDemoIssue()
    {
        var demo = data.Issues.FirstOrDefault(i => i.Key == "SEC-456");
        if (demo is null)
        {
            return;
        }
        demo.Summary = "Investigate suspicious login from 198.51.100.42";
        demo.IssueTypeId = SiteSeeder.TypeBug;
        demo.StatusId = SiteSeeder.StatusOpen;
        demo.ResolutionId = null;
        demo.ResolutionDate = null;
        demo.SecurityLevelId = null;
        demo.Labels = ["security", "automated"];
        demo.Changelog.Clear();
    }

    private string PickStatus(Workflow workflow)
    {
        // Weighted towards open work: first status 40%, the rest evenly.
        return _random.Next(10) < 4 ? workflow.InitialStatusId : Pick(workflow.StatusIds);
    }

    private string Summary(string projectKey, string typeId, long number) => projectKey switch
    {
        "SEC" when typeId == SiteSeeder.TypeEpic => "Security programme " + number.ToString(CultureInfo.InvariantCulture),
        "SEC" => _random.Next(5) switch
        {
            0 => $"Investigate suspicious login from 198.51.100.{_random.Next(1, 255)}",
            1 => "Phishing report: invoice from unknown sender",
            2 => "Malware alert on host " + Pick(Hosts),
            3 => "Rotate leaked credential for " + Pick(Services),
            _ => $"CVE-2026-{_random.Next(1000, 9999)} in {Pick(Services)}",
        },
        "HR" => "Onboarding checklist for new hire " + number.ToString(CultureInfo.InvariantCulture),
        "OPS" => $"{Pick(new[] { "Disk almost full on", "Restart", "Patch", "Rotate logs on" })} {Pick(Hosts)}",
        _ when typeId == SiteSeeder.TypeEpic => "Epic: " + Pick(Things),
        _ => $"{Pick(Verbs)} {Pick(Things)}",
    };

    private RichText Description(string projectKey, long number) => RichText.FromPlainText(projectKey switch
    {
        "SEC" => $"Alert raised by the SIEM for case {number}.\n\nSource IP 198.51.100.{_random.Next(1, 255)}; user agent curl/8.5.",
        _ => $"Context for item {number}.\n\nAcceptance: the change is tested and documented.",
    });

    private long NextId(string sequence)
    {
        var next = data.Sequences.TryGetValue(sequence, out var n) ? n : 10000;
        data.Sequences[sequence] = next + 1;
        return next;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
