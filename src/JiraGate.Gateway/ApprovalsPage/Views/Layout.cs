using JiraGate.Governance.Agents;

namespace JiraGate.Gateway.ApprovalsPage.Views;

/// <summary>The frame of every page: head, skip link, header with the signed-in approver and sign-out, main.</summary>
internal static class Layout
{
    public static string Page(string title, HtmlFragment main, Approver? approver = null, string? csrfToken = null)
    {
        var h = new Html();
        h.Append($"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>{title} · JiraGate approvals</title>
            <link rel="stylesheet" href="{ApprovalsPageDefaults.Path}/assets/approvals.css">
            </head>
            <body>
            <a class="skip" href="#main">Skip to content</a>
            <header class="top">
            <a class="brand" href="{ApprovalsPageDefaults.Path}">JiraGate approvals</a>

            """);
        if (approver is not null && csrfToken is not null)
        {
            h.Append($"""
                <form class="who" method="post" action="{ApprovalsPageDefaults.Path}/sign-out">
                <span>Signed in as <strong>{approver.DisplayName}</strong> ({approver.Id}, {approver.OrgId})</span>
                <input type="hidden" name="{ApprovalsPageDefaults.AntiforgeryFieldName}" value="{csrfToken}">
                <button type="submit" class="button secondary">Sign out</button>
                </form>

                """);
        }
        h.Append($"""
            </header>
            <main id="main" tabindex="-1">
            {main}
            </main>
            </body>
            </html>

            """);
        return h.ToString();
    }

    /// <summary>A coloured badge for a risk level (text and colour, never colour alone).</summary>
    public static HtmlFragment RiskBadge(string risk)
    {
        var css = risk switch { "high" => "high", "medium" => "medium", "low" => "low", _ => "unknown" };
        return new Html().Append($"""<span class="badge risk-{css}">{risk} risk</span>""").ToFragment();
    }

    /// <summary>A badge for an approval's state.</summary>
    public static HtmlFragment StateBadge(string state) =>
        new Html().Append($"""<span class="badge state-{state}">{state}</span>""").ToFragment();

    /// <summary>An instant as people read it, in UTC, inside a time element.</summary>
    public static HtmlFragment Time(DateTimeOffset? at)
    {
        if (at is not { } t)
        {
            return new Html().Append($"<span class=\"muted\">—</span>").ToFragment();
        }
        var utc = t.ToUniversalTime();
        return new Html().Append($"""<time datetime="{utc:yyyy-MM-ddTHH:mm:ssZ}">{utc:yyyy-MM-dd HH:mm} UTC</time>""").ToFragment();
    }

    /// <summary>A message box: role=alert for errors, role=status for news.</summary>
    public static HtmlFragment Message(string? text, bool error)
    {
        if (string.IsNullOrEmpty(text))
        {
            return HtmlFragment.Empty;
        }
        return error
            ? new Html().Append($"""<div class="alert error" role="alert">{text}</div>""").ToFragment()
            : new Html().Append($"""<div class="alert info" role="status">{text}</div>""").ToFragment();
    }
}
