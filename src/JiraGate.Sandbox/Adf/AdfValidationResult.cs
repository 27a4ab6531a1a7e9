namespace JiraGate.Sandbox.Adf;

/// <summary>The outcome of <see cref="AdfValidator.Validate"/>: valid, or invalid with one short human message.</summary>
internal sealed class AdfValidationResult
{
    private AdfValidationResult(bool isValid, string? instanceLocation, string? message)
    {
        IsValid = isValid;
        InstanceLocation = instanceLocation;
        Message = message;
    }

    /// <summary>The shared result for a valid document.</summary>
    public static AdfValidationResult Valid { get; } = new(true, null, null);

    public bool IsValid { get; }

    /// <summary>JSON Pointer of the offending value (<c>""</c> is the value itself); null when valid.</summary>
    public string? InstanceLocation { get; }

    /// <summary>
    /// A short message for an error response: the instance location followed by what is wrong with it, or
    /// exactly <see cref="AdfValidator.NotADocumentMessage"/> when the value is not a document at all; null when valid.
    /// </summary>
    public string? Message { get; }

    public static AdfValidationResult Invalid(string instanceLocation, string message)
    {
        ArgumentNullException.ThrowIfNull(instanceLocation);
        ArgumentException.ThrowIfNullOrEmpty(message);
        return new AdfValidationResult(false, instanceLocation, message);
    }

    public override string ToString() => IsValid ? "valid" : Message!;
}
