using JiraGate.Gateway.AgentApi;
using JiraGate.Gateway.Problems;
using JiraGate.Governance.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the agent HTTP API (ARCHITECTURE.md, issue 5 item 3).</summary>
public static class AgentApiEndpoints
{
    /// <summary>
    /// Maps GET /v1/operations, POST /v1/operations/{operation} and GET /v1/approvals/{id}. Every request needs an agent key
    /// as a bearer token (401 otherwise) and counts against the agent's rate limit (429 with Retry-After); every error is
    /// problem+json. Needs <c>services.AddJiraGateGateway()</c>, an <see cref="JiraGate.Governance.Agents.AgentRegistry"/>
    /// and an <see cref="IOperationPipeline"/>.
    /// </summary>
    public static RouteGroupBuilder MapJiraGateAgentApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/v1").WithTags("Agent API");
        group.AddEndpointFilter(AuthenticateAndLimitAsync);

        group.MapGet("/operations", ListOperations)
            .WithName("ListOperations")
            .WithSummary("The operations this agent may call")
            .WithDescription("Computed from the agent's bound policies: name, family, risk, approval mode (none, auto or hitl), description and the JSON Schema of the arguments. Denied operations are not listed.")
            .Produces<OperationListResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapPost("/operations/{operation}", CallOperationAsync)
            .WithName("CallOperation")
            .WithSummary("Call one operation")
            .WithDescription("The body is the arguments as one JSON object (an empty body means none). 200 with the result; 202 with an approval id when a person (or an auto approval) must approve first — poll links.self; errors are problem+json with a stable code (type https://jiragate.dev/problems/<code>), per-argument errors, Jira's own answer and retry_after where they apply.")
            // Not .Accepts(): its content-type matcher would answer a bare 415 before the handler's problem+json.
            .AddOpenApiOperationTransformer(AgentApiOpenApi.DescribeArgumentsBody)
            .Produces<OperationCallResponse>(StatusCodes.Status200OK)
            .Produces<ApprovalStatusResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);

        group.MapGet("/approvals/{id}", GetApprovalAsync)
            .WithName("GetApproval")
            .WithSummary("The state of one of this agent's approvals")
            .WithDescription("pending (with expires_at and channel), or executed with the result (the approved request is executed exactly once). A denied or expired approval is problem+json; another agent's approval is 404.")
            .Produces<ApprovalStatusResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        return group;
    }

    private static async ValueTask<object?> AuthenticateAndLimitAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var agent = await AgentAuthentication.AuthenticateAsync(context);
        if (agent is null)
        {
            return AgentAuthentication.Unauthenticated(context);
        }
        if (context.RequestServices.GetRequiredService<AgentRateLimiter>().TryAcquire(agent.Id) is { } wait)
        {
            return new ProblemResult(new Problem
            {
                Code = OperationErrorCodes.RateLimited,
                Status = StatusCodes.Status429TooManyRequests,
                Detail = $"Agent {agent.Id} made too many requests to the gateway; wait retry_after seconds and try again.",
                Instance = context.Request.Path.Value,
                RetryAfter = wait,
            });
        }
        return await next(invocation);
    }

    private static IResult ListOperations(HttpContext context)
    {
        var agent = context.GetAgent()!;
        var operations = context.RequestServices.GetRequiredService<AgentOperations>().List(agent);
        return TypedResults.Json(
            new OperationListResponse { Agent = agent.Id, Operations = operations },
            AgentApiJsonContext.Answers.OperationListResponse);
    }

    private static async Task<IResult> CallOperationAsync(HttpContext context, string operation)
    {
        var agent = context.GetAgent()!;
        var options = context.RequestServices.GetRequiredService<IOptions<AgentApiOptions>>().Value;
        var (arguments, problem) = await ArgumentsBodyReader.ReadAsync(context, operation, options.MaxBodyFor(operation));
        if (problem is not null)
        {
            return problem;
        }
        var pipeline = context.RequestServices.GetRequiredService<IOperationPipeline>();
        var result = await pipeline.ExecuteAsync(
            new OperationCall { Agent = agent.Identity, Operation = operation, Arguments = arguments, EntryPoint = EntryPoint.Http },
            context.RequestAborted);
        return OperationResponses.ForCall(context, result);
    }

    private static async Task<IResult> GetApprovalAsync(HttpContext context, string id)
    {
        var agent = context.GetAgent()!;
        var pipeline = context.RequestServices.GetRequiredService<IOperationPipeline>();
        var result = await pipeline.GetApprovalResultAsync(agent.Identity, id, context.RequestAborted);
        return OperationResponses.ForApproval(context, id, result);
    }
}
