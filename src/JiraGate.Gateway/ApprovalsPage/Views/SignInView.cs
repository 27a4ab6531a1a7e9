namespace JiraGate.Gateway.ApprovalsPage.Views;

/// <summary>The sign-in form: one approver key field.</summary>
internal static class SignInView
{
    public static string Render(string csrfToken, string? returnPath, string? error, string? info)
    {
        var h = new Html();
        h.Append($"""
            <section class="card narrow" aria-labelledby="sign-in-title">
            <h1 id="sign-in-title">Sign in to approve requests</h1>
            <p>Paste your approver key. It starts with <code>jg_appr_</code>; agent keys (<code>jg_agent_</code>) cannot sign in here.</p>
            {Layout.Message(error, error: true)}{Layout.Message(info, error: false)}
            <form method="post" action="{ApprovalsPageDefaults.Path}/sign-in">
            <input type="hidden" name="{ApprovalsPageDefaults.AntiforgeryFieldName}" value="{csrfToken}">
            <input type="hidden" name="return" value="{returnPath ?? ""}">
            <label for="key">Approver key</label>
            <input id="key" name="key" type="password" autocomplete="off" spellcheck="false" required autofocus
                   aria-describedby="key-help"{(error is null ? HtmlFragment.Empty : new HtmlFragment(" aria-invalid=\"true\""))}>
            <p id="key-help" class="help">Your session ends when you sign out, after a while without use, or when the key is revoked.</p>
            <button type="submit" class="button primary">Sign in</button>
            </form>
            </section>
            """);
        return Layout.Page("Sign in", h.ToFragment());
    }
}
