namespace JiraGate.Governance.Vault;

/// <summary>
/// A secret held in memory (a token, password, client secret, signing key). It never prints itself:
/// <see cref="ToString"/> is redacted and the value is reachable only through <see cref="Reveal"/>, so a
/// stray log line, interpolation or exception message cannot leak it.
/// </summary>
public sealed class SecretValue : IEquatable<SecretValue>
{
    /// <summary>What every secret prints as.</summary>
    public const string Redacted = "[redacted]";

    private readonly string _value;

    /// <summary>Wraps a non-empty secret.</summary>
    /// <exception cref="ArgumentException">The value is null, empty or whitespace (the message never contains it).</exception>
    public SecretValue(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("A secret must not be empty.", nameof(value));
        }
        _value = value;
    }

    /// <summary>The secret itself. Call only where it is sent to its one legitimate destination.</summary>
    public string Reveal() => _value;

    /// <inheritdoc />
    public override string ToString() => Redacted;

    /// <summary>Constant-time comparison of two secrets.</summary>
    public bool Equals(SecretValue? other) =>
        other is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(_value), System.Text.Encoding.UTF8.GetBytes(other._value));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SecretValue);

    /// <inheritdoc />
    public override int GetHashCode() => 0; // a hash of the value would be a (weak) oracle on it
}
