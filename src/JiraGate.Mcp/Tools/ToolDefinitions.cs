using System.Text.Json;
using System.Text.Json.Nodes;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Policies;
using ModelContextProtocol.Protocol;

namespace JiraGate.Mcp.Tools;

/// <summary>Turns a catalog operation and the agent's decision for it into an MCP tool: name, schema, description, annotations.</summary>
internal static class ToolDefinitions
{
    private const string ProfileSchema =
        """{ "enum": ["minimal", "standard", "full"], "description": "How much of the answer to return: minimal (keys and names), standard (default: no empty values or links), full (everything)." }""";

    private const string CursorSchema =
        """{ "type": "string", "minLength": 1, "maxLength": 128, "description": "next_cursor from a previous result of this tool: returns the next part of that result; other arguments are ignored." }""";

    public static Tool ForOperation(OperationDescriptor op, PolicyDecision decision, bool scoped)
    {
        var action = op.Name[(op.Name.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var isRead = action.StartsWith("read", StringComparison.Ordinal);
        var isDelete = action.StartsWith("delete", StringComparison.Ordinal);
        return new Tool
        {
            Name = McpToolNames.ForOperation(op.Name),
            Title = op.Description,
            Description = Describe(op, decision, scoped),
            InputSchema = WithPagingArguments(op.ParametersSchemaText),
            Annotations = new ToolAnnotations
            {
                Title = op.Description,
                ReadOnlyHint = isRead,
                DestructiveHint = !isRead && (isDelete || op.Risk == RiskLevel.High),
                IdempotentHint = isRead || op.Method is "PUT" or "DELETE",
                OpenWorldHint = true,
            },
        };
    }

    public static Tool ApprovalStatus() => new()
    {
        Name = McpToolNames.ApprovalStatus,
        Title = "Check a pending approval",
        Description = "The status of an approval id returned by another jira_ tool: pending, denied or expired — or, once a human approved, the result of the call (run exactly once). Risk: low. Runs at once.",
        InputSchema = WithPagingArguments(
            """
            { "type": "object", "additionalProperties": false, "required": ["approval_id"],
              "properties": { "approval_id": { "type": "string", "minLength": 1, "maxLength": 128, "description": "The approval id, e.g. apr_…" } } }
            """),
        Annotations = new ToolAnnotations { Title = "Check a pending approval", ReadOnlyHint = true, DestructiveHint = false, IdempotentHint = true, OpenWorldHint = true },
    };

    internal static string Describe(OperationDescriptor op, PolicyDecision decision, bool scoped)
    {
        var risk = op.Risk switch { RiskLevel.Low => "low", RiskLevel.Medium => "medium", _ => "high" };
        var mode = !decision.IsGranted ? "Whether it runs at once or needs approval depends on the call's arguments." : decision.Approval switch
        {
            ApprovalMode.Hitl => $"Needs human approval in {decision.HitlChannel ?? "the approvals channel"}; returns an approval id (check it with {McpToolNames.ApprovalStatus}).",
            ApprovalMode.Auto => "Runs at once (approved automatically and recorded).",
            _ => "Runs at once.",
        };
        var scope = scoped ? " Granted only within the projects and issue types your policy names." : "";
        return $"{op.Description}. Risk: {risk}. {mode}{scope}";
    }

    private static JsonElement WithPagingArguments(string schema)
    {
        var node = JsonNode.Parse(schema)!.AsObject();
        var properties = node["properties"] as JsonObject ?? [];
        node["properties"] = properties;
        properties[McpToolNames.ProfileArgument] ??= JsonNode.Parse(ProfileSchema);
        properties[McpToolNames.CursorArgument] ??= JsonNode.Parse(CursorSchema);
        using var doc = JsonDocument.Parse(node.ToJsonString());
        return doc.RootElement.Clone();
    }
}
