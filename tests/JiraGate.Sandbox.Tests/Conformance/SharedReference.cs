namespace JiraGate.Sandbox.Tests.Conformance;

/// <summary>
/// Locates the read-only <c>shared/reference</c> folder (OpenAPI specs and recorded fixtures).
/// </summary>
/// <remarks>
/// In CI the repository is cloned to some folder X with a copy of <c>shared/</c> beside it
/// (<c>X/../shared</c>); in a developer checkout it may also sit inside the repository. Starting at
/// <see cref="AppContext.BaseDirectory"/> and walking up, each level is checked for
/// <c>&lt;dir&gt;/shared/reference</c> and then <c>&lt;dir&gt;/../shared/reference</c>.
/// </remarks>
internal static class SharedReference
{
    private static readonly Lazy<string> Root = new(Locate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Absolute path of the <c>shared/reference</c> folder.</summary>
    /// <exception cref="DirectoryNotFoundException">No candidate folder exists above the test binaries.</exception>
    public static string Directory => Root.Value;

    /// <summary>Absolute path of a file below <c>shared/reference</c>, which must exist.</summary>
    /// <param name="relativePath">Path relative to <c>shared/reference</c>, with <c>/</c> separators.</param>
    public static string File(string relativePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relativePath);
        if (Path.IsPathRooted(relativePath) || relativePath.Split('/', '\\').Contains(".."))
        {
            throw new ArgumentException(
                $"'{relativePath}' must be relative to shared/reference and must not contain '..'.",
                nameof(relativePath));
        }

        var full = Path.GetFullPath(Path.Combine(Directory, relativePath.Replace('/', Path.DirectorySeparatorChar)));
        if (!System.IO.File.Exists(full))
        {
            throw new FileNotFoundException($"Reference file '{relativePath}' does not exist under '{Directory}'.", full);
        }

        return full;
    }

    private static string Locate()
    {
        var start = AppContext.BaseDirectory;
        var tried = new List<string>();
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[]
                     {
                         Path.Combine(dir.FullName, "shared", "reference"),
                         Path.Combine(dir.FullName, "..", "shared", "reference"),
                     })
            {
                var full = Path.GetFullPath(candidate);
                tried.Add(full);
                if (System.IO.Directory.Exists(full))
                {
                    return full;
                }
            }
        }

        throw new DirectoryNotFoundException(
            "Could not find the shared reference data (OpenAPI specs, fixtures). Expected a 'shared/reference' folder " +
            $"inside or beside the repository, searching upwards from '{start}'. Checked:{Environment.NewLine}  " +
            string.Join(Environment.NewLine + "  ", tried.Distinct(StringComparer.Ordinal)));
    }
}
