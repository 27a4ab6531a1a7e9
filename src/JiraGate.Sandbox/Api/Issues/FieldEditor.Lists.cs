using System.Globalization;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Api.Issues;

internal static partial class FieldEditor
{
    /// <summary>Reads label values: set takes an array, add/remove a single label.</summary>
    private static List<string>? ReadLabels(IssueEditContext ctx, string fieldId, FieldOperation op)
    {
        var values = op.Verb == "set"
            ? op.Value switch
            {
                null => [],
                JsonArray arr => arr.Select(RequestReading.String).ToList(),
                _ => null,
            }
            : [RequestReading.String(op.Value)];
        if (values is null || values.Any(v => v is null))
        {
            ctx.Fail(fieldId, IssueMessages.NotAString);
            return null;
        }
        foreach (var label in values)
        {
            if (label!.Length == 0 || label.Any(char.IsWhiteSpace))
            {
                ctx.Fail(fieldId, $"The label '{label}' contains spaces which is invalid.");
                return null;
            }
            if (label.Length > 255)
            {
                ctx.Fail(fieldId, $"The label '{label}' exceeds the maximum length for a single label of 255 characters.");
                return null;
            }
        }
        return [.. values.Select(v => v!)];
    }

    /// <summary>Labels and label custom fields: one change item with the space-separated lists.</summary>
    private static FieldApplier? Labels(IssueEditContext ctx, FieldOperation op, Func<Issue, List<string>> list, string fieldId, string changeField,
        CustomFieldDef? custom = null, Action<Issue, List<string>>? store = null)
    {
        var values = ReadLabels(ctx, fieldId, op);
        if (values is null)
        {
            return null;
        }
        return (issue, changes) =>
        {
            var labels = list(issue);
            var before = string.Join(' ', labels);
            switch (op.Verb)
            {
                case "set":
                    labels.Clear();
                    labels.AddRange(values.Distinct(StringComparer.Ordinal));
                    break;
                case "add":
                    labels.AddRange(values.Where(v => !labels.Contains(v)));
                    break;
                default:
                    labels.RemoveAll(values.Contains);
                    break;
            }
            var after = string.Join(' ', labels);
            if (before == after)
            {
                return;
            }
            store?.Invoke(issue, labels);
            if (custom is null)
            {
                changes.Add(changeField, fieldId, null, before, null, after);
            }
            else
            {
                changes.AddCustom(custom, null, before, null, after);
            }
        };
    }

    private static FieldApplier? Components(IssueEditContext ctx, FieldOperation op)
    {
        var ids = ReadRefs(ctx, op, "components", (id, name) =>
            ctx.Project.Components.FirstOrDefault(c => id is not null ? c.Id.ToString(CultureInfo.InvariantCulture) == id : string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))?.Id,
            (id, name) => id is not null ? $"Component with id '{id}' does not exist." : $"Component name '{name}' is not valid");
        return ids is null ? null : ApplyIdList(op.Verb, ids, i => i.ComponentIds, "Component", "components",
            id => ctx.Project.Components.FirstOrDefault(c => c.Id == id)?.Name);
    }

    private static FieldApplier? Versions(IssueEditContext ctx, FieldOperation op, Func<Issue, List<long>> list, string changeField)
    {
        var ids = ReadRefs(ctx, op, op.FieldId, (id, name) =>
            ctx.Project.Versions.FirstOrDefault(v => id is not null ? v.Id.ToString(CultureInfo.InvariantCulture) == id : string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase))?.Id,
            (id, name) => id is not null ? $"Version with id '{id}' does not exist." : $"Version name '{name}' is not valid");
        return ids is null ? null : ApplyIdList(op.Verb, ids, list, changeField, op.FieldId,
            id => ctx.Project.Versions.FirstOrDefault(v => v.Id == id)?.Name);
    }

    /// <summary>Reads {id|name} references (an array for set, one object for add/remove) and resolves them.</summary>
    private static List<long>? ReadRefs(IssueEditContext ctx, FieldOperation op, string fieldId,
        Func<string?, string?, long?> resolve, Func<string?, string?, string> unknown)
    {
        List<JsonNode?> refs = op.Verb == "set"
            ? op.Value switch { null => [], JsonArray arr => [.. arr], _ => [op.Value] }
            : [op.Value];
        var ids = new List<long>();
        foreach (var node in refs)
        {
            if (!IssueInput.TryReadRef(node, out var id, out var name))
            {
                ctx.Fail(fieldId, $"Could not find valid 'id' or 'name' in {fieldId} object.");
                return null;
            }
            if (resolve(id, name) is not { } found)
            {
                ctx.Fail(fieldId, unknown(id, name));
                return null;
            }
            ids.Add(found);
        }
        return ids;
    }

    /// <summary>Applies set/add/remove to an id list, recording one change item per id added or removed (as Jira does).</summary>
    private static FieldApplier ApplyIdList(string verb, List<long> ids, Func<Issue, List<long>> list, string changeField, string fieldId, Func<long, string?> nameOf) =>
        (issue, changes) =>
        {
            var current = list(issue);
            var target = verb switch
            {
                "set" => ids.Distinct().ToList(),
                "add" => current.Concat(ids.Where(id => !current.Contains(id))).ToList(),
                _ => current.Where(id => !ids.Contains(id)).ToList(),
            };
            foreach (var removed in current.Where(id => !target.Contains(id)))
            {
                changes.Add(changeField, fieldId, removed.ToString(CultureInfo.InvariantCulture), nameOf(removed), null, null);
            }
            foreach (var added in target.Where(id => !current.Contains(id)))
            {
                changes.Add(changeField, fieldId, null, null, added.ToString(CultureInfo.InvariantCulture), nameOf(added));
            }
            current.Clear();
            current.AddRange(target);
        };

    /// <summary>timetracking {originalEstimate, remainingEstimate}: Jira durations ("1w 2d 3h 4m"; a bare number is minutes).</summary>
    private static FieldApplier? TimeTracking(IssueEditContext ctx, JsonNode? value)
    {
        if (value is not JsonObject obj)
        {
            return ctx.Fail("timetracking", "Could not find valid 'originalEstimate' or 'remainingEstimate' in timetracking object.");
        }
        long? original = null, remaining = null;
        if (obj["originalEstimate"] is { } o && (original = ParseDuration(RequestReading.String(o) ?? o.ToJsonString())) is null)
        {
            return ctx.Fail("timetracking", IssueMessages.OriginalEstimateInvalid);
        }
        if (obj["remainingEstimate"] is { } r && (remaining = ParseDuration(RequestReading.String(r) ?? r.ToJsonString())) is null)
        {
            return ctx.Fail("timetracking", IssueMessages.RemainingEstimateInvalid);
        }
        return (issue, changes) =>
        {
            if (original is { } newOriginal && issue.TimeOriginalEstimateSeconds != newOriginal)
            {
                changes.Add("timeoriginalestimate", "timeoriginalestimate", Seconds(issue.TimeOriginalEstimateSeconds), Seconds(issue.TimeOriginalEstimateSeconds), Seconds(newOriginal), Seconds(newOriginal));
                issue.TimeOriginalEstimateSeconds = newOriginal;
                // Jira starts the remaining estimate at the original one when only that is given.
                remaining ??= issue.TimeEstimateSeconds is null ? newOriginal : null;
            }
            if (remaining is { } newRemaining && issue.TimeEstimateSeconds != newRemaining)
            {
                changes.Add("timeestimate", "timeestimate", Seconds(issue.TimeEstimateSeconds), Seconds(issue.TimeEstimateSeconds), Seconds(newRemaining), Seconds(newRemaining));
                issue.TimeEstimateSeconds = newRemaining;
            }
        };
    }

    private static string? Seconds(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses "1w 2d 3h 30m" (a week is 5 days of 8 hours); a bare number means minutes. Null when invalid.</summary>
    internal static long? ParseDuration(string text)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return null;
        }
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bare))
        {
            return bare * 60;
        }
        long total = 0;
        foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Length < 2 || !long.TryParse(part[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return null;
            }
            long? unit = char.ToLowerInvariant(part[^1]) switch { 'w' => 5 * 8 * 3600, 'd' => 8 * 3600, 'h' => 3600, 'm' => 60, _ => null };
            if (unit is null)
            {
                return null;
            }
            total += n * unit.Value;
        }
        return total;
    }
}
