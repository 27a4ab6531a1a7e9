using System.Diagnostics;

namespace JiraGate.Cli.Bench;

/// <summary>A way to publish <c>jiragate</c>; <see cref="Environment"/> adds run-time knobs (the same binary run differently).</summary>
internal sealed record PublishMode(string Name, string Description, string Folder, string[] PublishArguments, bool NeedsNativeToolchain = false)
{
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public static IReadOnlyList<PublishMode> All { get; } =
    [
        new("jit", "framework-dependent, JIT", "jit", ["-p:PublishReadyToRun=false"]),
        new("r2r", "framework-dependent, ReadyToRun", "r2r", ["-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true"]),
        new("r2r-nopgo", "ReadyToRun, DOTNET_TieredPGO=0", "r2r", ["-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true"])
        {
            Environment = new Dictionary<string, string> { ["DOTNET_TieredPGO"] = "0" },
        },
        new("aot", "Native AOT", "aot", ["-r", "linux-x64", "-p:PublishAot=true"], NeedsNativeToolchain: true),
    ];
}

/// <summary>Publishes the CLI per mode (Release, from this checkout) into the artifacts folder; a failure skips the mode.</summary>
internal static class Publisher
{
    public static async Task<string?> PublishAsync(string repo, PublishMode mode, string artifacts, bool publish)
    {
        var output = Path.Combine(artifacts, mode.Folder);
        var exe = Path.Combine(output, OperatingSystem.IsWindows() ? "jiragate.exe" : "jiragate");
        if (!publish || (File.Exists(exe) && Published.Contains(mode.Folder)))
        {
            if (File.Exists(exe))
            {
                return exe;
            }
            Console.Error.WriteLine($"{mode.Name}: no binary at {exe}; run without --no-publish.");
            return null;
        }
        if (mode.NeedsNativeToolchain && !await EnsureToolchainAsync(repo))
        {
            return null;
        }
        var log = Path.Combine(artifacts, mode.Folder + ".publish.log");
        Console.WriteLine($"{mode.Name}: dotnet publish src/JiraGate.Cli -c Release {string.Join(' ', mode.PublishArguments)} (log: {log})");
        var started = Stopwatch.StartNew();
        var arguments = new List<string> { "publish", Path.Combine(repo, "src", "JiraGate.Cli", "JiraGate.Cli.csproj"), "-c", "Release", "-o", output, "-p:SkipBrowserSetup=true" };
        arguments.AddRange(mode.PublishArguments);
        var (exit, text) = await RunAsync("dotnet", arguments, repo);
        await File.WriteAllTextAsync(log, text);
        if (exit != 0 || !File.Exists(exe))
        {
            Console.Error.WriteLine($"{mode.Name}: publish failed (exit {exit}); skipped. Last lines of {log}:");
            foreach (var line in text.Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).TakeLast(10))
            {
                Console.Error.WriteLine("  " + line.Trim());
            }
            return null;
        }
        Published.Add(mode.Folder);
        Console.WriteLine($"{mode.Name}: published in {started.Elapsed.TotalSeconds:0} s, {Size(output)}");
        return exe;
    }

    private static readonly HashSet<string> Published = [];

    private static async Task<bool> EnsureToolchainAsync(string repo)
    {
        var script = Path.Combine(repo, "bench", "JiraGate.Cli.Bench", "ensure-aot-toolchain.sh");
        var (exit, text) = await RunAsync("bash", [script], repo);
        if (exit != 0)
        {
            Console.Error.WriteLine("aot: skipped: " + text.Trim());
        }
        return exit == 0;
    }

    private static string Size(string folder)
    {
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
        return $"{files.Length} files, {files.Sum(f => new FileInfo(f).Length) / 1024.0 / 1024.0:0.0} MiB";
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, IEnumerable<string> arguments, string directory)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + file);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
