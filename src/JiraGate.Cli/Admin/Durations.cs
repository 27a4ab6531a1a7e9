using System.Globalization;

namespace JiraGate.Cli.Admin;

/// <summary>Durations as people type them: 90s, 10m, 2h, 7d (or a TimeSpan such as 00:10:00).</summary>
internal static class Durations
{
    public static TimeSpan Parse(string text, string option)
    {
        text = text.Trim();
        if (text.Length >= 2 && double.TryParse(text[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) && n >= 0)
        {
            switch (char.ToLowerInvariant(text[^1]))
            {
                case 's': return TimeSpan.FromSeconds(n);
                case 'm': return TimeSpan.FromMinutes(n);
                case 'h': return TimeSpan.FromHours(n);
                case 'd': return TimeSpan.FromDays(n);
            }
        }
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero
            ? span
            : throw CliError.Usage($"{option} '{text}' is not a duration; write e.g. 90s, 10m, 2h or 7d.");
    }

    public static string Format(TimeSpan span) =>
        span.TotalDays >= 1 && span.TotalDays % 1 == 0 ? $"{span.TotalDays:0}d"
        : span.TotalHours >= 1 && span.TotalHours % 1 == 0 ? $"{span.TotalHours:0}h"
        : span.TotalMinutes >= 1 && span.TotalMinutes % 1 == 0 ? $"{span.TotalMinutes:0}m"
        : $"{span.TotalSeconds:0}s";
}
