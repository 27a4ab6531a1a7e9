using JiraGate.Gateway.ApprovalsPage.Views;
using JiraGate.Governance.Agents;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace JiraGate.Gateway.ApprovalsPage;

internal sealed partial class ApprovalsPageHandlers
{
    public async Task<IResult> SignInFormAsync(HttpContext context)
    {
        if (await session.CurrentAsync(context) is not null)
        {
            return SeeOther(SafeReturn(context.Request.Query["return"]));
        }
        var info = context.Request.Query["signed_out"].Count > 0 ? "You are signed out." : null;
        return Html(SignInView.Render(Token(context), SafeReturn(context.Request.Query["return"]), error: null, info));
    }

    public async Task<IResult> SignInAsync(HttpContext context)
    {
        if (await RefuseForgeryAsync(context) is { } forged)
        {
            return forged;
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var returnPath = SafeReturn(form["return"]);
        var check = await session.SignInAsync(context, form["key"].ToString().Trim());
        if (check.Succeeded)
        {
            var separator = returnPath.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            return SeeOther(returnPath == ApprovalsPageDefaults.Path ? $"{returnPath}{separator}signed_in=1" : returnPath);
        }
        var error = check.Status == KeyAuthenticationStatus.Malformed
            ? "That is not an approver key. Approver keys start with jg_appr_; an agent's key cannot approve."
            : "That approver key was not accepted: it is unknown, revoked or rotated out, or its approver is disabled. Ask whoever runs JiraGate for a current key.";
        return Html(SignInView.Render(Token(context), returnPath, error, info: null), StatusCodes.Status401Unauthorized);
    }

    public async Task<IResult> SignOutAsync(HttpContext context)
    {
        var approver = await session.CurrentAsync(context);
        if (approver is null)
        {
            return SeeOther($"{ApprovalsPageDefaults.Path}/sign-in?signed_out=1");
        }
        if (await RefuseForgeryAsync(context) is { } forged)
        {
            return forged;
        }
        await session.SignOutAsync(context, approver);
        return SeeOther($"{ApprovalsPageDefaults.Path}/sign-in?signed_out=1");
    }

    /// <summary>A 400 page when the form's antiforgery token is missing or wrong; null when it is valid.</summary>
    private async Task<IResult?> RefuseForgeryAsync(HttpContext context)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(context);
            return null;
        }
        catch (AntiforgeryValidationException)
        {
            ApprovalsPageLog.AntiforgeryRefused(logger, context.Request.Path);
            var main = new Html().Append($"""
                <section class="card narrow">
                <h1>This form could not be accepted</h1>
                {Layout.Message("The form was not sent from this page, or it expired. Nothing was changed.", error: true)}
                <p><a href="{ApprovalsPageDefaults.Path}">Go back to the approvals</a>, reload, and try again.</p>
                </section>
                """);
            return Html(Layout.Page("Form refused", main.ToFragment()), StatusCodes.Status400BadRequest);
        }
    }

    private IResult NotFound(HttpContext context, Approver approver, string id)
    {
        var main = new Html().Append($"""
            <p class="back"><a href="{ApprovalsPageDefaults.Path}">← All requests</a></p>
            <h1>No such request</h1>
            {Layout.Message($"There is no approval {id} in {approver.OrgId}.", error: true)}
            """);
        return Html(Layout.Page("Not found", main.ToFragment(), approver, Token(context)), StatusCodes.Status404NotFound);
    }

    private string Token(HttpContext context) => antiforgery.GetAndStoreTokens(context).RequestToken!;

    private static IResult ToSignIn(string returnPath) =>
        SeeOther($"{ApprovalsPageDefaults.Path}/sign-in?return={Uri.EscapeDataString(returnPath)}");

    private static SeeOtherResult SeeOther(string location) => new(location);

    private static IResult Html(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);

    /// <summary>Only a path of this page may follow sign-in: never another site, never a scheme-relative URL.</summary>
    internal static string SafeReturn(string? candidate)
    {
        if (string.IsNullOrEmpty(candidate) || candidate.Length > 512 || candidate.Contains('\\', StringComparison.Ordinal)
            || candidate.StartsWith("//", StringComparison.Ordinal)
            || !(candidate == ApprovalsPageDefaults.Path || candidate.StartsWith(ApprovalsPageDefaults.Path + "/", StringComparison.Ordinal)
                 || candidate.StartsWith(ApprovalsPageDefaults.Path + "?", StringComparison.Ordinal)))
        {
            return ApprovalsPageDefaults.Path;
        }
        return candidate;
    }

    /// <summary>Approval ids are short and plain; anything else is not looked up.</summary>
    internal static bool IsApprovalId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}

/// <summary>303 See Other: after a form, the browser fetches the next page with GET.</summary>
internal sealed class SeeOtherResult(string location) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = location;
        return Task.CompletedTask;
    }
}
