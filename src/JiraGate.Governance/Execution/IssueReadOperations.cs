using System.Text.Json;
using JiraGate.Governance.Pipeline;
using JiraGate.Jira;
using JiraGate.Jira.Models;

namespace JiraGate.Governance.Execution;

/// <summary>
/// Issue reads. Results:
/// <list type="bullet">
/// <item><c>issues:read</c> → <c>{items: [issue…], next_page_token?, is_last, total?}</c> (issues as <see cref="IssueView"/>
/// describes; <c>total</c> on Data Center only). The JQL is constrained to the scope (<see cref="JqlScoping"/>).</item>
/// <item><c>issues:read_detail</c> → one issue in the detail view (description as Markdown, components, parent …).</item>
/// <item><c>issues:read_transitions</c> → <c>{key, items: [{id, name, to, to_category}], total, truncated}</c>.</item>
/// <item><c>issues:delete</c> → <c>{key, deleted: true}</c>.</item>
/// </list>
/// </summary>
internal static class IssueReadOperations
{
    // Jira's largest search page; a resumed page asks for the skipped issues again, so it never asks for more.
    private const int MaxJiraPage = 100;

    public static void Register(IDictionary<string, OperationHandler> handlers)
    {
        handlers["issues:read"] = SearchAsync;
        handlers["issues:read_detail"] = ReadDetailAsync;
        handlers["issues:read_transitions"] = ReadTransitionsAsync;
        handlers["issues:delete"] = DeleteAsync;
    }

    private static async Task<OperationOutput> SearchAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var jql = JqlScoping.Constrain(run.Scope, Args.Required(args, "jql"), "jql")!;
        var max = Args.PageSize(args);
        var view = await IssueView.ResolveAsync(run, Args.Strings(args, "fields"), detail: false, ct).ConfigureAwait(false);
        var cursor = SearchCursor.Parse(Args.String(args, "next_page_token"), "next_page_token");
        if (!run.Cloud && cursor.JiraToken is not null)
        {
            throw new OperationArgumentException("next_page_token", "The next_page_token is not one this gateway issued for this site.");
        }

        Page<Issue> page;
        while (true)
        {
            var options = run.Cloud
                ? new SearchOptions { Fields = view.FieldsToFetch, PageSize = Math.Min(MaxJiraPage, cursor.Skip + max), NextPageToken = cursor.JiraToken }
                : new SearchOptions { Fields = view.FieldsToFetch, PageSize = max, StartAt = cursor.Skip };
            page = await run.Jira.Issues.SearchPageAsync(jql, options, ct).ConfigureAwait(false);
            // Cloud: a page may come back shorter than the issues already seen of it; go on to the next one.
            if (!run.Cloud || cursor.Skip < page.Items.Count || page.IsLast || page.NextPageToken is null)
            {
                break;
            }
            cursor = new SearchCursor(page.NextPageToken, cursor.Skip - page.Items.Count);
        }

        using var result = run.NewResult();
        var w = result.W;
        w.WriteStartObject();
        var skip = run.Cloud ? Math.Min(cursor.Skip, page.Items.Count) : 0;
        var written = result.WriteItems("items", page.Items, skip, max, (iw, issue) => view.Write(iw, issue, run.Options.MaxTextChars));
        var consumed = skip + written;
        SearchCursor? next = consumed < page.Items.Count
            ? new SearchCursor(run.Cloud ? cursor.JiraToken : null, run.Cloud ? consumed : cursor.Skip + consumed)
            : page.IsLast ? null
            : run.Cloud ? new SearchCursor(page.NextPageToken, 0) : new SearchCursor(null, cursor.Skip + consumed);
        if (next is { } n)
        {
            w.WriteString("next_page_token", n.Encode());
        }
        w.WriteBoolean("is_last", next is null);
        if (page.Total is { } total)
        {
            w.WriteNumber("total", total);
        }
        w.WriteEndObject();
        return result.Finish(page.RequestId);
    }

    private static async Task<OperationOutput> ReadDetailAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var key = Args.Required(args, "issue_key");
        var view = await IssueView.ResolveAsync(run, Args.Strings(args, "fields"), detail: true, ct).ConfigureAwait(false);
        var issue = await run.Jira.Issues.GetIssueAsync(key, new GetIssueOptions { Fields = view.FieldsToFetch }, ct).ConfigureAwait(false);
        ScopeGuard.Check(run.Scope, issue);
        using var result = run.NewResult();
        view.Write(result.W, issue, run.Options.MaxTextChars);
        return result.Finish(issue.RequestId);
    }

    private static async Task<OperationOutput> ReadTransitionsAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var key = Args.Required(args, "issue_key");
        await ScopeGuard.CheckIssueAsync(run, key, ct).ConfigureAwait(false);
        var transitions = await run.Jira.Issues.GetTransitionsAsync(key, cancellationToken: ct).ConfigureAwait(false);
        return Lists.Whole(run, transitions, WriteTransition, w => w.WriteString("key", key));
    }

    internal static void WriteTransition(Utf8JsonWriter w, Transition t)
    {
        w.WriteStartObject();
        w.WriteString("id", t.Id);
        w.WriteString("name", t.Name);
        w.WriteString("to", t.To?.Name);
        w.WriteString("to_category", t.To?.StatusCategory?.Key);
        w.WriteEndObject();
    }

    private static async Task<OperationOutput> DeleteAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var key = Args.Required(args, "issue_key");
        await ScopeGuard.CheckIssueAsync(run, key, ct).ConfigureAwait(false);
        await run.Jira.Issues.DeleteIssueAsync(key, Args.Bool(args, "delete_subtasks"), ct).ConfigureAwait(false);
        return run.Result(null, r =>
        {
            r.W.WriteString("key", key);
            r.W.WriteBoolean("deleted", true);
        });
    }
}
