using System.Security.Claims;
using JiraGate.Governance.Agents;

namespace JiraGate.Mcp;

/// <summary>How an authenticated agent rides on a request's <see cref="ClaimsPrincipal"/> (the HTTP transport sets it; the tools read it).</summary>
public static class McpAgentClaims
{
    /// <summary>The authentication type of a principal made from an agent key.</summary>
    public const string AuthenticationType = "JiraGateAgentKey";

    /// <summary>The claim carrying the agent's organisation.</summary>
    public const string OrgIdClaim = "jiragate:org";

    /// <summary>A principal for the agent: its id as the name identifier (the MCP SDK binds a session to it) and its organisation.</summary>
    public static ClaimsPrincipal ToPrincipal(AgentIdentity agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, agent.AgentId), new Claim(ClaimTypes.Name, agent.AgentId), new Claim(OrgIdClaim, agent.OrgId)],
            AuthenticationType);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The agent a principal made by <see cref="ToPrincipal"/> stands for, or null.</summary>
    public static AgentIdentity? FromPrincipal(ClaimsPrincipal? principal)
    {
        var identity = principal?.Identities.FirstOrDefault(i => i.IsAuthenticated && i.AuthenticationType == AuthenticationType);
        var id = identity?.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        var org = identity?.FindFirst(OrgIdClaim)?.Value;
        return id is null || org is null ? null : new AgentIdentity { AgentId = id, OrgId = org };
    }
}
