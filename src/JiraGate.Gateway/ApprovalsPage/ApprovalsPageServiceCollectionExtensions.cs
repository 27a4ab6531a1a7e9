using JiraGate.Gateway.ApprovalsPage;
using JiraGate.Governance.Audit;
using JiraGate.Governance.DependencyInjection;
using JiraGate.Governance.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the approvals page.</summary>
public static class ApprovalsPageServiceCollectionExtensions
{
    /// <summary>
    /// Adds what <c>app.MapJiraGateApprovalsPage()</c> needs: the approver cookie scheme (<c>JiraGate.Approver</c>; HttpOnly,
    /// SameSite=Strict, Secure when the request is https, path <c>/approvals</c>; not made the default scheme), antiforgery
    /// for its forms, the preview source and the page's handlers. Expects <c>AddJiraGateApprovals()</c> and the stores; an
    /// <see cref="IOperationPipeline"/> when approved requests should execute at once, and an <see cref="IOperationExecutor"/>
    /// (or your own <see cref="IIssuePreviewSource"/>) for current values in the preview.
    /// </summary>
    public static IServiceCollection AddJiraGateApprovalsPage(this IServiceCollection services, Action<ApprovalsPageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ApprovalsPageOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        services.TryAddSingleton(TimeProvider.System);
        services.AddAuthentication().AddCookie(ApprovalsPageDefaults.AuthenticationScheme, cookie =>
        {
            cookie.Cookie.Name = ApprovalsPageDefaults.SessionCookieName;
            cookie.Cookie.Path = ApprovalsPageDefaults.Path;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.IsEssential = true;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = ApprovalsPageDefaults.Path + "/sign-in";
            cookie.ReturnUrlParameter = "return";
        });
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(ApprovalsPageDefaults.AuthenticationScheme)
            .Configure<IOptions<ApprovalsPageOptions>, TimeProvider>((cookie, page, time) =>
            {
                cookie.ExpireTimeSpan = page.Value.SessionLifetime;
                cookie.TimeProvider = time;
            });
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.FormFieldName = ApprovalsPageDefaults.AntiforgeryFieldName;
            antiforgery.Cookie.Name = ApprovalsPageDefaults.AntiforgeryCookieName;
            antiforgery.Cookie.Path = ApprovalsPageDefaults.Path;
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // The page sends its own (stricter) X-Frame-Options and CSP.
            antiforgery.SuppressXFrameOptionsHeader = true;
        });
        services.TryAddSingleton<IIssuePreviewSource>(sp => sp.GetService<IOperationExecutor>() is { } executor
            ? new ExecutorIssuePreviewSource(executor)
            : new UnavailableIssuePreviewSource());
        // The audit log's own redaction settings, so the page never shows what the audit log would not keep.
        services.TryAddSingleton(sp => new RedactedArguments(new AuditRedactor(
            sp.GetService<IOptions<JiraGateOptions>>()?.Value.Audit.Redaction ?? sp.GetService<AuditLogOptions>()?.Redaction)));
        services.TryAddSingleton<ChangePreviewBuilder>();
        services.TryAddSingleton<ApproverSession>();
        services.TryAddSingleton<ApprovedRequestRunner>();
        services.TryAddSingleton<ApprovalsPageHandlers>();
        services.AddLogging();
        return services;
    }
}
