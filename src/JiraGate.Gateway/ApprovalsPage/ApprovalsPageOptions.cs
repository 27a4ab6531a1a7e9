namespace JiraGate.Gateway.ApprovalsPage;

/// <summary>Settings of the approvals page at <c>/approvals</c>.</summary>
public sealed class ApprovalsPageOptions
{
    /// <summary>How long an approver stays signed in without using the page (sliding; 8 hours by default).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How many decided requests the history shows (50 by default, 1–1000).</summary>
    public int HistoryLimit { get; set; } = 50;

    /// <summary>
    /// Whether approving a request executes it at once (through the registered pipeline) rather than when the agent next
    /// collects it. Either way it is executed exactly once. True by default.
    /// </summary>
    public bool ExecuteOnApprove { get; set; } = true;

    /// <summary>At most this many characters of an execution's result are shown (4,096 by default).</summary>
    public int MaxResultChars { get; set; } = 4096;
}
