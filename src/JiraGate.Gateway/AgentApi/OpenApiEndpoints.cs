using JiraGate.Gateway.AgentApi;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the agent API's OpenAPI document.</summary>
public static class OpenApiEndpoints
{
    /// <summary>Maps /openapi/v1.json (no key needed: it describes, it grants nothing).</summary>
    public static IEndpointConventionBuilder MapJiraGateOpenApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapOpenApi("/openapi/{documentName}.json");
    }

    /// <summary>Maps the agent API, /healthz and /readyz, and the OpenAPI document.</summary>
    public static IEndpointRouteBuilder MapJiraGateGateway(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapJiraGateAgentApi();
        endpoints.MapJiraGateHealth();
        endpoints.MapJiraGateOpenApi();
        return endpoints;
    }

    internal static string DocumentPath => "/openapi/" + AgentApiOpenApi.DocumentName + ".json";
}
