using System.Text.Json;
using JiraGate.Governance.Pipeline;
using JiraGate.Jira;
using JiraGate.Jira.Models;

namespace JiraGate.Governance.Execution;

/// <summary>
/// How issues appear in results. Every issue: <c>{key, id, project, summary, status, issue_type, priority, assignee,
/// reporter, labels, created, updated}</c> (users as <c>{account_id | name, display_name, email?}</c>, null when
/// empty). <c>description</c> (Markdown) when asked for or in a detail view; a detail view adds <c>resolution,
/// components, fix_versions, due_date, parent, subtasks</c>; any other field asked for (by id or display name) goes
/// under <c>fields</c>, keyed by its display name, its value simplified (options and references to their names, users
/// as above, rich text as Markdown).
/// </summary>
internal sealed class IssueView
{
    private static readonly string[] Core = ["project", "summary", "status", "issuetype", "priority", "assignee", "reporter", "labels", "created", "updated"];
    private static readonly string[] DetailFields = ["description", "resolution", "components", "fixVersions", "duedate", "parent", "subtasks"];

    private IssueView(bool description, bool detail, IReadOnlyList<Field> extras)
    {
        Description = description;
        Detail = detail;
        Extras = extras;
        var fetch = new List<string>(Core);
        if (detail)
        {
            fetch.AddRange(DetailFields);
        }
        else if (description)
        {
            fetch.Add("description");
        }
        fetch.AddRange(extras.Select(f => f.Id).Where(id => !fetch.Contains(id, StringComparer.Ordinal)));
        FieldsToFetch = fetch;
    }

    /// <summary>The compact list view with nothing extra.</summary>
    public static IssueView Compact { get; } = new(false, false, []);

    public bool Description { get; }

    public bool Detail { get; }

    public IReadOnlyList<Field> Extras { get; }

    /// <summary>The fields to ask Jira for (always explicit).</summary>
    public IReadOnlyList<string> FieldsToFetch { get; }

    /// <summary>The view for an agent's <c>fields</c> argument: names resolved through the site's field catalog.</summary>
    /// <exception cref="OperationArgumentException">A name matches no field, or several.</exception>
    public static async Task<IssueView> ResolveAsync(OperationRun run, IReadOnlyList<string>? asked, bool detail, CancellationToken cancellationToken)
    {
        if (asked is null || asked.Count == 0)
        {
            return detail ? new IssueView(true, true, []) : Compact;
        }
        var description = detail;
        var extras = new List<Field>();
        FieldCatalog? catalog = null;
        foreach (var name in asked)
        {
            if (string.Equals(name, "description", StringComparison.OrdinalIgnoreCase))
            {
                description = true;
                continue;
            }
            if (Core.Contains(name, StringComparer.OrdinalIgnoreCase) || string.Equals(name, "issue_type", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            catalog ??= await run.FieldsAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var field = catalog.Resolve(name);
                if (!extras.Exists(f => f.Id == field.Id))
                {
                    extras.Add(field);
                }
            }
            catch (FieldResolutionException ex)
            {
                throw new OperationArgumentException("fields", $"fields: {ex.Message}");
            }
        }
        return new IssueView(description, detail, extras);
    }

    public void Write(Utf8JsonWriter w, Issue issue, int maxTextChars)
    {
        var f = issue.Fields;
        w.WriteStartObject();
        w.WriteString("key", issue.Key);
        w.WriteString("id", issue.Id);
        w.WriteString("project", f.Project?.Key);
        w.WriteString("summary", f.Summary);
        w.WriteString("status", f.Status?.Name);
        w.WriteString("issue_type", f.IssueType?.Name);
        w.WriteString("priority", f.Priority?.Name);
        Json.User(w, "assignee", f.Assignee);
        Json.User(w, "reporter", f.Reporter);
        Json.Strings(w, "labels", f.Labels);
        Json.Date(w, "created", f.Created);
        Json.Date(w, "updated", f.Updated);
        if (Description)
        {
            Json.RichText(w, "description", f.Description, maxTextChars);
        }
        if (Detail)
        {
            w.WriteString("resolution", f.Resolution?.Name);
            Json.Strings(w, "components", f.Components?.Select(c => c.Name));
            Json.Strings(w, "fix_versions", f.FixVersions?.Select(v => v.Name));
            if (f.DueDate is { } due)
            {
                w.WriteString("due_date", due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                w.WriteNull("due_date");
            }
            w.WriteString("parent", f.Parent?.Key);
            Json.Strings(w, "subtasks", f.Subtasks?.Select(s => s.Key));
        }
        if (Extras.Count > 0)
        {
            w.WriteStartObject("fields");
            foreach (var field in Extras)
            {
                w.WritePropertyName(field.Name ?? field.Id);
                WriteField(w, f, field, maxTextChars);
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteField(Utf8JsonWriter w, IssueFields f, Field field, int maxTextChars)
    {
        switch (field.Id)
        {
            case "components":
                StringArray(w, f.Components?.Select(c => c.Name));
                return;
            case "fixVersions":
                StringArray(w, f.FixVersions?.Select(v => v.Name));
                return;
            case "versions":
                StringArray(w, f.Versions?.Select(v => v.Name));
                return;
            case "resolution":
                w.WriteStringValue(f.Resolution?.Name);
                return;
            case "creator":
                Json.User(w, f.Creator);
                return;
            case "environment":
                w.WriteStringValue(Cut(Json.Markdown(f.Environment), maxTextChars));
                return;
            case "parent":
                w.WriteStringValue(f.Parent?.Key);
                return;
            case "subtasks":
                StringArray(w, f.Subtasks?.Select(s => s.Key));
                return;
            case "duedate":
                w.WriteStringValue(f.DueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                return;
            case "resolutiondate":
                if (f.ResolutionDate is { } resolved)
                {
                    w.WriteStringValue(resolved);
                }
                else
                {
                    w.WriteNullValue();
                }
                return;
        }
        if (f.AdditionalFields.TryGetValue(field.Id, out var value))
        {
            Simplify(w, value, maxTextChars, 0);
        }
        else
        {
            w.WriteNullValue();
        }
    }

    /// <summary>A field value as an agent wants it: options and references by name, users compact, ADF as Markdown.</summary>
    internal static void Simplify(Utf8JsonWriter w, JsonElement value, int maxTextChars, int depth)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                w.WriteStringValue(Cut(value.GetString(), maxTextChars));
                return;
            case JsonValueKind.Array when depth < 3:
                w.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    Simplify(w, item, maxTextChars, depth + 1);
                }
                w.WriteEndArray();
                return;
            case JsonValueKind.Object when depth < 3:
                if (value.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.ValueEquals("doc"))
                {
                    w.WriteStringValue(Cut(Json.Markdown(value), maxTextChars));
                }
                else if (value.TryGetProperty("accountId", out _) || value.TryGetProperty("displayName", out _))
                {
                    w.WriteStartObject();
                    if (Named(value, "accountId") is { } accountId)
                    {
                        w.WriteString("account_id", accountId);
                    }
                    else
                    {
                        w.WriteString("name", Named(value, "name") ?? Named(value, "key"));
                    }
                    w.WriteString("display_name", Named(value, "displayName"));
                    if (Named(value, "emailAddress") is { Length: > 0 } email)
                    {
                        w.WriteString("email", email);
                    }
                    w.WriteEndObject();
                }
                else if ((Named(value, "value") ?? Named(value, "name") ?? Named(value, "key")) is { } name)
                {
                    w.WriteStringValue(name);
                }
                else
                {
                    value.WriteTo(w);
                }
                return;
            case JsonValueKind.Array or JsonValueKind.Object:
                w.WriteNullValue();
                return;
            default:
                value.WriteTo(w);
                return;
        }
    }

    private static string? Named(JsonElement value, string property) =>
        value.TryGetProperty(property, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..max];

    private static void StringArray(Utf8JsonWriter w, IEnumerable<string?>? values)
    {
        w.WriteStartArray();
        foreach (var value in values ?? [])
        {
            if (value is not null)
            {
                w.WriteStringValue(value);
            }
        }
        w.WriteEndArray();
    }
}
