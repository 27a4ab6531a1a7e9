using System.Text.RegularExpressions;

namespace JiraGate.Governance.Agents;

/// <summary>What an agent, approver or organisation id may look like: safe in URLs, logs and file names.</summary>
internal static partial class IdRules
{
    public static void Validate(string? value, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);
        if (!Pattern().IsMatch(value))
        {
            throw new ArgumentException(
                $"'{value}' is not a valid id: use 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit.", paramName);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
