namespace JiraGate.Governance.Agents;

/// <summary>What to register: an approver's id, organisation, name and e-mail.</summary>
public sealed class NewApprover
{
    /// <summary>The approver's id (1–64 letters, digits, <c>.</c>, <c>_</c>, <c>-</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The organisation whose approvals they decide.</summary>
    public required string OrgId { get; init; }

    /// <summary>A name for people; the id when omitted.</summary>
    public string? DisplayName { get; init; }

    /// <summary>An e-mail address, if any.</summary>
    public string? Email { get; init; }
}

/// <summary>A registered approver and their first key, to show once.</summary>
public sealed class ApproverRegistration
{
    /// <summary>The approver as stored.</summary>
    public required Approver Approver { get; init; }

    /// <summary>Their API key: shown now, never again.</summary>
    public required IssuedApiKey Key { get; init; }
}

/// <summary>The registry of approvers: named people with keys of their own (prefix <c>jg_appr_</c>).</summary>
public sealed class ApproverRegistry
{
    private readonly IApproverStore _store;
    private readonly TimeProvider _time;
    private readonly KeyLifecycle<Approver> _keys;

    /// <summary>Creates the registry over a store.</summary>
    public ApproverRegistry(IApproverStore store, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _time = timeProvider ?? TimeProvider.System;
        _keys = new KeyLifecycle<Approver>(store, _time, ApiKeys.ApproverPrefix);
    }

    /// <summary>Registers an approver with a first key (returned once).</summary>
    /// <exception cref="ArgumentException">An id is malformed.</exception>
    /// <exception cref="InvalidOperationException">An approver with this id exists.</exception>
    public async Task<ApproverRegistration> RegisterAsync(NewApprover approver, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(approver);
        IdRules.Validate(approver.Id, nameof(approver));
        IdRules.Validate(approver.OrgId, nameof(approver));
        var now = _time.GetUtcNow();
        var record = new Approver
        {
            Id = approver.Id,
            OrgId = approver.OrgId,
            DisplayName = string.IsNullOrWhiteSpace(approver.DisplayName) ? approver.Id : approver.DisplayName,
            Email = approver.Email,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var (stored, issued) = _keys.NewKey(approver.Id, now);
        if (!await _store.CreateAsync(record, stored, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"An approver with id '{approver.Id}' already exists.");
        }
        return new ApproverRegistration { Approver = record, Key = issued };
    }

    /// <summary>The approver with this id, or null.</summary>
    public Task<Approver?> GetAsync(string approverId, CancellationToken cancellationToken = default) =>
        _store.GetAsync(approverId, cancellationToken);

    /// <summary>Every approver, or those of one organisation.</summary>
    public Task<IReadOnlyList<Approver>> ListAsync(string? orgId = null, CancellationToken cancellationToken = default) =>
        _store.ListAsync(orgId, cancellationToken);

    /// <summary>Enables or disables an approver; returns the approver as stored, or null when unknown.</summary>
    public async Task<Approver?> SetEnabledAsync(string approverId, bool enabled, CancellationToken cancellationToken = default)
    {
        var current = await _store.GetAsync(approverId, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return null;
        }
        var updated = current with { Enabled = enabled, UpdatedAt = _time.GetUtcNow() };
        return await _store.UpdateAsync(updated, cancellationToken).ConfigureAwait(false) ? updated : null;
    }

    /// <summary>Issues a new key; the others stop working at once or after <paramref name="gracePeriod"/>. Null when unknown.</summary>
    public Task<IssuedApiKey?> RotateKeyAsync(string approverId, TimeSpan? gracePeriod = null, CancellationToken cancellationToken = default) =>
        _keys.RotateAsync(approverId, gracePeriod, cancellationToken);

    /// <summary>Revokes every key of the approver at once; returns how many were not yet revoked.</summary>
    public Task<int> RevokeKeysAsync(string approverId, CancellationToken cancellationToken = default) =>
        _keys.RevokeAsync(approverId, cancellationToken);

    /// <summary>Checks a presented approver key (typed status, never an exception, never the key in the result).</summary>
    public Task<KeyAuthentication<Approver>> AuthenticateAsync(string? apiKey, CancellationToken cancellationToken = default) =>
        _keys.AuthenticateAsync(apiKey, cancellationToken);
}
