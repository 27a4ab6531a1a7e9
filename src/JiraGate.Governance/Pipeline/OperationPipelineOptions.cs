namespace JiraGate.Governance.Pipeline;

/// <summary>Settings of the <see cref="OperationPipeline"/>.</summary>
public sealed class OperationPipelineOptions
{
    /// <summary>Who executes approved requests, recorded on each approval (e.g. a gateway replica's name); <c>gateway</c> by default.</summary>
    public string ExecutorName { get; set; } = "gateway";
}
