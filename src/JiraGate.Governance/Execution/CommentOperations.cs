using System.Text.Json;
using JiraGate.Governance.Pipeline;
using JiraGate.Jira;
using JiraGate.Jira.Models;

namespace JiraGate.Governance.Execution;

/// <summary>
/// Comments, bodies in Markdown both ways (ADF on Cloud, wiki markup on Data Center underneath). A comment is
/// <c>{id, author, body, created, updated}</c> (body cut at the text limit with <c>body_truncated</c>). Results:
/// <c>comments:read</c> → <c>{key, items, start_at, total?, is_last, next_start_at?}</c>; <c>comments:create</c> and
/// <c>comments:update</c> → the comment; <c>comments:delete</c> → <c>{key, id, deleted: true}</c>.
/// </summary>
internal static class CommentOperations
{
    public static void Register(IDictionary<string, OperationHandler> handlers)
    {
        handlers["comments:read"] = ReadAsync;
        handlers["comments:create"] = CreateAsync;
        handlers["comments:update"] = UpdateAsync;
        handlers["comments:delete"] = DeleteAsync;
    }

    private static async Task<OperationOutput> ReadAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var key = Args.Required(args, "issue_key");
        await ScopeGuard.CheckIssueAsync(run, key, ct).ConfigureAwait(false);
        var startAt = Args.StartAt(args);
        var max = Args.PageSize(args);
        var page = await run.Jira.Comments.ListCommentsPageAsync(key, new ListCommentsOptions { StartAt = startAt, PageSize = max }, ct).ConfigureAwait(false);
        return Lists.OffsetPage(run, page, startAt, max, (w, c) => Write(w, c, run.Options.MaxTextChars), w => w.WriteString("key", key));
    }

    private static async Task<OperationOutput> CreateAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var key = Args.Required(args, "issue_key");
        await ScopeGuard.CheckIssueAsync(run, key, ct).ConfigureAwait(false);
        var comment = await run.Jira.Comments.AddCommentAsync(key, Args.Required(args, "body"), cancellationToken: ct).ConfigureAwait(false);
        return One(run, comment);
    }

    private static async Task<OperationOutput> UpdateAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var key = Args.Required(args, "issue_key");
        await ScopeGuard.CheckIssueAsync(run, key, ct).ConfigureAwait(false);
        var comment = await run.Jira.Comments.UpdateCommentAsync(key, Args.Required(args, "comment_id"), Args.Required(args, "body"), cancellationToken: ct)
            .ConfigureAwait(false);
        return One(run, comment);
    }

    private static async Task<OperationOutput> DeleteAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var key = Args.Required(args, "issue_key");
        var id = Args.Required(args, "comment_id");
        await ScopeGuard.CheckIssueAsync(run, key, ct).ConfigureAwait(false);
        await run.Jira.Comments.DeleteCommentAsync(key, id, ct).ConfigureAwait(false);
        return run.Result(null, r =>
        {
            r.W.WriteString("key", key);
            r.W.WriteString("id", id);
            r.W.WriteBoolean("deleted", true);
        });
    }

    private static OperationOutput One(OperationRun run, Comment comment)
    {
        using var result = run.NewResult();
        Write(result.W, comment, run.Options.MaxTextChars);
        return result.Finish(comment.RequestId);
    }

    private static void Write(Utf8JsonWriter w, Comment c, int maxTextChars)
    {
        w.WriteStartObject();
        w.WriteString("id", c.Id);
        Json.User(w, "author", c.Author);
        Json.RichText(w, "body", c.Body, maxTextChars);
        Json.Date(w, "created", c.Created);
        Json.Date(w, "updated", c.Updated);
        w.WriteEndObject();
    }
}
