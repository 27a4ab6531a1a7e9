namespace JiraGate.Governance.Approvals;

/// <summary>How long approvals live.</summary>
public sealed class ApprovalOptions
{
    /// <summary>How long a request may wait for a decision and, once approved, for its execution (1 hour by default).</summary>
    public TimeSpan DefaultExpiry { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Expiry per risk level (<c>low</c>, <c>medium</c>, <c>high</c>; case-insensitive), overriding
    /// <see cref="DefaultExpiry"/>: e.g. <c>high: 00:15:00</c> gives a person 15 minutes to approve a delete.
    /// </summary>
    public IDictionary<string, TimeSpan> ExpiryByRisk { get; } = new Dictionary<string, TimeSpan>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How long an execution may take before an approval still <c>executing</c> is taken to be interrupted — its process
    /// stopped between claiming it and recording the outcome (15 minutes by default: far beyond the Jira client's retry
    /// budget, so a live execution is never cut short). It then becomes <c>failed</c> with <c>outcome_unknown</c>: never
    /// executed again, since Jira may have applied it.
    /// </summary>
    public TimeSpan ExecutionLease { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The expiry for a risk level.</summary>
    /// <exception cref="InvalidOperationException">The configured expiry is not positive.</exception>
    public TimeSpan ExpiryFor(string risk)
    {
        var expiry = ExpiryByRisk.TryGetValue(risk, out var configured) ? configured : DefaultExpiry;
        if (expiry <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"The approval expiry for risk '{risk}' must be positive (it is {expiry}).");
        }
        return expiry;
    }
}
