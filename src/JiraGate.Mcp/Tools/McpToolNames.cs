using JiraGate.Governance.Catalog;

namespace JiraGate.Mcp.Tools;

/// <summary>Tool names: <c>jira_&lt;family&gt;_&lt;action&gt;</c> for each operation (issues:read_detail → jira_issues_read_detail), plus the approval tool.</summary>
public static class McpToolNames
{
    /// <summary>The prefix every JiraGate tool carries.</summary>
    public const string Prefix = "jira_";

    /// <summary>The tool that reports an approval's status and, once executed, its result.</summary>
    public const string ApprovalStatus = "jira_approval_status";

    /// <summary>The argument that selects a result profile (<c>minimal</c>, <c>standard</c>, <c>full</c>).</summary>
    public const string ProfileArgument = "profile";

    /// <summary>The argument that fetches the next page of a split result.</summary>
    public const string CursorArgument = "cursor";

    /// <summary>The tool name of an operation, e.g. <c>jira_issues_read_detail</c> for <c>issues:read_detail</c>.</summary>
    /// <exception cref="ArgumentException">The name would not be a valid tool name (at most 64 of <c>[a-z0-9_]</c>).</exception>
    public static string ForOperation(string operation)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        var name = Prefix + operation.Replace(':', '_');
        if (name.Length > 64 || !name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
        {
            throw new ArgumentException($"Operation '{operation}' does not make a valid MCP tool name.", nameof(operation));
        }

        return name;
    }

    /// <summary>The catalog operation a tool name stands for, or null.</summary>
    public static OperationDescriptor? ToOperation(string toolName, OperationCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(toolName);
        catalog ??= OperationCatalog.Default;
        foreach (var op in catalog.All)
        {
            if (string.Equals(ForOperation(op.Name), toolName, StringComparison.Ordinal))
            {
                return op;
            }
        }

        return null;
    }
}
