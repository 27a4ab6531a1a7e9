namespace JiraGate.Cli.Bench;

/// <summary>The command line: <c>--runs N --modes jit,r2r,aot --artifacts DIR --no-publish</c>.</summary>
internal sealed class BenchSettings
{
    public int Runs { get; private set; } = 20;

    public IReadOnlyList<PublishMode> Modes { get; private set; } = PublishMode.All;

    public string Artifacts { get; private set; } = Path.Combine(Path.GetTempPath(), "jiragate-cli-bench");

    /// <summary>False: reuse the binaries of an earlier run in <see cref="Artifacts"/>.</summary>
    public bool Publish { get; private set; } = true;

    public static BenchSettings? Parse(string[] args)
    {
        var settings = new BenchSettings();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--runs" when int.TryParse(value, out var runs) && runs is >= 1 and <= 200:
                    settings.Runs = runs;
                    i++;
                    break;
                case "--modes" when value is not null:
                    var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    var unknown = names.Where(n => PublishMode.All.All(m => m.Name != n)).ToArray();
                    if (unknown.Length > 0)
                    {
                        return Usage($"unknown mode(s) {string.Join(", ", unknown)}; known: {string.Join(", ", PublishMode.All.Select(m => m.Name))}.");
                    }
                    settings.Modes = [.. PublishMode.All.Where(m => names.Contains(m.Name))];
                    i++;
                    break;
                case "--artifacts" when value is not null:
                    settings.Artifacts = Path.GetFullPath(value);
                    i++;
                    break;
                case "--no-publish":
                    settings.Publish = false;
                    break;
                default:
                    return Usage($"unexpected '{args[i]}'.");
            }
        }
        return settings;
    }

    private static BenchSettings? Usage(string problem)
    {
        Console.Error.WriteLine("error: " + problem);
        Console.Error.WriteLine("usage: dotnet run -c Release --project bench/JiraGate.Cli.Bench -- [--runs 1..200 (20)] [--modes "
            + string.Join(",", PublishMode.All.Select(m => m.Name)) + "] [--artifacts DIR] [--no-publish]");
        return null;
    }
}
