using System.CommandLine;
using System.Globalization;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Model;

namespace JiraGate.Cli.Commands;

/// <summary><c>jiragate sandbox</c>: the offline Jira alone (the same options as <c>dotnet run --project src/JiraGate.Sandbox</c>).</summary>
internal static class SandboxCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "TCP port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 5181 };
        var flavor = new Option<string>("--flavor") { Description = "cloud (REST v3, ADF) or datacenter (REST v2, wiki markup).", DefaultValueFactory = _ => "cloud" };
        flavor.AcceptOnlyFromAmong("cloud", "datacenter");
        var issues = new Option<int?>("--issues") { Description = "Generate a site with this many issues instead of the demo site (e.g. 100000)." };
        var seed = new Option<int>("--seed") { Description = "Random seed for generated data.", DefaultValueFactory = _ => 42 };
        var state = new Option<string?>("--state") { Description = "Load the site from this JSON file if it exists." };
        var save = new Option<bool>("--save-state") { Description = "Save the site to --state when stopping." };
        var control = new Option<bool>("--control-api") { Description = "Enable the /_sandbox control API (faults, rate limits, clock, state)." };
        var rateLimit = new Option<int?>("--rate-limit") { Description = "Allow this many requests per second per route and method; more get 429." };
        var verbose = new Option<bool>("--verbose") { Description = "Log every request to the console." };
        var command = new Command("sandbox", "Run the offline Jira (Cloud or Data Center) alone, for trying calls by hand and for tests.")
        {
            port, flavor, issues, seed, state, save, control, rateLimit, verbose,
        };
        command.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var options = TryCreateOptions(parse.GetValue(port), parse.GetValue(flavor)!, parse.GetValue(issues), parse.GetValue(seed),
                parse.GetValue(state), parse.GetValue(save), parse.GetValue(rateLimit), out var problem);
            if (options is null)
            {
                await error.WriteLineAsync("error: " + problem);
                return ExitCodes.Usage;
            }
            options.EnableControlApi = parse.GetValue(control);
            options.ConsoleLogging = parse.GetValue(verbose);
            SandboxHost host;
            // A generated site (--issues 100000) takes seconds to build: a spinner on a terminal meanwhile.
            using var starting = Admin.TerminalProgress.Start(error, json: false, "starting the sandbox",
                total: null, detail: options.Seed.Issues is { } n ? $"generating {n} issues" : null);
            try
            {
                host = await SandboxHost.StartAsync(options, ct);
                starting.Complete();
            }
            catch (IOException ex)
            {
                starting.Complete();
                await error.WriteLineAsync($"error: cannot listen on 127.0.0.1:{options.Port}: {ex.Message}");
                await error.WriteLineAsync("  Another program uses that port: stop it, or pick another with --port (0 picks a free one).");
                return ExitCodes.Unavailable;
            }
            await using (host)
            {
                await WriteBannerAsync(parse.InvocationConfiguration.Output, host);
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C: stop (and save the state when asked) below.
                }
                await parse.InvocationConfiguration.Output.WriteLineAsync("Stopping the sandbox.");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The sandbox's options from the command line; null with <paramref name="problem"/> when they do not fit together.</summary>
    internal static SandboxOptions? TryCreateOptions(int port, string flavor, int? issues, int seed, string? state, bool save, int? rateLimit, out string problem)
    {
        problem = "";
        if (port is < 0 or > 65535)
        {
            problem = "--port must be between 0 and 65535.";
            return null;
        }
        if (issues is < 0)
        {
            problem = "--issues must be zero or more.";
            return null;
        }
        if (save && state is null)
        {
            problem = "--save-state needs --state FILE to know where to save.";
            return null;
        }
        if (rateLimit is <= 0)
        {
            problem = "--rate-limit must be 1 or more requests per second.";
            return null;
        }
        return new SandboxOptions
        {
            Port = port,
            Flavor = flavor == "datacenter" ? SandboxFlavor.DataCenter : SandboxFlavor.Cloud,
            Seed = new SeedOptions(issues, seed),
            StateFile = state,
            SaveStateOnStop = save,
            RateLimit = rateLimit is { } rps ? new RateLimitOptions { PermitLimit = rps } : null,
        };
    }

    private static async Task WriteBannerAsync(TextWriter output, SandboxHost host)
    {
        var (flavorName, api) = host.Site.Flavor == SandboxFlavor.Cloud ? ("Jira Cloud", "3") : ("Jira Data Center", "2");
        var count = host.Site.Read(s => s.Data.Issues.Count);
        var alice = DemoCredentials.Alice;
        var login = host.Site.Flavor == SandboxFlavor.Cloud ? $"{alice.Email}:{alice.ApiToken}" : $"{alice.Name}:{alice.Password}";
        var search = host.Site.Flavor == SandboxFlavor.Cloud ? "search/jql" : "search";
        var baseUrl = host.BaseUrl.ToString().TrimEnd('/');
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""
            JiraGate Sandbox — {flavorName} with {count} issues at {baseUrl}
              try:  curl -u {login} '{baseUrl}/rest/api/{api}/{search}?jql=project=SEC&fields=summary'
              demo users and tokens: see README.md ("Sandbox credentials"). Ctrl+C stops.
            """));
        await output.FlushAsync();
    }
}
