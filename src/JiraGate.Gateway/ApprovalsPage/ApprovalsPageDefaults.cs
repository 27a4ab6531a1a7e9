namespace JiraGate.Gateway.ApprovalsPage;

/// <summary>Names the approvals page uses: its path, its authentication scheme and its cookies.</summary>
public static class ApprovalsPageDefaults
{
    /// <summary>Where the page lives.</summary>
    public const string Path = "/approvals";

    /// <summary>The cookie authentication scheme of approver sessions (never the application's default scheme).</summary>
    public const string AuthenticationScheme = "JiraGate.Approver";

    /// <summary>The session cookie's name.</summary>
    public const string SessionCookieName = "jiragate_approver";

    /// <summary>The antiforgery cookie's name.</summary>
    public const string AntiforgeryCookieName = "jiragate_csrf";

    /// <summary>The hidden form field that carries the antiforgery token.</summary>
    public const string AntiforgeryFieldName = "__csrf";
}
