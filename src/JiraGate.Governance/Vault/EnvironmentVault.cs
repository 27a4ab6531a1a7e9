using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace JiraGate.Governance.Vault;

/// <summary>
/// A read-only vault over environment variables, for CI: <c>JIRAGATE_VAULT__&lt;NAME&gt;__&lt;FIELD&gt;</c>.
/// </summary>
/// <remarks>
/// <para><c>NAME</c> is the entry path upper-cased with every character other than A–Z and 0–9 replaced by
/// <c>_</c> (path <c>jira/acme</c> → <c>JIRA_ACME</c>); lookups apply the same mapping, so <c>jira/acme</c> and
/// <c>jira-acme</c> name the same entry. <c>FIELD</c> is a <see cref="VaultFields"/> name upper-cased
/// (<c>EMAIL</c>, <c>TOKEN</c>, <c>CLOUD_ID</c>, <c>USERNAME</c>, <c>PASSWORD</c>, <c>CLIENT_ID</c>,
/// <c>CLIENT_SECRET</c>, <c>REFRESH_TOKEN</c>, <c>SCOPES</c>, <c>VALUE</c>, <c>DESCRIPTION</c>), plus <c>KIND</c>
/// (required: <c>api_token</c>, <c>scoped_api_token</c>, <c>pat</c>, <c>basic</c>, <c>oauth_client</c>,
/// <c>secret</c>) and <c>EXPIRES_AT</c> (ISO 8601, optional). Example:</para>
/// <code>
/// JIRAGATE_VAULT__JIRA_ACME__KIND=api_token
/// JIRAGATE_VAULT__JIRA_ACME__EMAIL=bot@acme.com
/// JIRAGATE_VAULT__JIRA_ACME__TOKEN=...
/// </code>
/// <para><see cref="SetAsync"/> and <see cref="DeleteAsync"/> are refused. <see cref="UpdateAsync"/> (used to
/// save rotated OAuth refresh tokens) is kept in memory for the life of this object only, so a CI run keeps
/// working after a rotation; nothing is written back to the environment.</para>
/// </remarks>
public sealed class EnvironmentVault : IVault
{
    /// <summary>The variable prefix.</summary>
    public const string Prefix = "JIRAGATE_VAULT__";

    private readonly Dictionary<string, Dictionary<string, string>> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, VaultEntry?> _overlay = new(StringComparer.Ordinal);
    private readonly Lock _updateLock = new();
    private readonly TimeProvider _time;
    private readonly VaultOptions _options;

    /// <summary>Reads the entries from <paramref name="variables"/>, or from the process environment when null.</summary>
    public EnvironmentVault(IReadOnlyDictionary<string, string?>? variables = null, TimeProvider? timeProvider = null, VaultOptions? options = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        _options = options ?? new VaultOptions();
        foreach (var (name, value) in variables ?? ReadEnvironment())
        {
            if (value is null || !name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var rest = name[Prefix.Length..];
            var split = rest.LastIndexOf("__", StringComparison.Ordinal);
            if (split <= 0)
            {
                continue;
            }
            var entryName = NameOf(rest[..split]);
            var field = rest[(split + 2)..].ToLowerInvariant();
            if (!_entries.TryGetValue(entryName, out var fields))
            {
                _entries[entryName] = fields = new Dictionary<string, string>(StringComparer.Ordinal);
            }
            fields[field] = value;
        }
    }

    /// <summary>The environment-variable name of one field of an entry, e.g. <c>JIRAGATE_VAULT__JIRA_ACME__TOKEN</c>.</summary>
    public static string VariableName(string path, string field) => Prefix + NameOf(path) + "__" + field.ToUpperInvariant();

    /// <inheritdoc />
    public Task<VaultEntry?> TryGetAsync(string path, CancellationToken cancellationToken = default)
    {
        VaultPath.Validate(path);
        return Task.FromResult(Read(NameOf(path)));
    }

    /// <inheritdoc />
    public Task SetAsync(string path, VaultEntry entry, CancellationToken cancellationToken = default) =>
        throw new VaultException($"The environment vault is read-only; set the {Prefix}{NameOf(path)}__* variables instead.");

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default) =>
        throw new VaultException($"The environment vault is read-only; unset the {Prefix}{NameOf(path)}__* variables instead.");

    /// <inheritdoc />
    public Task<VaultEntry?> UpdateAsync(string path, Func<VaultEntry?, VaultEntry?> update, CancellationToken cancellationToken = default)
    {
        VaultPath.Validate(path);
        ArgumentNullException.ThrowIfNull(update);
        var name = NameOf(path);
        lock (_updateLock)
        {
            var next = update(Read(name));
            _overlay[name] = next;
            return Task.FromResult(next);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<VaultEntryInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        IReadOnlyList<VaultEntryInfo> list = [.. _entries.Keys.Union(_overlay.Keys).Order(StringComparer.Ordinal)
            .Select(name => (name, entry: Read(name)))
            .Where(x => x.entry is not null)
            .Select(x => new VaultEntryInfo
            {
                Path = x.name,
                Kind = x.entry!.Kind,
                Description = x.entry.Describe(),
                ExpiresAt = x.entry.ExpiresAt,
                ExpiryState = VaultExpiry.StateOf(x.entry.ExpiresAt, now, _options.ExpiryWarning),
            })];
        return Task.FromResult(list);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<VaultEntryInfo>> ListExpiringAsync(TimeSpan within, CancellationToken cancellationToken = default) =>
        VaultExpiry.ExpiringWithin(await ListAsync(cancellationToken).ConfigureAwait(false), _time.GetUtcNow(), within);

    /// <inheritdoc />
    public override string ToString() => $"environment vault ({_entries.Count} entries)";

    private static string NameOf(string path)
    {
        var name = new StringBuilder(path.Length);
        foreach (var c in path)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
        }
        return name.ToString();
    }

    private static Dictionary<string, string?> ReadEnvironment()
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry pair in Environment.GetEnvironmentVariables())
        {
            result[(string)pair.Key] = pair.Value as string;
        }
        return result;
    }

    private VaultEntry? Read(string name)
    {
        if (_overlay.TryGetValue(name, out var updated))
        {
            return updated;
        }
        if (!_entries.TryGetValue(name, out var fields))
        {
            return null;
        }
        var variable = Prefix + name + "__";
        if (!VaultEntryKinds.TryParse(fields.GetValueOrDefault("kind"), out var kind))
        {
            throw new VaultException(
                $"{variable}KIND must be one of api_token, scoped_api_token, pat, basic, oauth_client, secret.");
        }
        DateTimeOffset? expiresAt = null;
        if (fields.GetValueOrDefault("expires_at") is { Length: > 0 } text)
        {
            expiresAt = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? at
                : throw new VaultException($"{variable}EXPIRES_AT is not an ISO 8601 date.");
        }
        return VaultEntry.FromFields(kind, fields, expiresAt, name);
    }
}
