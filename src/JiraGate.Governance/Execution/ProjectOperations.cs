using System.Globalization;
using System.Text.Json;
using JiraGate.Governance.Pipeline;
using JiraGate.Jira;
using JiraGate.Jira.Models;

namespace JiraGate.Governance.Execution;

/// <summary>
/// Projects. Results: <c>projects:read</c> → <c>{items: [{id, key, name, project_type}], start_at, total?, is_last,
/// next_start_at?}</c>; <c>projects:read_detail</c> → <c>{id, key, name, description, lead, project_type, issue_types}</c>;
/// <c>projects:read_components</c> → <c>{project, items: [{id, name, description, lead}], total, truncated}</c>;
/// <c>projects:read_versions</c> → <c>{project, items: [{id, name, released, archived, release_date}], total, truncated}</c>.
/// </summary>
internal static class ProjectOperations
{
    // Components and versions are not paged in the catalog's arguments: read this many, return what fits.
    private const int ListLimit = 200;

    public static void Register(IDictionary<string, OperationHandler> handlers)
    {
        handlers["projects:read"] = ReadAsync;
        handlers["projects:read_detail"] = ReadDetailAsync;
        handlers["projects:read_components"] = ReadComponentsAsync;
        handlers["projects:read_versions"] = ReadVersionsAsync;
    }

    private static async Task<OperationOutput> ReadAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var startAt = Args.StartAt(args);
        var max = Args.PageSize(args);
        var options = new ProjectSearchOptions { Query = Args.String(args, "query"), StartAt = startAt, PageSize = max };
        var page = await run.Jira.Projects.SearchProjectsPageAsync(options, ct).ConfigureAwait(false);
        return Lists.OffsetPage(run, page, startAt, max, (w, p) =>
        {
            w.WriteStartObject();
            w.WriteString("id", p.Id);
            w.WriteString("key", p.Key);
            w.WriteString("name", p.Name);
            w.WriteString("project_type", p.ProjectTypeKey);
            w.WriteEndObject();
        });
    }

    private static async Task<OperationOutput> ReadDetailAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var key = Args.Required(args, "project_key");
        var project = await run.Jira.Projects.GetProjectAsync(key, cancellationToken: ct).ConfigureAwait(false);
        ScopeGuard.Check(run.Scope, project.Key, null, "project " + project.Key);
        return run.Result(null, r =>
        {
            var w = r.W;
            w.WriteString("id", project.Id);
            w.WriteString("key", project.Key);
            w.WriteString("name", project.Name);
            Json.Text(w, "description", project.Description, r.MaxTextChars);
            Json.User(w, "lead", project.Lead);
            w.WriteString("project_type", project.ProjectTypeKey);
            Json.Strings(w, "issue_types", project.IssueTypes?.Select(t => t.Name));
        });
    }

    private static async Task<OperationOutput> ReadComponentsAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var key = Args.Required(args, "project_key");
        ScopeGuard.Check(run.Scope, key, null, "project " + key);
        var components = new List<ProjectComponent>();
        await foreach (var c in run.Jira.Projects.GetComponentsAsync(key, new ComponentListOptions { Limit = ListLimit }, ct).ConfigureAwait(false))
        {
            components.Add(c);
        }
        return Lists.Whole(run, components, (w, c) =>
        {
            w.WriteStartObject();
            w.WriteString("id", c.Id);
            w.WriteString("name", c.Name);
            Json.Text(w, "description", c.Description, 500);
            Json.User(w, "lead", c.Lead);
            w.WriteEndObject();
        }, w => w.WriteString("project", key));
    }

    private static async Task<OperationOutput> ReadVersionsAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var key = Args.Required(args, "project_key");
        ScopeGuard.Check(run.Scope, key, null, "project " + key);
        var versions = new List<ProjectVersion>();
        await foreach (var v in run.Jira.Projects.GetVersionsAsync(key, new VersionListOptions { Limit = ListLimit }, ct).ConfigureAwait(false))
        {
            versions.Add(v);
        }
        return Lists.Whole(run, versions, (w, v) =>
        {
            w.WriteStartObject();
            w.WriteString("id", v.Id);
            w.WriteString("name", v.Name);
            w.WriteBoolean("released", v.Released == true);
            w.WriteBoolean("archived", v.Archived == true);
            w.WriteString("release_date", v.ReleaseDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }, w => w.WriteString("project", key));
    }
}
