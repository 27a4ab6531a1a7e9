using System.Globalization;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Api.Issues;

internal static partial class FieldEditor
{
    private static FieldApplier? PrepareCustom(IssueEditContext ctx, CustomFieldDef cf, FieldOperation op)
    {
        if (op.Value is null && op.Verb == "set" && EditableFields.RequiredOnCreate(ctx.Site, ctx.Project, ctx.IssueType).Contains(cf.Id))
        {
            return ctx.Fail(cf.Id, IssueMessages.Required(cf.Name));
        }
        return cf.Kind switch
        {
            CustomFieldKinds.Number => CustomNumber(ctx, cf, op.Value),
            CustomFieldKinds.Text => CustomText(ctx, cf, op.Value),
            CustomFieldKinds.TextArea => CustomTextArea(ctx, cf, op.Value),
            CustomFieldKinds.Date => CustomDate(ctx, cf, op.Value),
            CustomFieldKinds.Select => CustomSelect(ctx, cf, op.Value),
            CustomFieldKinds.Labels => Labels(ctx, op, i => CustomLabels(i, cf), cf.Id, cf.Name, cf,
                (i, labels) => i.CustomFields[cf.Id] = labels.Count == 0 ? null : new JsonArray([.. labels.Select(l => JsonValue.Create(l))])),
            CustomFieldKinds.Sprint => CustomSprint(ctx, cf, op.Value),
            CustomFieldKinds.User => CustomUser(ctx, cf, op.Value),
            _ => ctx.Fail(cf.Id, IssueMessages.CannotBeSet(cf.Id)),
        };
    }

    private static List<string> CustomLabels(Issue issue, CustomFieldDef cf) =>
        issue.CustomFields.GetValueOrDefault(cf.Id) is JsonArray arr ? [.. arr.Select(RequestReading.String).OfType<string>()] : [];

    /// <summary>Stores a custom value (null removes it) and records the change with display strings.</summary>
    private static FieldApplier StoreCustom(CustomFieldDef cf, JsonNode? value, Func<JsonNode?, string?> display, Func<JsonNode?, string?>? id = null) =>
        (issue, changes) =>
        {
            var old = issue.CustomFields.GetValueOrDefault(cf.Id);
            if (JsonNode.DeepEquals(old, value))
            {
                return;
            }
            changes.AddCustom(cf, id?.Invoke(old), display(old), id?.Invoke(value), display(value));
            issue.CustomFields[cf.Id] = value?.DeepClone();
        };

    private static string? Text(JsonNode? node) => RequestReading.String(node) ?? node?.ToJsonString();

    private static FieldApplier? CustomNumber(IssueEditContext ctx, CustomFieldDef cf, JsonNode? value)
    {
        if (value is not null && (value is not JsonValue v || !v.TryGetValue<double>(out _)))
        {
            return ctx.Fail(cf.Id, IssueMessages.NotANumber);
        }
        var number = value is null ? null : JsonValue.Create(value.GetValue<double>());
        return StoreCustom(cf, number, n => n is null ? null : n.GetValue<double>().ToString(CultureInfo.InvariantCulture));
    }

    private static FieldApplier? CustomText(IssueEditContext ctx, CustomFieldDef cf, JsonNode? value)
    {
        var text = RequestReading.String(value);
        if (value is not null && text is null)
        {
            return ctx.Fail(cf.Id, IssueMessages.NotAString);
        }
        if (text?.Length > 255)
        {
            return ctx.Fail(cf.Id, "The entered text is too long. It exceeds the allowed limit of 255 characters.");
        }
        return StoreCustom(cf, string.IsNullOrEmpty(text) ? null : JsonValue.Create(text), Text);
    }

    private static FieldApplier? CustomTextArea(IssueEditContext ctx, CustomFieldDef cf, JsonNode? value)
    {
        if (!IssueInput.TryReadRichText(ctx.Render, value, out var text, out var error))
        {
            return ctx.Fail(cf.Id, error!);
        }
        return StoreCustom(cf, text?.ToNode(), n => n is null ? null : Adf.WikiMarkup.FromAdf(n));
    }

    private static FieldApplier? CustomDate(IssueEditContext ctx, CustomFieldDef cf, JsonNode? value)
    {
        var text = RequestReading.String(value);
        if (value is not null && !JiraDates.TryParseDate(text, out _))
        {
            return ctx.Fail(cf.Id, IssueMessages.DateInvalid(text ?? value.ToJsonString()));
        }
        return StoreCustom(cf, text is null ? null : JsonValue.Create(text), Text);
    }

    /// <summary>Select lists take {"value":…} or {"id":…}; stored in the shape the site's issues carry.</summary>
    private static FieldApplier? CustomSelect(IssueEditContext ctx, CustomFieldDef cf, JsonNode? value)
    {
        JsonObject? stored = null;
        if (value is not null)
        {
            if (!IssueInput.TryReadRef(value, out var id, out var name, "value"))
            {
                return ctx.Fail(cf.Id, "Could not find valid 'id' or 'value' in the Parent Option object.");
            }
            var option = cf.Options.FirstOrDefault(o => id is not null ? o.Id == id : o.Value == name);
            if (option is null)
            {
                return ctx.Fail(cf.Id, id is not null ? $"Option id '{id}' is not valid" : $"Option value '{name}' is not valid");
            }
            stored = new JsonObject { ["self"] = null, ["value"] = option.Value, ["id"] = option.Id };
        }
        return StoreCustom(cf, stored, n => RequestReading.String(n?["value"]), n => RequestReading.String(n?["id"]));
    }

    private static FieldApplier? CustomUser(IssueEditContext ctx, CustomFieldDef cf, JsonNode? value)
    {
        var reference = IssueInput.ReadUser(ctx.Site, value);
        if (reference.Kind is not (UserRefKind.None or UserRefKind.User))
        {
            return ctx.Fail(cf.Id, IssueMessages.UserNotFound);
        }
        var site = ctx.Site;
        return StoreCustom(cf, reference.User is null ? null : JsonValue.Create(reference.User.AccountId),
            n => site.UserByAccountId(RequestReading.String(n))?.DisplayName,
            n => IssueInput.UserChangeId(site, site.UserByAccountId(RequestReading.String(n))));
    }

    /// <summary>The sprint field takes a sprint id (number); closed sprints are refused, as in Jira Software.</summary>
    private static FieldApplier? CustomSprint(IssueEditContext ctx, CustomFieldDef cf, JsonNode? value)
    {
        Sprint? sprint = null;
        if (value is not null)
        {
            if (!RequestReading.TryLong(value is JsonArray { Count: 1 } one ? one[0] : value, out var id))
            {
                return ctx.Fail(cf.Id, IssueMessages.NotANumber);
            }
            sprint = ctx.Site.SprintById(id);
            if (sprint is null)
            {
                return ctx.Fail(cf.Id, $"Sprint with id {id} does not exist.");
            }
            if (sprint.State == SprintStates.Closed)
            {
                return ctx.Fail(cf.Id, IssueMessages.ClosedSprint);
            }
        }
        var site = ctx.Site;
        return (issue, changes) =>
        {
            List<long> target = sprint is null ? [] : [sprint.Id];
            if (issue.SprintIds.SequenceEqual(target))
            {
                return;
            }
            string? Ids(IEnumerable<long> ids) => ids.Any() ? string.Join(", ", ids.Select(i => i.ToString(CultureInfo.InvariantCulture))) : null;
            string? Names(IEnumerable<long> ids) => ids.Any() ? string.Join(", ", ids.Select(i => site.SprintById(i)?.Name)) : null;
            changes.AddCustom(cf, Ids(issue.SprintIds), Names(issue.SprintIds), Ids(target), Names(target));
            issue.SprintIds = target;
        };
    }
}
