using JiraGate.Governance.Catalog;
using JiraGate.Governance.Policies;

namespace JiraGate.Cli.Hosting;

/// <summary>Checks policy files before anything starts, so a mistake is reported with its file, line and column (exit 2).</summary>
internal static class PolicyFiles
{
    /// <summary>The problems, one line each; empty when every file loads (or none was given: the seed's policies).</summary>
    public static IReadOnlyList<string> Check(IReadOnlyList<string> files)
    {
        if (files.Count == 0)
        {
            return [];
        }
        var missing = files.Where(f => !File.Exists(f)).Select(f => $"{f}: no such policy file.").ToList();
        if (missing.Count > 0)
        {
            return missing;
        }
        var result = new PolicyLoader(OperationCatalog.Default).Load([.. files.Select(f => new PolicySource(f, File.ReadAllText(f)))]);
        return result.PolicySet is null ? [.. result.Errors.Select(e => e.ToString())] : [];
    }

    /// <summary>Writes the problems to <paramref name="error"/>; true when there were any.</summary>
    public static async Task<bool> ReportAsync(IReadOnlyList<string> files, TextWriter error)
    {
        var problems = Check(files);
        if (problems.Count == 0)
        {
            return false;
        }
        await error.WriteLineAsync("error: the policy files do not load, so JiraGate does not start (it never falls open):");
        foreach (var problem in problems)
        {
            await error.WriteLineAsync("  " + problem);
        }
        await error.WriteLineAsync("  Fix each line above; 'jiragate policy validate <files>' checks them without starting.");
        return true;
    }
}
