using System.Text.Json;
using JiraGate.Gateway.ApprovalsPage.Views;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Approvals;
using JiraGate.Governance.Catalog;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JiraGate.Gateway.ApprovalsPage;

/// <summary>The page's request handlers: queue, one request, approve/deny, sign-in and sign-out.</summary>
internal sealed partial class ApprovalsPageHandlers(
    ApprovalService approvals,
    ApproverSession session,
    IAntiforgery antiforgery,
    ChangePreviewBuilder previews,
    RedactedArguments redactor,
    ApprovedRequestRunner runner,
    IOptions<ApprovalsPageOptions> options,
    ILogger<ApprovalsPageHandlers> logger)
{
    // Pending rows beyond this many are described without reading their issue from Jira.
    private const int PreviewedRows = 25;
    private const int MaxCommentLength = 2000;

    private static readonly ApprovalState[] HistoryStates =
        [ApprovalState.Approved, ApprovalState.Executing, ApprovalState.Executed, ApprovalState.Failed, ApprovalState.Denied, ApprovalState.Expired];

    public async Task<IResult> ListAsync(HttpContext context)
    {
        var approver = await session.CurrentAsync(context);
        if (approver is null)
        {
            return ToSignIn(ApprovalsPageDefaults.Path);
        }
        var ct = context.RequestAborted;
        var pending = await approvals.ListAsync(new ApprovalQuery { OrgId = approver.OrgId, States = [ApprovalState.Pending], Limit = 1000 }, ct);
        var rows = new List<ListView.PendingRow>(pending.Count);
        for (var i = 0; i < pending.Count; i++)
        {
            var preview = await PreviewAsync(pending[i], readCurrent: i < PreviewedRows, ct);
            rows.Add(new ListView.PendingRow(pending[i], preview.Sentence));
        }
        var limit = Math.Clamp(options.Value.HistoryLimit, 1, 1000);
        var decided = await approvals.ListAsync(new ApprovalQuery { OrgId = approver.OrgId, States = HistoryStates, Limit = Math.Min(1000, limit * 4) }, ct);
        // Policy-automatic approvals are in the audit log; the history here is people's decisions.
        var history = decided.Where(a => !a.Automatic).Take(limit).ToList();
        var info = context.Request.Query["signed_in"].Count > 0 ? $"Welcome, {approver.DisplayName}." : null;
        return Html(ListView.Render(approver, Token(context), rows, history, info));
    }

    public async Task<IResult> DetailAsync(HttpContext context, string id)
    {
        var approver = await session.CurrentAsync(context);
        if (approver is null)
        {
            return ToSignIn($"{ApprovalsPageDefaults.Path}/{id}");
        }
        var approval = IsApprovalId(id) ? await approvals.GetForApproverAsync(approver.Identity, id, context.RequestAborted) : null;
        if (approval is null)
        {
            return NotFound(context, approver, id);
        }
        return await RenderDetailAsync(context, approver, approval, error: null, info: DoneMessage(context, approval), StatusCodes.Status200OK);
    }

    public Task<IResult> ApproveAsync(HttpContext context, string id) => DecideAsync(context, id, approve: true);

    public Task<IResult> DenyAsync(HttpContext context, string id) => DecideAsync(context, id, approve: false);

    private async Task<IResult> DecideAsync(HttpContext context, string id, bool approve)
    {
        var approver = await session.CurrentAsync(context);
        if (approver is null)
        {
            return ToSignIn($"{ApprovalsPageDefaults.Path}/{id}");
        }
        if (await RefuseForgeryAsync(context) is { } forged)
        {
            return forged;
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var comment = form["comment"].ToString().Trim();
        if (comment.Length > MaxCommentLength)
        {
            comment = comment[..MaxCommentLength];
        }
        if (!IsApprovalId(id))
        {
            return NotFound(context, approver, id);
        }
        var ct = context.RequestAborted;
        var decided = approve
            ? await approvals.ApproveAsync(id, approver.Identity, comment, ct)
            : await approvals.DenyAsync(id, approver.Identity, comment, ct);
        if (!decided.Succeeded)
        {
            if (decided.Approval is null)
            {
                return NotFound(context, approver, id);
            }
            var status = decided.Refusal == ApprovalRefusal.FourEyes ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict;
            var refusal = decided.Refusal == ApprovalRefusal.FourEyes ? "Four-eyes rule: " + decided.Message : decided.Message;
            return await RenderDetailAsync(context, approver, decided.Approval, refusal, info: null, status);
        }
        if (approve)
        {
            await runner.RunAsync(decided.Approval!);
        }
        return SeeOther($"{ApprovalsPageDefaults.Path}/{id}?done={(approve ? "approved" : "denied")}");
    }

    private async Task<IResult> RenderDetailAsync(HttpContext context, Approver approver, Approval approval, string? error, string? info, int status)
    {
        var redacted = redactor.Redact(approval);
        // Jira's current values matter only while a decision is open; afterwards the request is shown as it was asked.
        var preview = await PreviewAsync(approval, redacted, readCurrent: approval.State == ApprovalState.Pending, context.RequestAborted);
        var model = new DetailView.Model(approval, preview, RedactedArguments.Indent(redacted), Result(approval), error, info);
        return Html(DetailView.Render(approver, Token(context), model), status);
    }

    private Task<ChangePreview> PreviewAsync(Approval approval, bool readCurrent, CancellationToken ct) =>
        PreviewAsync(approval, redactor.Redact(approval), readCurrent, ct);

    private async Task<ChangePreview> PreviewAsync(Approval approval, string redactedJson, bool readCurrent, CancellationToken ct)
    {
        if (!OperationCatalog.Default.TryGet(approval.Operation, out var op))
        {
            return new ChangePreview { Sentence = $"{approval.Operation} (not an operation this gateway knows; it will not be executed)." };
        }
        using var document = JsonDocument.Parse(redactedJson);
        return await previews.BuildAsync(op, document.RootElement, readCurrent, new AgentIdentity { AgentId = approval.AgentId, OrgId = approval.OrgId }, ct);
    }

    private string? Result(Approval approval)
    {
        if (approval.ResultJson is not { } json)
        {
            return null;
        }
        string text;
        try
        {
            text = RedactedArguments.Indent(json);
        }
        catch (JsonException)
        {
            text = json;
        }
        var max = Math.Max(256, options.Value.MaxResultChars);
        return text.Length <= max ? text : text[..max] + "\n… (cut; the agent receives the whole result)";
    }

    private static string? DoneMessage(HttpContext context, Approval approval)
    {
        var done = context.Request.Query["done"].ToString();
        if (done.Length == 0)
        {
            return null;
        }
        return approval.State switch
        {
            ApprovalState.Denied => $"Denied. The agent is told so when it collects approval {approval.Id}.",
            ApprovalState.Executed => "Approved and executed once. The agent collects the result below.",
            ApprovalState.Failed => "Approved, but the execution failed: the error is below, and the agent is told the same.",
            ApprovalState.Executing => "Approved; the execution is under way.",
            ApprovalState.Approved => "Approved. It is executed once, when the agent collects it.",
            _ => null,
        };
    }
}
