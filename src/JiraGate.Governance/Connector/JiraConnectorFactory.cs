using JiraGate.Governance.Pipeline;

namespace JiraGate.Governance.Connector;

/// <summary>Makes <see cref="JiraConnector"/>s for agents (registered by <c>AddJiraGate</c>).</summary>
public interface IJiraConnectorFactory
{
    /// <summary>A connector acting as <paramref name="agentId"/> of <paramref name="orgId"/>, as in seed 000's SDK example.</summary>
    JiraConnector Create(string agentId, string orgId);
}

/// <summary>The default factory: every connector shares the one pipeline.</summary>
public sealed class JiraConnectorFactory : IJiraConnectorFactory
{
    private readonly IOperationPipeline _pipeline;

    /// <summary>Creates the factory over the pipeline.</summary>
    public JiraConnectorFactory(IOperationPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        _pipeline = pipeline;
    }

    /// <inheritdoc />
    public JiraConnector Create(string agentId, string orgId) => new(_pipeline, agentId, orgId);
}
