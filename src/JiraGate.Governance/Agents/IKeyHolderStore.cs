namespace JiraGate.Governance.Agents;

/// <summary>
/// Persistence for key holders (agents or approvers) and their hashed keys. Stores keep only what they are given:
/// generating, hashing and checking keys happens in <see cref="AgentRegistry"/> / <see cref="ApproverRegistry"/>.
/// </summary>
/// <typeparam name="THolder">The holder type.</typeparam>
public interface IKeyHolderStore<THolder>
    where THolder : class, IKeyHolder
{
    /// <summary>Adds a holder together with its first key, atomically. False when the id is taken (nothing is written).</summary>
    Task<bool> CreateAsync(THolder holder, StoredApiKey firstKey, CancellationToken cancellationToken = default);

    /// <summary>The holder with this id, or null.</summary>
    Task<THolder?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Every holder, or those of one organisation, ordered by id.</summary>
    Task<IReadOnlyList<THolder>> ListAsync(string? orgId = null, CancellationToken cancellationToken = default);

    /// <summary>Replaces the holder's fields (not its id, organisation or creation time). False when it does not exist.</summary>
    Task<bool> UpdateAsync(THolder holder, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a key and, in the same transaction, makes every other live key of the holder stop working at
    /// <paramref name="retireOthersAt"/> (or earlier, if it already expires earlier). False when the holder does not exist.
    /// </summary>
    Task<bool> AddKeyAsync(StoredApiKey key, DateTimeOffset retireOthersAt, CancellationToken cancellationToken = default);

    /// <summary>Revokes every not yet revoked key of the holder at <paramref name="at"/>; returns how many.</summary>
    Task<int> RevokeKeysAsync(string holderId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The key with this public id, or null.</summary>
    Task<StoredApiKey?> FindKeyAsync(string keyId, CancellationToken cancellationToken = default);

    /// <summary>The holder's keys, oldest first.</summary>
    Task<IReadOnlyList<StoredApiKey>> ListKeysAsync(string holderId, CancellationToken cancellationToken = default);
}

/// <summary>The agent registry's port.</summary>
public interface IAgentStore : IKeyHolderStore<Agent>;

/// <summary>The approver registry's port.</summary>
public interface IApproverStore : IKeyHolderStore<Approver>;
