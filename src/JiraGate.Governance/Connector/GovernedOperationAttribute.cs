namespace JiraGate.Governance.Connector;

/// <summary>Names the catalog operation a <see cref="JiraConnector"/> method calls (a convention test pairs the 36 both ways).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class GovernedOperationAttribute : Attribute
{
    /// <summary>Marks a method as calling <paramref name="operation"/>.</summary>
    public GovernedOperationAttribute(string operation) => Operation = operation;

    /// <summary>The operation, e.g. <c>issues:create</c>.</summary>
    public string Operation { get; }
}
