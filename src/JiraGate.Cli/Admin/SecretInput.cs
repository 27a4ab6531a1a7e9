using System.Text;

namespace JiraGate.Cli.Admin;

/// <summary>
/// Reads a secret from an environment variable, from piped stdin, or from a prompt without echo — never from a
/// command-line argument, which would land in shell history and in the process list.
/// </summary>
internal static class SecretInput
{
    private static readonly AsyncLocal<TextReader?> StdinOverride = new();

    /// <summary>Tests: what stdin holds for the current async flow.</summary>
    public static IDisposable UseStdin(TextReader reader)
    {
        StdinOverride.Value = reader;
        return new Reset();
    }

    public static string Read(AdminInvocation run, string? fromEnv, string what)
    {
        if (fromEnv is not null)
        {
            var value = Environment.GetEnvironmentVariable(fromEnv);
            return string.IsNullOrEmpty(value)
                ? throw CliError.Usage($"The environment variable {fromEnv} (--from-env) is not set or empty.")
                : value;
        }
        if (StdinOverride.Value is { } piped)
        {
            return NonEmpty(piped.ReadToEnd(), what);
        }
        if (Console.IsInputRedirected)
        {
            return NonEmpty(Console.In.ReadToEnd(), what);
        }
        run.Err.Write($"{what} (input hidden): ");
        var sb = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }
            if (key.Key == ConsoleKey.Backspace)
            {
                if (sb.Length > 0)
                {
                    sb.Length--;
                }
                continue;
            }
            sb.Append(key.KeyChar);
        }
        run.Err.WriteLine();
        return NonEmpty(sb.ToString(), what);
    }

    // A trailing newline from `echo` or a file is never part of a token.
    private static string NonEmpty(string text, string what)
    {
        var value = text.TrimEnd('\r', '\n');
        return value.Length == 0 ? throw CliError.Usage($"No {what} was given on stdin.") : value;
    }

    private sealed class Reset : IDisposable
    {
        public void Dispose() => StdinOverride.Value = null;
    }
}
