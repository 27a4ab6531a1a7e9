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
