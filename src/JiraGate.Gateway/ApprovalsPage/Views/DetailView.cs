using JiraGate.Governance.Agents;
using JiraGate.Governance.Approvals;

namespace JiraGate.Gateway.ApprovalsPage.Views;

/// <summary>One request: who asked, under which policy, exactly what will change, the redacted arguments, and the decision.</summary>
internal static class DetailView
{
    public sealed record Model(
        Approval Approval,
        ChangePreview Preview,
        string RedactedArgumentsJson,
        string? Result,
        string? Error,
        string? Info);

    public static string Render(Approver approver, string csrfToken, Model m)
    {
        var a = m.Approval;
        var state = ApprovalStates.ToName(a.State);
        var path = ApprovalsPageDefaults.Path;
        var h = new Html();
        h.Append($"""
            <p class="back"><a href="{path}">← All requests</a></p>
            <h1><code>{a.Operation}</code> requested by {a.AgentId} {Layout.RiskBadge(a.Risk)} {Layout.StateBadge(state)}</h1>
            {Layout.Message(m.Error, error: true)}{Layout.Message(m.Info, error: false)}
            <section class="card" aria-labelledby="change-title">
            <h2 id="change-title">{(a.State == ApprovalState.Pending ? "What will change" : "What was asked")}</h2>
            <p class="sentence">{m.Preview.Sentence}</p>
            {Layout.Message(m.Preview.Note, error: false)}

            """);
        if (m.Preview.Fields.Count > 0)
        {
            h.Append($"""
                <table class="fields">
                <caption class="visually-hidden">Field by field</caption>
                <thead><tr><th scope="col">Field</th>{(m.Preview.ShowsCurrent ? new HtmlFragment("<th scope=\"col\">Current value</th>") : HtmlFragment.Empty)}<th scope="col">New value</th></tr></thead>
                <tbody>

                """);
            foreach (var f in m.Preview.Fields)
            {
                var current = m.Preview.ShowsCurrent
                    ? new Html().Append($"""<td class="old">{Value(f.Current)}</td>""").ToFragment()
                    : HtmlFragment.Empty;
                h.Append($"""<tr{(f.Changes ? HtmlFragment.Empty : new HtmlFragment(" class=\"same\""))}><th scope="row">{f.Field}</th>{current}<td class="new">{Value(f.New)}</td></tr>""");
                h.Append($"\n");
            }
            h.Append($"</tbody></table>");
        }
        h.Append($"""
            </section>
            <section class="card" aria-labelledby="facts-title">
            <h2 id="facts-title">Request</h2>
            <dl class="facts">
            <dt>Approval</dt><dd class="mono">{a.Id}</dd>
            <dt>Agent</dt><dd>{a.AgentId} <span class="muted">({a.OrgId}; owner {a.AgentOwner ?? "unknown"})</span></dd>
            <dt>Operation</dt><dd><code>{a.Operation}</code></dd>
            <dt>Risk</dt><dd>{Layout.RiskBadge(a.Risk)}</dd>
            <dt>Policy</dt><dd>{a.Policy ?? "—"}{(a.Channel is { } ch ? new Html().Append($" <span class=\"muted\">(channel {ch})</span>").ToFragment() : HtmlFragment.Empty)}</dd>
            <dt>Requested</dt><dd>{Layout.Time(a.CreatedAt)}</dd>
            <dt>Expires</dt><dd>{Layout.Time(a.ExpiresAt)}</dd>
            <dt>Arguments hash</dt><dd class="mono">sha256:{a.Arguments.Sha256}</dd>
            </dl>
            <h3 id="args-title">Arguments (redacted as in the audit log)</h3>
            <pre class="json" aria-labelledby="args-title"><code>{m.RedactedArgumentsJson}</code></pre>
            </section>

            """);
        if (a.State == ApprovalState.Pending)
        {
            h.Append($"""
                <section class="card decide" aria-labelledby="decide-title">
                <h2 id="decide-title">Your decision</h2>
                <form method="post" action="{path}/{a.Id}/approve">
                <input type="hidden" name="{ApprovalsPageDefaults.AntiforgeryFieldName}" value="{csrfToken}">
                <label for="comment">Comment <span class="muted">(optional, kept in the history)</span></label>
                <textarea id="comment" name="comment" rows="3" maxlength="2000"></textarea>
                <div class="actions">
                <button type="submit" class="button primary">Approve and execute</button>
                <button type="submit" class="button danger" formaction="{path}/{a.Id}/deny">Deny</button>
                </div>
                <p class="help">You decide as <strong>{approver.DisplayName}</strong> ({approver.Id}). Approving runs exactly these arguments once.</p>
                </form>
                </section>

                """);
        }
        else
        {
            h.Append($"""
                <section class="card" aria-labelledby="outcome-title">
                <h2 id="outcome-title">Outcome</h2>
                <dl class="facts">
                <dt>State</dt><dd>{Layout.StateBadge(state)}</dd>
                <dt>Decided by</dt><dd>{a.DecidedBy ?? "—"}</dd>
                <dt>Decided</dt><dd>{Layout.Time(a.DecidedAt)}</dd>
                <dt>Comment</dt><dd>{a.DecisionComment ?? "—"}</dd>
                <dt>Executed by</dt><dd>{a.ExecutedBy ?? "—"}</dd>
                <dt>Finished</dt><dd>{Layout.Time(a.CompletedAt)}</dd>
                </dl>

                """);
            if (m.Result is { } result)
            {
                h.Append($"""<h3 id="result-title">Result</h3><pre class="json" aria-labelledby="result-title"><code>{result}</code></pre>""");
            }
            if (a.Error is { } err)
            {
                h.Append($"""<h3>Error</h3><pre class="json"><code>{err}</code></pre>""");
            }
            h.Append($"</section>");
        }
        return Layout.Page($"{a.Operation} by {a.AgentId}", h.ToFragment(), approver, csrfToken);
    }

    private static HtmlFragment Value(string? value) => value is null
        ? new HtmlFragment("<span class=\"muted\">(empty)</span>")
        : new Html().Append($"{value}").ToFragment();
}
