using JiraGate.Gateway.Problems;
using JiraGate.Governance.Pipeline;
using Microsoft.AspNetCore.Http;

namespace JiraGate.Gateway.AgentApi;

/// <summary>Turns a pipeline result into the agent API's answer: 200, 202 with a Location, or problem+json.</summary>
internal static class OperationResponses
{
    /// <summary>The path an approval is polled at.</summary>
    public static string ApprovalPath(string approvalId) => "/v1/approvals/" + Uri.EscapeDataString(approvalId);

    /// <summary>The answer to POST /v1/operations/{operation}.</summary>
    public static IResult ForCall(HttpContext context, OperationResult result) => result.Status switch
    {
        OperationStatus.Ok => TypedResults.Json(
            new OperationCallResponse
            {
                Operation = result.Operation,
                Result = result.Value ?? default,
                JiraRequestId = result.JiraRequestId,
                ApprovalId = result.ApprovalId,
            },
            AgentApiJsonContext.Answers.OperationCallResponse),
        OperationStatus.PendingApproval when result.ApprovalId is not null => Pending(context, result, StatusCodes.Status202Accepted),
        _ => Problem(context, result),
    };

    /// <summary>The answer to GET /v1/approvals/{id}.</summary>
    public static IResult ForApproval(HttpContext context, string approvalId, OperationResult result) => result.Status switch
    {
        OperationStatus.Ok => TypedResults.Json(
            new ApprovalStatusResponse
            {
                ApprovalId = result.ApprovalId ?? approvalId,
                Status = "executed",
                Operation = result.Operation,
                Result = result.Value,
                JiraRequestId = result.JiraRequestId,
                Links = new ApprovalLinks { Self = ApprovalPath(result.ApprovalId ?? approvalId) },
            },
            AgentApiJsonContext.Answers.ApprovalStatusResponse),
        OperationStatus.PendingApproval => Pending(context, result, StatusCodes.Status200OK, approvalId),
        _ => Problem(context, result),
    };

    private static IResult Pending(HttpContext context, OperationResult result, int status, string? approvalId = null)
    {
        var id = result.ApprovalId ?? approvalId!;
        var self = ApprovalPath(id);
        if (status == StatusCodes.Status202Accepted)
        {
            context.Response.Headers.Location = self;
        }
        return TypedResults.Json(
            new ApprovalStatusResponse
            {
                ApprovalId = id,
                Status = "pending",
                Operation = result.Operation,
                ExpiresAt = result.ApprovalExpiresAt,
                Channel = result.ApprovalChannel,
                Links = new ApprovalLinks { Self = self },
            },
            AgentApiJsonContext.Answers.ApprovalStatusResponse,
            statusCode: status);
    }

    private static ProblemResult Problem(HttpContext context, OperationResult result)
    {
        var error = result.Error ?? new OperationError
        {
            // A pipeline that answers neither a value nor an error is a bug; say so rather than invent a success.
            Code = "internal_error",
            Message = $"The gateway got no answer for {result.Operation} ({result.Status}). Nothing more is known; check the audit log before retrying a write.",
        };
        return ProblemResult.From(error, result.Operation, context.Request.Path.Value);
    }
}
