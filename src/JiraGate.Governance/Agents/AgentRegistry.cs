namespace JiraGate.Governance.Agents;

/// <summary>What to register: an agent's id, organisation, name, owner and policies.</summary>
public sealed class NewAgent
{
    /// <summary>The agent's id (1–64 letters, digits, <c>.</c>, <c>_</c>, <c>-</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The organisation's id (same rules).</summary>
    public required string OrgId { get; init; }

    /// <summary>A name for people; the id when omitted.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The person who answers for the agent (never its approver).</summary>
    public required string Owner { get; init; }

    /// <summary>The policies bound to the agent.</summary>
    public IReadOnlyList<string> Policies { get; init; } = [];

    /// <summary>Whether the agent starts enabled.</summary>
    public bool Enabled { get; init; } = true;
}

/// <summary>Changes to an agent; null leaves a field as it is.</summary>
public sealed class AgentChanges
{
    /// <summary>A new display name.</summary>
    public string? DisplayName { get; init; }

    /// <summary>A new owner.</summary>
    public string? Owner { get; init; }

    /// <summary>A new list of bound policies (replaces the old one).</summary>
    public IReadOnlyList<string>? Policies { get; init; }

    /// <summary>Enable or disable the agent.</summary>
    public bool? Enabled { get; init; }
}

/// <summary>A registered agent and its first key, to show once.</summary>
public sealed class AgentRegistration
{
    /// <summary>The agent as stored.</summary>
    public required Agent Agent { get; init; }

    /// <summary>Its API key: shown now, never again.</summary>
    public required IssuedApiKey Key { get; init; }
}

/// <summary>
/// The registry of agents: registers them with a first API key, rotates and revokes keys, and turns a presented key
/// into an <see cref="AgentIdentity"/> (step 1 of the pipeline).
/// </summary>
public sealed class AgentRegistry
{
    private readonly IAgentStore _store;
    private readonly TimeProvider _time;
    private readonly KeyLifecycle<Agent> _keys;

    /// <summary>Creates the registry over a store.</summary>
    public AgentRegistry(IAgentStore store, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _time = timeProvider ?? TimeProvider.System;
        _keys = new KeyLifecycle<Agent>(store, _time, ApiKeys.AgentPrefix);
    }

    /// <summary>Registers an agent with a first key (returned once).</summary>
    /// <exception cref="ArgumentException">An id is malformed or a field is empty.</exception>
    /// <exception cref="InvalidOperationException">An agent with this id exists.</exception>
    public async Task<AgentRegistration> RegisterAsync(NewAgent agent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agent);
        IdRules.Validate(agent.Id, nameof(agent));
        IdRules.Validate(agent.OrgId, nameof(agent));
        ArgumentException.ThrowIfNullOrWhiteSpace(agent.Owner, nameof(agent));
        var now = _time.GetUtcNow();
        var record = new Agent
        {
            Id = agent.Id,
            OrgId = agent.OrgId,
            DisplayName = string.IsNullOrWhiteSpace(agent.DisplayName) ? agent.Id : agent.DisplayName,
            Owner = agent.Owner,
            Policies = [.. agent.Policies],
            Enabled = agent.Enabled,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var (stored, issued) = _keys.NewKey(agent.Id, now);
        if (!await _store.CreateAsync(record, stored, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"An agent with id '{agent.Id}' already exists.");
        }
        return new AgentRegistration { Agent = record, Key = issued };
    }

    /// <summary>The agent with this id, or null.</summary>
    public Task<Agent?> GetAsync(string agentId, CancellationToken cancellationToken = default) =>
        _store.GetAsync(agentId, cancellationToken);

    /// <summary>Every agent, or those of one organisation.</summary>
    public Task<IReadOnlyList<Agent>> ListAsync(string? orgId = null, CancellationToken cancellationToken = default) =>
        _store.ListAsync(orgId, cancellationToken);

    /// <summary>Applies changes; returns the agent as stored, or null when there is no such agent.</summary>
    public async Task<Agent?> UpdateAsync(string agentId, AgentChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var current = await _store.GetAsync(agentId, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return null;
        }
        if (changes.Owner is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(changes.Owner, nameof(changes));
        }
        var updated = current with
        {
            DisplayName = changes.DisplayName ?? current.DisplayName,
            Owner = changes.Owner ?? current.Owner,
            Policies = changes.Policies is null ? current.Policies : [.. changes.Policies],
            Enabled = changes.Enabled ?? current.Enabled,
            UpdatedAt = _time.GetUtcNow(),
        };
        return await _store.UpdateAsync(updated, cancellationToken).ConfigureAwait(false) ? updated : null;
    }

    /// <summary>
    /// Issues a new key. The agent's other keys stop working at once, or after <paramref name="gracePeriod"/> so a
    /// deployment can switch over. Returns null when there is no such agent.
    /// </summary>
    public Task<IssuedApiKey?> RotateKeyAsync(string agentId, TimeSpan? gracePeriod = null, CancellationToken cancellationToken = default) =>
        _keys.RotateAsync(agentId, gracePeriod, cancellationToken);

    /// <summary>Revokes every key of the agent at once; returns how many were not yet revoked.</summary>
    public Task<int> RevokeKeysAsync(string agentId, CancellationToken cancellationToken = default) =>
        _keys.RevokeAsync(agentId, cancellationToken);

    /// <summary>
    /// Checks a presented key. Unknown, malformed, revoked, expired keys and disabled agents are a typed status, never
    /// an exception; nothing in the result contains the key.
    /// </summary>
    public Task<KeyAuthentication<Agent>> AuthenticateAsync(string? apiKey, CancellationToken cancellationToken = default) =>
        _keys.AuthenticateAsync(apiKey, cancellationToken);
}
