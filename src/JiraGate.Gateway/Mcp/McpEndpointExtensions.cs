using JiraGate.Governance.Agents;
using JiraGate.Mcp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace JiraGate.Gateway.Mcp;

/// <summary>MCP over Streamable HTTP at <c>/mcp</c>: the agent key as a bearer token on every request, tools as the agent's policies grant.</summary>
public static class McpEndpointExtensions
{
    /// <summary>The default path of the MCP endpoint.</summary>
    public const string DefaultPattern = "/mcp";

    /// <summary>
    /// Adds JiraGate's MCP tools (<c>AddJiraGateMcp</c>) and the SDK's Streamable HTTP transport, whose sessions take
    /// their tools from the agent that authenticated each request. Needs an <c>IOperationPipeline</c> and an
    /// <see cref="AgentRegistry"/> registered.
    /// </summary>
    public static IServiceCollection AddJiraGateMcpHttp(this IServiceCollection services, Action<JiraGateMcpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddJiraGateMcp(configure);
        services.AddMcpServer().WithHttpTransport(http =>
        {
            // Every request carries the key and is authenticated on its own, so no session state is needed: a revoked
            // key stops working at its next request, and replicas need no session affinity.
            http.Stateless = true;
            http.ConfigureSessionOptions = (context, options, _) =>
            {
                context.RequestServices.GetRequiredService<JiraGateMcpServer>().ConfigureHandlers(options);
                return Task.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>Maps the MCP endpoint (default <c>/mcp</c>); a request without a live agent key gets 401 before the SDK sees it.</summary>
    public static IEndpointConventionBuilder MapJiraGateMcp(this IEndpointRouteBuilder endpoints, string pattern = DefaultPattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var builder = endpoints.MapMcp(pattern);
        builder.Add(endpoint =>
        {
            var next = endpoint.RequestDelegate ?? throw new InvalidOperationException("The MCP endpoint has no request delegate.");
            endpoint.RequestDelegate = context => McpAgentAuthentication.InvokeAsync(context, next);
        });
        return builder;
    }
}
