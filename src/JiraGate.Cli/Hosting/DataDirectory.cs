namespace JiraGate.Cli.Hosting;

/// <summary>
/// Where JiraGate keeps its state (<c>--data-dir</c>, default <c>./.jiragate</c>): the SQLite database, the vault and
/// its key, and the data-protection keys of the approvals page's cookies.
/// </summary>
internal sealed class DataDirectory
{
    /// <summary>The default folder, relative to the working directory.</summary>
    public const string DefaultPath = ".jiragate";

    public DataDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Root = Path.GetFullPath(path);
    }

    public string Root { get; }

    public string DatabasePath => Path.Combine(Root, "jiragate.db");

    public string VaultPath => Path.Combine(Root, "vault.json");

    public string VaultKeyPath => Path.Combine(Root, "master.key");

    public string DataProtectionKeysPath => Path.Combine(Root, "data-protection-keys");

    /// <summary>Creates the folder (owner-only on Unix: it holds the vault key) if it does not exist yet.</summary>
    public void Ensure()
    {
        if (Directory.Exists(Root))
        {
            return;
        }
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Root);
        }
        else
        {
            Directory.CreateDirectory(Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>The path as the user would type it: relative to the working directory when it is under it.</summary>
    public string Display()
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, Root);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? Root : "./" + relative.Replace('\\', '/');
    }
}
