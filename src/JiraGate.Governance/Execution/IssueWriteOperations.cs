using System.Text.Json;
using JiraGate.Governance.Pipeline;
using JiraGate.Jira;
using JiraGate.Jira.Models;
using JiraGate.Jira.Tickets;
using System.Text.Json.Nodes;

namespace JiraGate.Governance.Execution;

/// <summary>
/// Issue writes, through the client's ticket helpers (<see cref="JiraTickets"/>) where they exist. Everything an agent
/// names is resolved before anything is written (issue type against the project's createmeta and the create screen's
/// required fields, assignee email to exactly one user, transition by id, target status or name with the screen's
/// required fields, custom fields against the site's fields); their mistakes become <see cref="OperationArgumentException"/>s
/// naming the argument. Results:
/// <list type="bullet">
/// <item><c>issues:create</c> → <c>{key, id, project}</c>.</item>
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
        var project = Args.Required(args, "project_key");
        var type = Args.Required(args, "issue_type");
        ScopeGuard.Check(run.Scope, project, type, "the new issue");
        var options = new CreateTicketOptions
        {
            Description = Args.String(args, "description"),
            Assignee = Args.String(args, "assignee"),
            Priority = Args.String(args, "priority"),
            Labels = Args.Strings(args, "labels"),
            Fields = TicketFields(args),
        };
        CreatedIssue created;
        try
        {
            created = await run.Tickets.CreateTicketAsync(project, type, Args.Required(args, "summary"), options, ct).ConfigureAwait(false);
        }
        catch (JiraTicketException ex)
        {
            throw TicketErrors.Map(ex, null);
        }
        return run.Result(created.RequestId, r =>
        {
            r.W.WriteString("key", created.Key);
            r.W.WriteString("id", created.Id);
            r.W.WriteString("project", project);
        });
    }

    /// <summary>components and custom_fields as the ticket helper's fields (by id; components by name).</summary>
    private static Dictionary<string, JsonNode?>? TicketFields(JsonElement args)
    {
        var fields = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (Args.Strings(args, "components") is { } components)
        {
            fields["components"] = new JsonArray([.. components.Select(c => (JsonNode?)JsonValue.Create(c))]);
        }
        if (Args.Object(args, "custom_fields") is { } custom)
        {
            foreach (var property in custom.EnumerateObject())
            {
                fields[property.Name] = JsonNode.Parse(property.Value.GetRawText());
            }
        }
        return fields.Count == 0 ? null : fields;
    }

    private static async Task<OperationOutput> UpdateAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var key = Args.Required(args, "issue_key");
        var set = UpdateArguments.Where(a => Args.Has(args, a)).ToList();
        var changes = new TicketChanges
        {
            Summary = Args.String(args, "summary"),
            Description = Args.String(args, "description"),
            Priority = Args.String(args, "priority"),
            Labels = Args.Strings(args, "labels"),
            Assignee = Args.String(args, "assignee"),
            Fields = TicketFields(args),
        };
        if (set.Count == 0 || (set is ["custom_fields"] && changes.Fields is null))
        {
            throw new OperationArgumentException("issue_key", "Nothing to update: give at least one of " + string.Join(", ", UpdateArguments) + ".");
        }
        await ScopeGuard.CheckIssueAsync(run, key, ct).ConfigureAwait(false);
        try
        {
            await run.Tickets.UpdateTicketAsync(key, changes, ct).ConfigureAwait(false);
        }
        catch (JiraTicketException ex)
        {
            throw TicketErrors.Map(ex, null);
        }
        return run.Result(null, r =>
        {
            r.W.WriteString("key", key);
            Json.Strings(r.W, "updated", set);
        });
    }

    private static async Task<OperationOutput> TransitionAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var key = Args.Required(args, "issue_key");
        var (argument, target) = Args.String(args, "transition_id") is { } id ? ("transition_id", id)
            : Args.String(args, "status") is { } status ? ("status", status)
            : ("transition_name", Args.Required(args, "transition_name"));
        await ScopeGuard.CheckIssueAsync(run, key, ct).ConfigureAwait(false);
        Dictionary<string, JsonNode?>? fields = null;
        if (Args.Object(args, "fields") is { } given)
        {
            fields = given.EnumerateObject().ToDictionary(p => p.Name, p => JsonNode.Parse(p.Value.GetRawText()), StringComparer.Ordinal);
        }
        Transition transition;
        try
        {
            transition = await run.Tickets.TransitionTicketAsync(key, target, new TransitionTicketOptions { Comment = Args.String(args, "comment"), Fields = fields }, ct)
                .ConfigureAwait(false);
        }
        catch (JiraTicketException ex)
        {
            throw TicketErrors.Map(ex, argument);
        }
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
        var assignee = Args.String(args, "assignee");
        await ScopeGuard.CheckIssueAsync(run, key, ct).ConfigureAwait(false);
        var (id, user) = assignee is null ? (null, null) : await JiraResolution.UserAsync(run, assignee, "assignee", ct).ConfigureAwait(false);
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
                writes.Add(await BulkItemAsync(run, item, $"issues[{i}].", types, ct).ConfigureAwait(false));
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

    /// <summary>
    /// The write for one item of issues:bulk_create (the ticket helpers create one issue at a time): project and issue
    /// type checked against createmeta (read once per project), assignee resolved, custom fields checked by id.
    /// </summary>
    private static async Task<IssueWrite> BulkItemAsync(OperationRun run, JsonElement item, string prefix,
        Dictionary<string, IReadOnlyList<IssueType>> typeCache, CancellationToken ct)
    {
        var project = Args.Required(item, "project_key");
        var typeName = Args.Required(item, "issue_type");
        ScopeGuard.Check(run.Scope, project, typeName, prefix + "the new issue");
        if (!typeCache.TryGetValue(project, out var types))
        {
            typeCache[project] = types = await JiraResolution.IssueTypesAsync(run, project, prefix + "project_key", ct).ConfigureAwait(false);
        }
        var type = JiraResolution.PickIssueType(project, types, typeName, prefix + "issue_type");
        var write = new IssueWrite().Project(project).IssueType(type.Id!).Summary(Args.Required(item, "summary"));
        if (Args.String(item, "description") is { } description)
        {
            write.Description(description);
        }
        if (Args.String(item, "priority") is { } priority)
        {
            write.Priority(priority);
        }
        if (Args.Strings(item, "labels") is { } labels)
        {
            write.Labels(labels);
        }
        if (Args.String(item, "assignee") is { } assignee)
        {
            write.Assignee((await JiraResolution.UserAsync(run, assignee, prefix + "assignee", ct).ConfigureAwait(false)).Id);
        }
        if (Args.Strings(item, "components") is { } components)
        {
            write.Components(components);
        }
        await JiraResolution.AddCustomFieldsAsync(run, write, Args.Object(item, "custom_fields"), prefix + "custom_fields", ct).ConfigureAwait(false);
        return write;
    }
}
