namespace JiraGate.Cli.Admin;

/// <summary>
/// A failure a command reports as one line on stderr with an exit code (no stack trace): the message says what
/// went wrong and what to do about it.
/// </summary>
internal sealed class CliError : Exception
{
    public CliError(int exitCode, string message) : base(message) => ExitCode = exitCode;

    public CliError() : this(ExitCodes.Error, "The command failed.")
    {
    }

    public CliError(string message) : this(ExitCodes.Error, message)
    {
    }

    public CliError(string message, Exception innerException) : base(message, innerException) => ExitCode = ExitCodes.Error;

    /// <summary>The process exit code (see <see cref="ExitCodes"/>).</summary>
    public int ExitCode { get; }

    public static CliError Usage(string message) => new(ExitCodes.Usage, message);
}
