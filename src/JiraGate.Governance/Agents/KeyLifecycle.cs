namespace JiraGate.Governance.Agents;

/// <summary>Issuing, rotating, revoking and checking keys, the same for agents and approvers.</summary>
internal sealed class KeyLifecycle<THolder>(IKeyHolderStore<THolder> store, TimeProvider time, string prefix)
    where THolder : class, IKeyHolder
{
    // Compared against when a key id is unknown, so a miss costs about what a hit does.
    private static readonly byte[] DummyHash = new byte[32];

    public (StoredApiKey Stored, IssuedApiKey Issued) NewKey(string holderId, DateTimeOffset now)
    {
        var (keyId, key) = ApiKeys.Generate(prefix);
        var stored = new StoredApiKey { KeyId = keyId, HolderId = holderId, Hash = ApiKeys.Hash(key), CreatedAt = now };
        return (stored, new IssuedApiKey(key, keyId, holderId, prefix));
    }

    public async Task<IssuedApiKey?> RotateAsync(string holderId, TimeSpan? gracePeriod, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holderId);
        if (gracePeriod is { } grace && grace < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(gracePeriod), "A grace period cannot be negative.");
        }
        var now = time.GetUtcNow();
        var (stored, issued) = NewKey(holderId, now);
        var added = await store.AddKeyAsync(stored, now + (gracePeriod ?? TimeSpan.Zero), ct).ConfigureAwait(false);
        return added ? issued : null;
    }

    public Task<int> RevokeAsync(string holderId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holderId);
        return store.RevokeKeysAsync(holderId, time.GetUtcNow(), ct);
    }

    public async Task<KeyAuthentication<THolder>> AuthenticateAsync(string? key, CancellationToken ct)
    {
        if (!ApiKeys.TryParse(key, prefix, out var keyId))
        {
            return new KeyAuthentication<THolder> { Status = KeyAuthenticationStatus.Malformed };
        }
        var stored = await store.FindKeyAsync(keyId, ct).ConfigureAwait(false);
        var matches = ApiKeys.Matches(key!, stored is null ? DummyHash : stored.Hash.Span);
        if (stored is null || !matches)
        {
            return new KeyAuthentication<THolder> { Status = KeyAuthenticationStatus.Unknown, KeyId = keyId };
        }
        var now = time.GetUtcNow();
        if (stored.RevokedAt is not null)
        {
            return new KeyAuthentication<THolder> { Status = KeyAuthenticationStatus.Revoked, KeyId = keyId };
        }
        if (stored.ExpiresAt is { } expires && now >= expires)
        {
            return new KeyAuthentication<THolder> { Status = KeyAuthenticationStatus.Expired, KeyId = keyId };
        }
        var holder = await store.GetAsync(stored.HolderId, ct).ConfigureAwait(false);
        if (holder is null || !holder.Enabled)
        {
            return new KeyAuthentication<THolder> { Status = KeyAuthenticationStatus.Disabled, KeyId = keyId };
        }
        return new KeyAuthentication<THolder> { Status = KeyAuthenticationStatus.Authenticated, Holder = holder, KeyId = keyId };
    }
}
