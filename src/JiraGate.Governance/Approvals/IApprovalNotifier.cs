namespace JiraGate.Governance.Approvals;

/// <summary>Tells people that an approval waits for them. Called off the request path: a failure is logged, never blocks.</summary>
public interface IApprovalNotifier
{
    /// <summary>Sends the notice for a pending approval.</summary>
    Task NotifyAsync(Approval approval, CancellationToken cancellationToken = default);
}

/// <summary>Sends nothing (approvals are still listed on the approvals page).</summary>
public sealed class NullApprovalNotifier : IApprovalNotifier
{
    /// <summary>The one instance.</summary>
    public static NullApprovalNotifier Instance { get; } = new();

    /// <inheritdoc />
    public Task NotifyAsync(Approval approval, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
