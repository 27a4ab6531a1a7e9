using System.Text.Json;
using JiraGate.Governance.Pipeline;

namespace JiraGate.Governance.Execution;

/// <summary>
/// Site metadata, each as <c>{items, total, truncated}</c>: <c>fields:read</c> → <c>[{id, name, custom, type}]</c>
/// (type: the schema type, e.g. string, number, user, array); <c>priorities:read</c> → <c>[{id, name}]</c>;
/// <c>statuses:read</c> → <c>[{id, name, category}]</c> (category: new, indeterminate, done).
/// </summary>
internal static class MetadataOperations
{
    public static void Register(IDictionary<string, OperationHandler> handlers)
    {
        handlers["fields:read"] = ReadFieldsAsync;
        handlers["priorities:read"] = ReadPrioritiesAsync;
        handlers["statuses:read"] = ReadStatusesAsync;
    }

    private static async Task<OperationOutput> ReadFieldsAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var fields = await run.Jira.Metadata.GetFieldsAsync(ct).ConfigureAwait(false);
        return Lists.Whole(run, fields, (w, f) =>
        {
            w.WriteStartObject();
            w.WriteString("id", f.Id);
            w.WriteString("name", f.Name);
            w.WriteBoolean("custom", f.Custom == true);
            w.WriteString("type", f.Schema?.Type);
            w.WriteEndObject();
        });
    }

    private static async Task<OperationOutput> ReadPrioritiesAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var priorities = await run.Jira.Metadata.GetPrioritiesAsync(ct).ConfigureAwait(false);
        return Lists.Whole(run, priorities, (w, p) =>
        {
            w.WriteStartObject();
            w.WriteString("id", p.Id);
            w.WriteString("name", p.Name);
            w.WriteEndObject();
        });
    }

    private static async Task<OperationOutput> ReadStatusesAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var statuses = await run.Jira.Metadata.GetStatusesAsync(ct).ConfigureAwait(false);
        return Lists.Whole(run, statuses, (w, s) =>
        {
            w.WriteStartObject();
            w.WriteString("id", s.Id);
            w.WriteString("name", s.Name);
            w.WriteString("category", s.StatusCategory?.Key);
            w.WriteEndObject();
        });
    }
}
