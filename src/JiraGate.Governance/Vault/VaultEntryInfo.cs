namespace JiraGate.Governance.Vault;

/// <summary>What a vault says about an entry without revealing it: path, kind, description and expiry.</summary>
public sealed class VaultEntryInfo
{
    /// <summary>The entry's path, e.g. <c>jira/acme</c>.</summary>
    public required string Path { get; init; }

    /// <summary>What the entry holds.</summary>
    public required VaultEntryKind Kind { get; init; }

    /// <summary>The entry's secret-free description.</summary>
    public required string Description { get; init; }

    /// <summary>When the secret expires, if known.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Where the entry stands against its expiry, on the vault's clock and warning window.</summary>
    public required VaultExpiryState ExpiryState { get; init; }

    /// <summary>When the entry was last written, if the vault records it.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Path} ({VaultEntryKinds.ToName(Kind)}, {Description}{(ExpiresAt is { } at ? $", expires {at:yyyy-MM-dd}" : "")}, {ExpiryState})";
}

/// <summary>Settings shared by the vaults.</summary>
public sealed class VaultOptions
{
    /// <summary>How far ahead of an entry's expiry <see cref="VaultExpiryState.ExpiringSoon"/> starts (14 days by default).</summary>
    public TimeSpan ExpiryWarning { get; set; } = TimeSpan.FromDays(14);
}

/// <summary>Expiry arithmetic shared by the vault implementations.</summary>
internal static class VaultExpiry
{
    public static VaultExpiryState StateOf(DateTimeOffset? expiresAt, DateTimeOffset now, TimeSpan warning) => expiresAt switch
    {
        null => VaultExpiryState.NoExpiry,
        { } at when at <= now => VaultExpiryState.Expired,
        { } at when at - now <= warning => VaultExpiryState.ExpiringSoon,
        _ => VaultExpiryState.Valid,
    };

    public static IReadOnlyList<VaultEntryInfo> ExpiringWithin(IReadOnlyList<VaultEntryInfo> entries, DateTimeOffset now, TimeSpan within) =>
        [.. entries.Where(e => e.ExpiresAt is { } at && at - now <= within).OrderBy(e => e.ExpiresAt)];
}

/// <summary>Entry path rules: 1–200 characters of letters, digits, '.', '_', '-' and '/' separating non-empty segments (not . or ..).</summary>
internal static class VaultPath
{
    public static string Validate(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var ok = path.Length is > 0 and <= 200
            && path[0] != '/' && path[^1] != '/'
            && !path.Contains("//", StringComparison.Ordinal)
            && path.Split('/').All(segment => segment is not ("." or ".."))
            && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/');
        return ok
            ? path
            : throw new ArgumentException(
                "A vault path is 1-200 characters of letters, digits, '.', '_', '-', with '/' between non-empty segments other than . and .. (e.g. jira/acme).",
                nameof(path));
    }
}
