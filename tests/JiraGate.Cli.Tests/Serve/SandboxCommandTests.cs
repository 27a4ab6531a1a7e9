using JiraGate.Cli.Commands;
using JiraGate.Sandbox.Model;

namespace JiraGate.Cli.Tests.Serve;

public sealed class SandboxCommandTests
{
    [Fact]
    public void Options_DataCenterGeneratedSite_AreTheSandboxes()
    {
        var options = SandboxCommand.TryCreateOptions(0, "datacenter", 1000, 7, "site.json", save: true, rateLimit: 50, out var problem);

        Assert.NotNull(options);
        Assert.Equal("", problem);
        Assert.Equal(SandboxFlavor.DataCenter, options.Flavor);
        Assert.Equal(1000, options.Seed.Issues);
        Assert.Equal(7, options.Seed.Seed);
        Assert.Equal("site.json", options.StateFile);
        Assert.True(options.SaveStateOnStop);
        Assert.Equal(50, options.RateLimit!.PermitLimit);
    }

    [Theory]
    [InlineData(-1, null, null, false, "--port")]
    [InlineData(5181, -5, null, false, "--issues")]
    [InlineData(5181, null, null, true, "--save-state needs --state")]
    public void Options_ThatDoNotFit_NameTheOption(int port, int? issues, string? state, bool save, string expected)
    {
        Assert.Null(SandboxCommand.TryCreateOptions(port, "cloud", issues, 42, state, save, null, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sandbox_UnknownFlavor_IsAUsageError()
    {
        var (exit, output, error) = await CliRun.RunAsync("sandbox", "--flavor", "mars");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("mars", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Sandbox —", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sandbox_SaveStateWithoutState_Exit2()
    {
        var (exit, _, error) = await CliRun.RunAsync("sandbox", "--port", "0", "--save-state");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--state", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Root_HasTheServingCommands()
    {
        var names = Program.BuildRoot().Subcommands.Select(c => c.Name).ToList();
        Assert.Subset(names.ToHashSet(), new HashSet<string> { "serve", "mcp", "call", "sandbox" });
    }
}
