using System.Text.Json;
using JiraGate.Governance.Pipeline;
using JiraGate.Jira;
using JiraGate.Jira.Models;

namespace JiraGate.Governance.Execution;

/// <summary>
/// Issue writes. Everything an agent names is resolved before anything is written (issue type against the project's
/// createmeta, assignee email to exactly one user, transition by id, target status or name, custom field ids against
/// the site's fields). Results:
/// <list type="bullet">
/// <item><c>issues:create</c> → <c>{key, id, project, issue_type}</c>.</item>
/// <item><c>issues:update</c> → <c>{key, updated: [argument names set]}</c>.</item>
/// <item><c>issues:transition</c> → <c>{key, transition: {id, name}, status}</c> (status: the transition's target).</item>
/// <item><c>issues:assign</c> → <c>{key, assignee: user | null}</c>.</item>
/// <item><c>issues:bulk_create</c> → <c>{created: [{index, key, id}], failed: [{index, status, error_messages, errors}]}</c>.</item>
/// </list>
/// </summary>
internal static class IssueWriteOperations
{
    private static readonly string[] UpdateArguments = ["summary", "description", "priority", "labels", "assignee", "components", "custom_fields"];

    public static void Register(IDictionary<string, OperationHandler> handlers)
    {
        handlers["issues:create"] = CreateAsync;
        handlers["issues:update"] = UpdateAsync;
        handlers["issues:transition"] = TransitionAsync;
        handlers["issues:assign"] = AssignAsync;
        handlers["issues:bulk_create"] = BulkCreateAsync;
    }

    private static async Task<OperationOutput> CreateAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var (write, project, type) = await NewIssueAsync(run, args, "", new Dictionary<string, IReadOnlyList<IssueType>>(StringComparer.OrdinalIgnoreCase), ct).ConfigureAwait(false);
        var created = await run.Jira.Issues.CreateIssueAsync(write, cancellationToken: ct).ConfigureAwait(false);
        return run.Result(created.RequestId, r =>
        {
            r.W.WriteString("key", created.Key);
            r.W.WriteString("id", created.Id);
            r.W.WriteString("project", project);
            r.W.WriteString("issue_type", type.Name);
        });
    }

    /// <summary>The write for one new issue (issues:create, or one item of issues:bulk_create with its path as prefix).</summary>
    private static async Task<(IssueWrite Write, string Project, IssueType Type)> NewIssueAsync(OperationRun run, JsonElement args, string prefix,
        Dictionary<string, IReadOnlyList<IssueType>> typeCache, CancellationToken ct)
    {
        var project = Args.Required(args, "project_key");
        var typeName = Args.Required(args, "issue_type");
        ScopeGuard.Check(run.Scope, project, typeName, prefix + "the new issue");
        if (!typeCache.TryGetValue(project, out var types))
        {
            typeCache[project] = types = await JiraResolution.IssueTypesAsync(run, project, prefix + "project_key", ct).ConfigureAwait(false);
        }
        var type = JiraResolution.PickIssueType(project, types, typeName, prefix + "issue_type");
        var write = new IssueWrite().Project(project).IssueType(type.Id!).Summary(Args.Required(args, "summary"));
        await SetFieldsAsync(run, write, args, prefix, ct).ConfigureAwait(false);
        return (write, project, type);
    }

    /// <summary>Sets the optional fields shared by create and update; returns the argument names set.</summary>
    private static async Task<List<string>> SetFieldsAsync(OperationRun run, IssueWrite write, JsonElement args, string prefix, CancellationToken ct)
    {
        var set = new List<string>();
        if (Args.String(args, "summary") is { } summary && !write.FieldIds.Contains("summary"))
        {
            write.Summary(summary);
            set.Add("summary");
        }
        if (Args.String(args, "description") is { } description)
        {
            write.Description(description);
            set.Add("description");
        }
        if (Args.String(args, "priority") is { } priority)
        {
            write.Priority(priority);
            set.Add("priority");
        }
        if (Args.Strings(args, "labels") is { } labels)
        {
            write.Labels(labels);
            set.Add("labels");
        }
        if (Args.String(args, "assignee") is { } assignee)
        {
            write.Assignee((await JiraResolution.UserAsync(run, assignee, prefix + "assignee", ct).ConfigureAwait(false)).Id);
            set.Add("assignee");
        }
        if (Args.Strings(args, "components") is { } components)
        {
            write.Components(components);
            set.Add("components");
        }
        if (Args.Object(args, "custom_fields") is { } custom)
        {
            await JiraResolution.AddCustomFieldsAsync(run, write, custom, prefix + "custom_fields", ct).ConfigureAwait(false);
            set.Add("custom_fields");
        }
        return set;
    }

    private static async Task<OperationOutput> UpdateAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var key = Args.Required(args, "issue_key");
        await ScopeGuard.CheckIssueAsync(run, key, ct).ConfigureAwait(false);
        var write = new IssueWrite();
        var set = await SetFieldsAsync(run, write, args, "", ct).ConfigureAwait(false);
        if (write.IsEmpty)
        {
            throw new OperationArgumentException("issue_key", "Nothing to update: give at least one of " + string.Join(", ", UpdateArguments) + ".");
        }
        await run.Jira.Issues.UpdateIssueAsync(key, write, cancellationToken: ct).ConfigureAwait(false);
        return run.Result(null, r =>
        {
            r.W.WriteString("key", key);
            Json.Strings(r.W, "updated", set);
        });
    }

    private static async Task<OperationOutput> TransitionAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var key = Args.Required(args, "issue_key");
        await ScopeGuard.CheckIssueAsync(run, key, ct).ConfigureAwait(false);
        var transition = await JiraResolution.TransitionAsync(run, key, args, ct).ConfigureAwait(false);
        IssueWrite? changes = null;
        if (Args.Object(args, "fields") is { } fields)
        {
            changes = new IssueWrite();
            await JiraResolution.AddCustomFieldsAsync(run, changes, fields, "fields", ct).ConfigureAwait(false);
        }
        var options = new TransitionIssueOptions { Changes = changes, Comment = Args.String(args, "comment") };
        await run.Jira.Issues.TransitionIssueAsync(key, transition.Id, options, ct).ConfigureAwait(false);
        return run.Result(null, r =>
        {
            r.W.WriteString("key", key);
            r.W.WriteStartObject("transition");
            r.W.WriteString("id", transition.Id);
            r.W.WriteString("name", transition.Name);
            r.W.WriteEndObject();
            r.W.WriteString("status", transition.To?.Name);
        });
    }

    private static async Task<OperationOutput> AssignAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var key = Args.Required(args, "issue_key");
        await ScopeGuard.CheckIssueAsync(run, key, ct).ConfigureAwait(false);
        string? id = null;
        JiraUser? user = null;
        if (Args.String(args, "assignee") is { } assignee)
        {
            (id, user) = await JiraResolution.UserAsync(run, assignee, "assignee", ct).ConfigureAwait(false);
        }
        await run.Jira.Issues.AssignIssueAsync(key, id, ct).ConfigureAwait(false);
        return run.Result(null, r =>
        {
            r.W.WriteString("key", key);
            if (user is not null)
            {
                Json.User(r.W, "assignee", user);
            }
            else if (id is not null)
            {
                r.W.WriteStartObject("assignee");
                r.W.WriteString(run.Cloud ? "account_id" : "name", id);
                r.W.WriteEndObject();
            }
            else
            {
                r.W.WriteNull("assignee");
            }
        });
    }

    private static async Task<OperationOutput> BulkCreateAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var writes = new List<IssueWrite>();
        var types = new Dictionary<string, IReadOnlyList<IssueType>>(StringComparer.OrdinalIgnoreCase);
        if (args.ValueKind == JsonValueKind.Object && args.TryGetProperty("issues", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in items.EnumerateArray())
            {
                writes.Add((await NewIssueAsync(run, item, $"issues[{i}].", types, ct).ConfigureAwait(false)).Write);
                i++;
            }
        }
        if (writes.Count == 0)
        {
            throw new OperationArgumentException("issues", "issues: give at least one issue to create.");
        }
        var outcome = await run.Jira.Issues.BulkCreateIssuesAsync(writes, ct).ConfigureAwait(false);
        return run.Result(outcome.RequestIds.LastOrDefault(id => id is not null), r =>
        {
            var w = r.W;
            w.WriteStartArray("created");
            foreach (var created in outcome.Created)
            {
                w.WriteStartObject();
                w.WriteNumber("index", created.Index);
                w.WriteString("key", created.Issue.Key);
                w.WriteString("id", created.Issue.Id);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("failed");
            foreach (var failed in outcome.Failed)
            {
                w.WriteStartObject();
                w.WriteNumber("index", failed.Index);
                if (failed.Status is { } status)
                {
                    w.WriteNumber("status", status);
                }
                Json.Strings(w, "error_messages", failed.ErrorMessages);
                w.WriteStartObject("errors");
                foreach (var (field, message) in failed.Errors)
                {
                    w.WriteString(field, message);
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }
}
