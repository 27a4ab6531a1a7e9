using System.Text.RegularExpressions;

namespace JiraGate.Governance.Tests.Catalog;

/// <summary>One row of seed 000's operation tables, read from the seed file itself.</summary>
public sealed record SeedOperation(string Name, string Family, string Method, string Path, string Risk, string Description);

/// <summary>
/// Parses seed 000 at test time (so the catalog is pinned to the seed, not to a copy of it). The seed's tables are
/// flattened one cell per line ("issues:read |", "GET |", ...); a table starts at "| Operation |". Some tables have a
/// "Family (n operations)" heading and some lost it, so families are taken from the overview's list, in table order,
/// and the headings that survive are checked against it.
/// </summary>
public static partial class SeedTable
{
    [GeneratedRegex(@"^([A-Z][a-z]+) \((\d+) operations\)$")]
    private static partial Regex HeadingRegex();

    [GeneratedRegex(@"^[a-z]+:[a-z_]+ \|$")]
    private static partial Regex OperationCellRegex();

    private static readonly Lazy<Parsed> Cache = new(Parse);

    public static IReadOnlyList<SeedOperation> Operations => Cache.Value.Operations;

    public static IReadOnlyList<string> Families => Cache.Value.Families;

    /// <summary>Headings that survive in the seed: family → announced count.</summary>
    public static IReadOnlyDictionary<string, int> Headings => Cache.Value.Headings;

    /// <summary>The "Risk Classifications" table: level → its operations cell.</summary>
    public static IReadOnlyDictionary<string, string> RiskClassifications => Cache.Value.Classifications;

    public static string Text => Cache.Value.Text;

    public static string FindSeedFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "seeds"), Path.Combine(dir.FullName, "..", "shared", "seeds") })
            {
                if (Directory.Exists(candidate))
                {
                    var file = Directory.GetFiles(candidate, "000_*.txt").SingleOrDefault();
                    if (file is not null)
                    {
                        return file;
                    }
                }
            }
        }

        throw new FileNotFoundException($"shared/seeds/000_*.txt not found above {AppContext.BaseDirectory}");
    }

    private sealed record Parsed(string Text, List<SeedOperation> Operations, List<string> Families, Dictionary<string, int> Headings, Dictionary<string, string> Classifications);

    private static Parsed Parse()
    {
        var text = File.ReadAllText(FindSeedFile());
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

        var overview = lines.First(l => l.Contains("API families:", StringComparison.Ordinal));
        var families = overview[(overview.IndexOf("families:", StringComparison.Ordinal) + "families:".Length)..]
            .TrimEnd('.')
            .Replace(" and ", " ", StringComparison.Ordinal)
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToList();

        var operations = new List<SeedOperation>();
        var headings = new Dictionary<string, int>();
        var classifications = new Dictionary<string, string>();
        var table = -1;
        string? pendingHeading = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (HeadingRegex().Match(line) is { Success: true } h)
            {
                pendingHeading = h.Groups[1].Value;
                headings[pendingHeading] = int.Parse(h.Groups[2].Value);
                continue;
            }

            if (line == "| Operation |")
            {
                table++;
                if (pendingHeading is not null && families[table] != pendingHeading)
                {
                    throw new InvalidDataException($"table {table} is headed {pendingHeading} but the overview lists {families[table]} there");
                }

                pendingHeading = null;
                i += 4; // Method, Path, Risk, Description header cells
                continue;
            }

            if (line.StartsWith("Risk Classifications", StringComparison.Ordinal))
            {
                table = int.MinValue; // the classification table names operations too, but is not an operation table
                continue;
            }

            if (table >= 0 && OperationCellRegex().IsMatch(line))
            {
                string Cell(int k) => lines[i + k].EndsWith(" |", StringComparison.Ordinal) ? lines[i + k][..^2] : lines[i + k];
                operations.Add(new SeedOperation(Cell(0), families[table], Cell(1), Cell(2), Cell(3), Cell(4)));
                i += 4;
                continue;
            }

            if (line is "| LOW |" or "| MEDIUM |" or "| HIGH |")
            {
                classifications[line.Trim('|', ' ')] = lines[i + 1].TrimEnd(' ', '|');
            }
        }

        return new Parsed(text, operations, families, headings, classifications);
    }
}
