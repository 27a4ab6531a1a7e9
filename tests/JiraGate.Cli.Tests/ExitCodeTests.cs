using System.Reflection;

namespace JiraGate.Cli.Tests;

public sealed class ExitCodeTests
{
    [Fact]
    public void ExitCodes_AreTheDocumentedOnes()
    {
        var codes = typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToDictionary(f => f.Name, f => (int)f.GetValue(null)!);
        Assert.Equal(new Dictionary<string, int>
        {
            ["Ok"] = 0, ["Error"] = 1, ["Usage"] = 2, ["Denied"] = 3, ["PendingApproval"] = 4,
            ["JiraError"] = 5, ["Unavailable"] = 6, ["CheckFailed"] = 7,
        }, codes);
    }

    [Fact]
    public void RootCommand_SubcommandNamesAreUnique()
    {
        var names = Program.BuildRoot().Subcommands.Select(c => c.Name).ToList();
        Assert.Equal(names.Distinct(StringComparer.Ordinal).Count(), names.Count);
    }
}
