using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace JiraGate.Gateway.AgentApi;

/// <summary>Fills the OpenAPI document's title and the agent key as a bearer security scheme on every /v1 operation.</summary>
internal sealed class AgentApiOpenApi : IOpenApiDocumentTransformer
{
    public const string DocumentName = "v1";
    private const string SchemeId = "agentKey";

    /// <summary>Declares the call's body: the arguments as one JSON object, optional (an empty body means none).</summary>
    public static Task DescribeArgumentsBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = false,
            Description = "The arguments, as the operation's parameters schema in GET /v1/operations describes them.",
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["application/json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object } },
            },
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "JiraGate agent API",
            Version = DocumentName,
            Description = "Governed access to Jira for agents: every call is authenticated with an agent key, checked against the agent's policies, approved by a person where a policy says so, audited, then carried out. Errors are RFC 9457 problem+json with a stable code.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "jg_agent_…",
            Description = "The agent's API key, as 'Authorization: Bearer jg_agent_…'.",
        };
        foreach (var (path, item) in document.Paths)
        {
            if (!path.StartsWith("/v1/", StringComparison.Ordinal) || item.Operations is null)
            {
                continue;
            }
            foreach (var operation in item.Operations.Values)
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, document)] = [] });
            }
        }
        return Task.CompletedTask;
    }
}
