using System.Globalization;
using System.Text.Json;
using JiraGate.Governance.Pipeline;
using JiraGate.Jira;
using JiraGate.Jira.Models;

namespace JiraGate.Governance.Execution;

/// <summary>
/// Attachments and worklogs. An attachment is <c>{id, file_name, size, mime_type, author, created}</c>; a worklog is
/// <c>{id, author, time_spent, time_spent_seconds, started, comment}</c> (comment as Markdown). Results:
/// <c>attachments:read</c> → <c>{key, items, total, truncated}</c>; <c>attachments:upload</c> → <c>{key, attachment}</c>
/// (content_base64 decoded and bounded by <see cref="JiraOperationExecutorOptions.MaxAttachmentBytes"/>);
/// <c>attachments:delete</c> → <c>{id, deleted: true}</c>; <c>worklogs:read</c> → <c>{key, items, start_at, total?,
/// is_last, next_start_at?}</c>; <c>worklogs:create</c> → the worklog.
/// </summary>
internal static class AttachmentOperations
{
    public static void Register(IDictionary<string, OperationHandler> handlers)
    {
        handlers["attachments:read"] = ReadAsync;
        handlers["attachments:upload"] = UploadAsync;
        handlers["attachments:delete"] = DeleteAsync;
        handlers["worklogs:read"] = ReadWorklogsAsync;
        handlers["worklogs:create"] = CreateWorklogAsync;
    }

    private static async Task<OperationOutput> ReadAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var key = Args.Required(args, "issue_key");
        await ScopeGuard.CheckIssueAsync(run, key, ct).ConfigureAwait(false);
        var attachments = await run.Jira.Attachments.ListAttachmentsAsync(key, ct).ConfigureAwait(false);
        return Lists.Whole(run, attachments, Write, w => w.WriteString("key", key));
    }

    private static async Task<OperationOutput> UploadAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var key = Args.Required(args, "issue_key");
        var fileName = Args.Required(args, "file_name");
        var base64 = Args.Required(args, "content_base64");
        // Bound the size before decoding: 4 base64 characters carry 3 bytes.
        if ((long)base64.Length / 4 * 3 > run.Options.MaxAttachmentBytes + 3)
        {
            throw new OperationArgumentException("content_base64",
                $"content_base64: the file is larger than the {run.Options.MaxAttachmentBytes} bytes this gateway uploads.");
        }
        var bytes = new byte[base64.Length / 4 * 3 + 3];
        if (!Convert.TryFromBase64String(base64, bytes, out var length))
        {
            throw new OperationArgumentException("content_base64", "content_base64: not valid base64 (standard alphabet, with padding).");
        }
        if (length > run.Options.MaxAttachmentBytes)
        {
            throw new OperationArgumentException("content_base64",
                $"content_base64: the file is larger than the {run.Options.MaxAttachmentBytes} bytes this gateway uploads.");
        }
        await ScopeGuard.CheckIssueAsync(run, key, ct).ConfigureAwait(false);
        using var content = new MemoryStream(bytes, 0, length, writable: false);
        var upload = new AttachmentUpload { Content = content, FileName = fileName, ContentType = Args.String(args, "content_type"), Length = length };
        var stored = await run.Jira.Attachments.UploadAttachmentsAsync(key, [upload], cancellationToken: ct).ConfigureAwait(false);
        return run.Result(stored.Count > 0 ? stored[0].RequestId : null, r =>
        {
            r.W.WriteString("key", key);
            r.W.WritePropertyName("attachment");
            if (stored.Count > 0)
            {
                Write(r.W, stored[0]);
            }
            else
            {
                r.W.WriteNullValue();
            }
        });
    }

    private static async Task<OperationOutput> DeleteAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var id = Args.Required(args, "attachment_id");
        ScopeGuard.RefuseOpaque(run.Scope, "attachments:delete");
        await run.Jira.Attachments.DeleteAttachmentAsync(id, ct).ConfigureAwait(false);
        return run.Result(null, r =>
        {
            r.W.WriteString("id", id);
            r.W.WriteBoolean("deleted", true);
        });
    }

    private static void Write(Utf8JsonWriter w, Attachment a)
    {
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        w.WriteString("file_name", a.FileName);
        if (a.Size is { } size)
        {
            w.WriteNumber("size", size);
        }
        else
        {
            w.WriteNull("size");
        }
        w.WriteString("mime_type", a.MimeType);
        Json.User(w, "author", a.Author);
        Json.Date(w, "created", a.Created);
        w.WriteEndObject();
    }

    private static async Task<OperationOutput> ReadWorklogsAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var key = Args.Required(args, "issue_key");
        await ScopeGuard.CheckIssueAsync(run, key, ct).ConfigureAwait(false);
        var startAt = Args.StartAt(args);
        var max = Args.PageSize(args);
        var page = await run.Jira.Worklogs.ListWorklogsPageAsync(key, new ListWorklogsOptions { StartAt = startAt, PageSize = max }, ct).ConfigureAwait(false);
        return Lists.OffsetPage(run, page, startAt, max, (w, wl) => WriteWorklog(w, wl, run.Options.MaxTextChars), w => w.WriteString("key", key));
    }

    private static async Task<OperationOutput> CreateWorklogAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var key = Args.Required(args, "issue_key");
        DateTimeOffset? started = null;
        if (Args.String(args, "started") is { } text)
        {
            started = ParseStarted(text);
        }
        await ScopeGuard.CheckIssueAsync(run, key, ct).ConfigureAwait(false);
        var entry = new WorklogEntry { TimeSpent = Args.Required(args, "time_spent"), Started = started, Comment = Args.String(args, "comment") };
        var worklog = await run.Jira.Worklogs.AddWorklogAsync(key, entry, cancellationToken: ct).ConfigureAwait(false);
        using var result = run.NewResult();
        WriteWorklog(result.W, worklog, run.Options.MaxTextChars);
        return result.Finish(worklog.RequestId);
    }

    /// <summary>ISO 8601 with an offset; Jira's own form writes the offset without a colon (+0100).</summary>
    private static DateTimeOffset ParseStarted(string text)
    {
        var normal = text.Length > 5 && (text[^5] is '+' or '-') && char.IsAsciiDigit(text[^1]) ? text[..^2] + ":" + text[^2..] : text;
        return DateTimeOffset.TryParse(normal, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : throw new OperationArgumentException("started", $"started: '{text}' is not an ISO 8601 time with an offset, e.g. 2026-03-01T09:30:00+01:00.");
    }

    private static void WriteWorklog(Utf8JsonWriter w, Worklog wl, int maxTextChars)
    {
        w.WriteStartObject();
        w.WriteString("id", wl.Id);
        Json.User(w, "author", wl.Author);
        w.WriteString("time_spent", wl.TimeSpent);
        if (wl.TimeSpentSeconds is { } seconds)
        {
            w.WriteNumber("time_spent_seconds", seconds);
        }
        else
        {
            w.WriteNull("time_spent_seconds");
        }
        Json.Date(w, "started", wl.Started);
        Json.RichText(w, "comment", wl.Comment, maxTextChars);
        w.WriteEndObject();
    }
}
