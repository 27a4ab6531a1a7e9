using System.Text;
using JiraGate.Governance.Agents;
using JiraGate.Mcp;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace JiraGate.Gateway.Mcp;

/// <summary>Turns the bearer agent key of an MCP request into the request's user, or answers 401 (problem+json, code unauthenticated).</summary>
internal static class McpAgentAuthentication
{
    private static readonly byte[] Unauthorized = Encoding.UTF8.GetBytes(
        """{"type":"https://jiragate.dev/errors/unauthenticated","title":"Unauthenticated","status":401,"code":"unauthenticated","detail":"Send a live agent key as 'Authorization: Bearer jg_agent_…'. The key given is missing, unknown, revoked or expired, or its agent is disabled."}""");

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var key = BearerToken(context.Request.Headers.Authorization.ToString());
        var registry = context.RequestServices.GetRequiredService<AgentRegistry>();
        var auth = await registry.AuthenticateAsync(key, context.RequestAborted);
        if (!auth.Succeeded)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer realm=\"jiragate\"";
            context.Response.ContentType = "application/problem+json";
            await context.Response.Body.WriteAsync(Unauthorized, context.RequestAborted);
            return;
        }

        context.User = McpAgentClaims.ToPrincipal(auth.Holder!.Identity);
        await next(context);
    }

    private static string? BearerToken(string header) =>
        header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
}
