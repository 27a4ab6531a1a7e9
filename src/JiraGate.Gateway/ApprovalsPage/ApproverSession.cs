using System.Security.Claims;
using JiraGate.Governance.Agents;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace JiraGate.Gateway.ApprovalsPage;

/// <summary>
/// Approver sessions: an approver key (<c>jg_appr_…</c>) is checked once at sign-in and turned into a cookie session
/// carrying the approver's id, organisation and the key's public id — never the key. Every request checks again that
/// the approver is enabled and the key neither revoked nor rotated out, so a revocation ends open sessions at once.
/// </summary>
internal sealed class ApproverSession(ApproverRegistry registry, IApproverStore store, TimeProvider time, ILogger<ApproverSession> logger)
{
    private const string OrgClaim = "jiragate:org";
    private const string KeyClaim = "jiragate:key_id";

    /// <summary>The signed-in approver, or null (an ended session's cookie is removed).</summary>
    public async Task<Approver?> CurrentAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(ApprovalsPageDefaults.AuthenticationScheme);
        if (!result.Succeeded || result.Principal is not { } principal)
        {
            return null;
        }
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var org = principal.FindFirstValue(OrgClaim);
        var keyId = principal.FindFirstValue(KeyClaim);
        var approver = id is null ? null : await registry.GetAsync(id, context.RequestAborted);
        var key = keyId is null ? null : await store.FindKeyAsync(keyId, context.RequestAborted);
        var now = time.GetUtcNow();
        if (approver is null || !approver.Enabled || !string.Equals(approver.OrgId, org, StringComparison.Ordinal)
            || key is null || !string.Equals(key.HolderId, approver.Id, StringComparison.Ordinal)
            || key.RevokedAt is not null || (key.ExpiresAt is { } expires && expires <= now))
        {
            await context.SignOutAsync(ApprovalsPageDefaults.AuthenticationScheme);
            return null;
        }
        // The antiforgery tokens of the page's forms are bound to this user.
        context.User = principal;
        return approver;
    }

    /// <summary>Checks the key and, when it is an approver's live key, starts the session.</summary>
    public async Task<KeyAuthentication<Approver>> SignInAsync(HttpContext context, string? key)
    {
        var check = await registry.AuthenticateAsync(key, context.RequestAborted);
        if (!check.Succeeded)
        {
            ApprovalsPageLog.SignInRefused(logger, check.Status.ToString());
            return check;
        }
        var approver = check.Holder!;
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, approver.Id),
            new Claim(ClaimTypes.Name, approver.DisplayName),
            new Claim(OrgClaim, approver.OrgId),
            new Claim(KeyClaim, check.KeyId ?? ""),
        ], ApprovalsPageDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role);
        var principal = new ClaimsPrincipal(identity);
        await context.SignInAsync(ApprovalsPageDefaults.AuthenticationScheme, principal, new AuthenticationProperties { IsPersistent = false });
        context.User = principal;
        ApprovalsPageLog.SignedIn(logger, approver.Id, check.KeyId);
        return check;
    }

    /// <summary>Ends the session.</summary>
    public async Task SignOutAsync(HttpContext context, Approver approver)
    {
        await context.SignOutAsync(ApprovalsPageDefaults.AuthenticationScheme);
        ApprovalsPageLog.SignedOut(logger, approver.Id);
    }
}
