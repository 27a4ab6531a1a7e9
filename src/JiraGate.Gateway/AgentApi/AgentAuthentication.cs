using JiraGate.Gateway.Problems;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace JiraGate.Gateway.AgentApi;

/// <summary>
/// Turns <c>Authorization: Bearer jg_agent_…</c> into the calling <see cref="Agent"/> through
/// <see cref="AgentRegistry.AuthenticateAsync"/>. Every failure (no header, another scheme, a malformed, unknown, revoked
/// or expired key, a disabled agent) is the same 401 <c>unauthenticated</c>, so a caller learns nothing about which keys
/// exist. The key itself never reaches a log, a problem or an exception.
/// </summary>
public static class AgentAuthentication
{
    private const string BearerPrefix = "Bearer ";
    private static readonly object AgentKey = new();

    /// <summary>The agent the current request authenticated as (set by the agent API's filter), or null.</summary>
    public static Agent? GetAgent(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(AgentKey, out var agent) ? agent as Agent : null;
    }

    /// <summary>The bearer token of the request, or null when there is none.</summary>
    public static string? ReadBearerToken(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization;
        if (header.Count != 1 || header[0] is not { } value || !value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var token = value.AsSpan(BearerPrefix.Length).Trim();
        return token.IsEmpty ? null : token.ToString();
    }

    /// <summary>Authenticates the request; on success the agent is remembered for <see cref="GetAgent"/>.</summary>
    /// <returns>The agent, or null when the caller is not let in.</returns>
    public static async Task<Agent?> AuthenticateAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetAgent() is { } known)
        {
            return known;
        }
        var token = ReadBearerToken(context.Request);
        if (token is null)
        {
            return null;
        }
        var registry = context.RequestServices.GetRequiredService<AgentRegistry>();
        var result = await registry.AuthenticateAsync(token, context.RequestAborted);
        if (!result.Succeeded)
        {
            return null;
        }
        context.Items[AgentKey] = result.Holder;
        return result.Holder;
    }

    /// <summary>The 401 every authentication failure answers with.</summary>
    public static ProblemResult Unauthenticated(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var presented = context.Request.Headers.Authorization.Count > 0;
        return ProblemResult.Create(
            OperationErrorCodes.Unauthenticated,
            presented
                ? "The agent key was not accepted: it is wrong, revoked or expired, or the agent is disabled. Ask the gateway's operator for a current key (jiragate agents rotate-key)."
                : "No agent key. Send it as 'Authorization: Bearer jg_agent_…'.",
            instance: context.Request.Path);
    }
}
