namespace JiraGate.Governance.Vault;

/// <summary>
/// A vault could not be opened, read or written. Messages name paths, kinds and fields, never a secret
/// value or key material.
/// </summary>
public class VaultException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    public VaultException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public VaultException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception with no message.</summary>
    public VaultException()
    {
    }
}

/// <summary>The master key does not open this vault (a different key, or the key check was tampered with).</summary>
public sealed class VaultKeyMismatchException : VaultException
{
    /// <summary>Creates an exception with a message.</summary>
    public VaultKeyMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with no message.</summary>
    public VaultKeyMismatchException()
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public VaultKeyMismatchException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>An entry failed authentication: its ciphertext or metadata was altered, or it was moved from another path.</summary>
public sealed class VaultTamperedException : VaultException
{
    /// <summary>Creates an exception with a message.</summary>
    public VaultTamperedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with no message.</summary>
    public VaultTamperedException()
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public VaultTamperedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
