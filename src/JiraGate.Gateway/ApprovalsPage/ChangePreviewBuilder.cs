using System.Text.Json;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Catalog;
using Microsoft.Extensions.Logging;

namespace JiraGate.Gateway.ApprovalsPage;

/// <summary>
/// Builds the "what will change" preview of a request from its redacted arguments (so the preview never shows what the
/// audit redactor hides) and, for a request on an existing issue, the issue's current values.
/// </summary>
internal sealed class ChangePreviewBuilder(IIssuePreviewSource source, ILogger<ChangePreviewBuilder> logger)
{
    private static readonly string[] UpdateFields = ["summary", "description", "priority", "labels", "assignee", "components"];

    public async Task<ChangePreview> BuildAsync(OperationDescriptor operation, JsonElement redacted, bool readCurrent, AgentIdentity? requestedBy, CancellationToken ct)
    {
        var key = Str(redacted, "issue_key");
        var customFields = redacted.ValueKind == JsonValueKind.Object && redacted.TryGetProperty("custom_fields", out var cf) && cf.ValueKind == JsonValueKind.Object
            ? cf.EnumerateObject().Select(p => p.Name).ToArray()
            : [];
        IssueSnapshot? issue = null;
        string? note = null;
        if (key is not null && readCurrent)
        {
            (issue, note) = await ReadAsync(key, customFields, requestedBy, ct);
        }
        var title = key is null ? "" : issue?.Summary is { } s ? $"{key} '{s}'" : key;
        return operation.Name switch
        {
            "issues:update" => Update(title, redacted, issue, note),
            "issues:delete" => new ChangePreview
            {
                Sentence = $"Delete {title} permanently"
                    + (Bool(redacted, "delete_subtasks") ? ", together with its subtasks." : "."),
                Note = note,
            },
            "issues:assign" => Assign(title, redacted, issue, note),
            "issues:transition" => Transition(title, redacted, issue, note),
            "issues:create" => Create(redacted),
            _ => Generic(operation, title, redacted, note),
        };
    }

    private async Task<(IssueSnapshot? Issue, string? Note)> ReadAsync(string key, IReadOnlyCollection<string> customFields, AgentIdentity? requestedBy, CancellationToken ct)
    {
        try
        {
            var issue = await source.GetIssueAsync(key, customFields, requestedBy, ct);
            return (issue, issue is null ? $"{key} was not found in Jira: it may have been deleted already." : null);
        }
#pragma warning disable CA1031 // a preview that cannot read Jira still shows the requested change
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            ApprovalsPageLog.PreviewFailed(logger, key, ex.GetType().Name);
            return (null, $"The current values of {key} could not be read from Jira; only the requested values are shown.");
        }
    }

    private static ChangePreview Update(string title, JsonElement args, IssueSnapshot? issue, string? note)
    {
        var rows = new List<FieldChange>();
        foreach (var field in UpdateFields)
        {
            if (args.TryGetProperty(field, out var value))
            {
                rows.Add(new FieldChange(field, Current(issue, field), Display(value, field)));
            }
        }
        if (args.TryGetProperty("custom_fields", out var custom) && custom.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in custom.EnumerateObject())
            {
                rows.Add(new FieldChange(p.Name, Current(issue, p.Name), Display(p.Value, p.Name)));
            }
        }
        var names = string.Join(", ", rows.Select(r => r.Field));
        return new ChangePreview
        {
            Sentence = $"Update {title}: {(rows.Count == 1 ? "field" : "fields")} {names}.",
            Fields = rows,
            ShowsCurrent = true,
            Note = note,
        };
    }

    private static ChangePreview Assign(string title, JsonElement args, IssueSnapshot? issue, string? note)
    {
        var to = Str(args, "assignee");
        var now = Current(issue, "assignee") ?? (issue is null ? null : "Unassigned");
        var sentence = to is null ? $"Unassign {title}" : $"Assign {title} to {to}";
        return new ChangePreview
        {
            Sentence = sentence + (now is null ? "." : $" (now: {now})."),
            Fields = [new FieldChange("assignee", now, to ?? "Unassigned")],
            ShowsCurrent = true,
            Note = note,
        };
    }

    private static ChangePreview Transition(string title, JsonElement args, IssueSnapshot? issue, string? note)
    {
        var how = Str(args, "status") is { } status ? $"to status '{status}'"
            : Str(args, "transition_name") is { } name ? $"with transition '{name}'"
            : $"with transition id {Str(args, "transition_id")}";
        var rows = new List<FieldChange> { new("status", issue?.Status, Str(args, "status") ?? Str(args, "transition_name") ?? Str(args, "transition_id")) };
        if (args.TryGetProperty("comment", out var comment))
        {
            rows.Add(new FieldChange("comment (added)", null, Display(comment, "comment")));
        }
        if (args.TryGetProperty("fields", out var fields) && fields.ValueKind == JsonValueKind.Object)
        {
            rows.AddRange(fields.EnumerateObject().Select(p => new FieldChange(p.Name, Current(issue, p.Name), Display(p.Value, p.Name))));
        }
        return new ChangePreview
        {
            Sentence = $"Move {title}{(issue?.Status is { } s ? $" (now {s})" : "")} {how}.",
            Fields = rows,
            ShowsCurrent = true,
            Note = note,
        };
    }

    private static ChangePreview Create(JsonElement args)
    {
        var rows = args.ValueKind == JsonValueKind.Object
            ? args.EnumerateObject().Select(p => new FieldChange(p.Name, null, Display(p.Value, p.Name))).ToList()
            : [];
        return new ChangePreview
        {
            Sentence = $"Create a new {Str(args, "issue_type") ?? "issue"} in project {Str(args, "project_key")}: '{Str(args, "summary")}'.",
            Fields = rows,
        };
    }

    private static ChangePreview Generic(OperationDescriptor op, string title, JsonElement args, string? note)
    {
        var rows = args.ValueKind == JsonValueKind.Object
            ? args.EnumerateObject().Where(p => p.Name != "issue_key").Select(p => new FieldChange(p.Name, null, Display(p.Value, p.Name))).ToList()
            : [];
        return new ChangePreview
        {
            Sentence = op.Description + (title.Length > 0 ? $" on {title}." : "."),
            Fields = rows,
            Note = note,
        };
    }

    private static string? Current(IssueSnapshot? issue, string field) =>
        issue is not null && issue.Fields.TryGetValue(field, out var v) ? v : null;

    private static string? Str(JsonElement args, string name) =>
        args.ValueKind == JsonValueKind.Object && args.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool Bool(JsonElement args, string name) =>
        args.ValueKind == JsonValueKind.Object && args.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    /// <summary>A value as people read it: text as is, lists joined, null as "(cleared)", anything else as JSON.</summary>
    internal static string? Display(JsonElement value, string field) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => string.Equals(field, "assignee", StringComparison.Ordinal) ? "Unassigned" : "(cleared)",
        JsonValueKind.Array when value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
            string.Join(", ", value.EnumerateArray().Select(e => e.GetString())),
        _ => value.GetRawText(),
    };
}
