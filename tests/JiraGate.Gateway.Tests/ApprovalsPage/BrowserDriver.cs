using System.Diagnostics;

namespace JiraGate.Gateway.Tests.ApprovalsPage;

/// <summary>
/// Runs tests/browser/approve.mjs under node: playwright-core driving Debian's Chromium. Missing pieces fail the test with
/// what to install — a browser test that cannot run never passes silently.
/// </summary>
public static class BrowserDriver
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string BrowserFolder => Path.Combine(RepositoryRoot, "tests", "browser");

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Why the browser test cannot run here, or null when it can.</summary>
    public static string? MissingPrerequisite()
    {
        var missing = new List<string>();
        if (FindOnPath("node") is null)
        {
            missing.Add("node is not on PATH (apt-get install nodejs)");
        }
        if (!File.Exists(ChromiumPath))
        {
            missing.Add($"no Chromium at {ChromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)");
        }
        if (!File.Exists(Path.Combine(BrowserFolder, "node_modules", "playwright-core", "package.json")))
        {
            missing.Add("playwright-core is not installed (npm ci --prefix tests/browser)");
        }
        return missing.Count == 0 ? null
            : "The approvals page's browser test cannot run: " + string.Join("; ", missing) + ". `bash .ci/run` installs all of them.";
    }

    /// <summary>Runs the driver; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(FindOnPath("node")!, "approve.mjs")
        {
            WorkingDirectory = BrowserFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["CHROMIUM_PATH"] = ChromiumPath;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        // A bound, not a timing assertion: a hung browser must end the test, not the CI run.
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(TimeSpan.FromMinutes(3));
        cancellationToken = bounded.Token;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "JiraGate.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (JiraGate.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
