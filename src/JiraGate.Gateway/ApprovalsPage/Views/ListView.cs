using JiraGate.Governance.Agents;
using JiraGate.Governance.Approvals;

namespace JiraGate.Gateway.ApprovalsPage.Views;

/// <summary>The queue: pending requests first (with what each will do), then the history of decided ones.</summary>
internal static class ListView
{
    public sealed record PendingRow(Approval Approval, string Sentence);

    public static string Render(Approver approver, string csrfToken, IReadOnlyList<PendingRow> pending, IReadOnlyList<Approval> history, string? info)
    {
        var h = new Html();
        h.Append($"""
            {Layout.Message(info, error: false)}
            <section aria-labelledby="pending-title">
            <h1 id="pending-title">Waiting for a decision <span class="count">({pending.Count})</span></h1>

            """);
        if (pending.Count == 0)
        {
            h.Append($"""<p class="empty">Nothing is waiting for a decision in {approver.OrgId}.</p>""");
        }
        else
        {
            h.Append($"""
                <table class="list">
                <caption class="visually-hidden">Requests waiting for a decision, newest first</caption>
                <thead><tr><th scope="col">Request</th><th scope="col">Agent</th><th scope="col">Operation</th><th scope="col">Risk</th><th scope="col">Policy</th><th scope="col">Requested</th><th scope="col">Expires</th></tr></thead>
                <tbody>

                """);
            foreach (var row in pending)
            {
                var a = row.Approval;
                h.Append($"""
                    <tr>
                    <td><a href="{ApprovalsPageDefaults.Path}/{a.Id}">{row.Sentence}</a><div class="muted mono">{a.Id}</div></td>
                    <td class="nowrap">{a.AgentId}</td>
                    <td><code>{a.Operation}</code></td>
                    <td>{Layout.RiskBadge(a.Risk)}</td>
                    <td>{a.Policy ?? "—"}</td>
                    <td class="nowrap">{Layout.Time(a.CreatedAt)}</td>
                    <td class="nowrap">{Layout.Time(a.ExpiresAt)}</td>
                    </tr>

                    """);
            }
            h.Append($"</tbody></table>");
        }
        h.Append($"""
            </section>
            <section aria-labelledby="history-title">
            <h2 id="history-title">History</h2>

            """);
        if (history.Count == 0)
        {
            h.Append($"""<p class="empty">No request has been decided yet.</p>""");
        }
        else
        {
            h.Append($"""
                <table class="list">
                <caption class="visually-hidden">Decided requests, newest first</caption>
                <thead><tr><th scope="col">Request</th><th scope="col">Agent</th><th scope="col">Operation</th><th scope="col">Risk</th><th scope="col">Outcome</th><th scope="col">Decided by</th><th scope="col">Decided</th><th scope="col">Finished</th></tr></thead>
                <tbody>

                """);
            foreach (var a in history)
            {
                h.Append($"""
                    <tr>
                    <td><a class="mono" href="{ApprovalsPageDefaults.Path}/{a.Id}">{a.Id}</a></td>
                    <td class="nowrap">{a.AgentId}</td>
                    <td><code>{a.Operation}</code></td>
                    <td>{Layout.RiskBadge(a.Risk)}</td>
                    <td>{Layout.StateBadge(ApprovalStates.ToName(a.State))}</td>
                    <td>{a.DecidedBy ?? "—"}{(a.DecisionComment is { } c ? new Html().Append($"""<div class="muted">“{c}”</div>""").ToFragment() : HtmlFragment.Empty)}</td>
                    <td>{Layout.Time(a.DecidedAt)}</td>
                    <td>{Layout.Time(a.CompletedAt)}</td>
                    </tr>

                    """);
            }
            h.Append($"</tbody></table>");
        }
        h.Append($"</section>");
        return Layout.Page("Approvals", h.ToFragment(), approver, csrfToken);
    }
}
