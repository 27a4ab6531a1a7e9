using System.CommandLine;
using System.Globalization;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox;

/// <summary>Standalone entry point: <c>dotnet run --project src/JiraGate.Sandbox -- --port 5181</c>.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
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
        var faults = new Option<string[]>("--fault")
        {
            Description = "Inject a fault from the start, as the control API's JSON, e.g. '{\"kind\":\"status\",\"statusCode\":503,\"probability\":0.1}'. Repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var verbose = new Option<bool>("--verbose") { Description = "Log every request to the console." };

        var root = new RootCommand("JiraGate Sandbox: an offline Jira Cloud / Data Center for tests, demos and benchmarks.")
        {
            port, flavor, issues, seed, state, save, control, rateLimit, faults, verbose,
        };
        root.SetAction(async (parse, cancellationToken) =>
        {
            var issueCount = parse.GetValue(issues);
            if (issueCount is < 0)
            {
                await Console.Error.WriteLineAsync("error: --issues must be zero or more.");
                return 2;
            }
            if (parse.GetValue(save) && parse.GetValue(state) is null)
            {
                await Console.Error.WriteLineAsync("error: --save-state needs --state FILE to know where to save.");
                return 2;
            }
            var options = new SandboxOptions
            {
                Port = parse.GetValue(port),
                Flavor = parse.GetValue(flavor) == "datacenter" ? SandboxFlavor.DataCenter : SandboxFlavor.Cloud,
                Seed = new SeedOptions(issueCount, parse.GetValue(seed)),
                StateFile = parse.GetValue(state),
                SaveStateOnStop = parse.GetValue(save),
                EnableControlApi = parse.GetValue(control),
                ConsoleLogging = parse.GetValue(verbose),
                RateLimit = parse.GetValue(rateLimit) is { } rps ? new RateLimitOptions { PermitLimit = rps } : null,
            };
            foreach (var text in parse.GetValue(faults) ?? [])
            {
                if (!TryParseFault(text, out var rule, out var error))
                {
                    await Console.Error.WriteLineAsync($"error: --fault '{text}': {error}");
                    return 2;
                }
                options.Faults.Add(rule);
            }
            await using var host = await SandboxHost.StartAsync(options, cancellationToken);
            PrintBanner(host);
            var stopped = new TaskCompletionSource();
            using var registration = cancellationToken.Register(() => stopped.TrySetResult());
            await stopped.Task;
            await Console.Out.WriteLineAsync("Stopping the sandbox.");
            return 0;
        });
        return await root.Parse(args).InvokeAsync();
    }

    private static bool TryParseFault(string text, out FaultRule rule, out string error)
    {
        rule = new FaultRule();
        try
        {
            if (System.Text.Json.Nodes.JsonNode.Parse(text) is System.Text.Json.Nodes.JsonObject json)
            {
                return Faults.FaultRuleReader.TryRead(json, out rule, out error);
            }
        }
        catch (System.Text.Json.JsonException ex)
        {
            error = "not valid JSON (" + ex.Message + ")";
            return false;
        }
        error = "expected a JSON object such as {\"kind\":\"status\",\"statusCode\":503}";
        return false;
    }

    private static void PrintBanner(SandboxHost host)
    {
        var (flavorName, api) = host.Site.Flavor == SandboxFlavor.Cloud ? ("Jira Cloud", "3") : ("Jira Data Center", "2");
        var count = host.Site.Read(s => s.Data.Issues.Count);
        var alice = DemoCredentials.Alice;
        var login = host.Site.Flavor == SandboxFlavor.Cloud ? $"{alice.Email}:{alice.ApiToken}" : $"{alice.Name}:{alice.Password}";
        var search = host.Site.Flavor == SandboxFlavor.Cloud ? "search/jql" : "search";
        var baseUrl = host.BaseUrl.ToString().TrimEnd('/');
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            JiraGate Sandbox — {flavorName} with {count} issues at {baseUrl}
              try:  curl -u {login} '{baseUrl}/rest/api/{api}/{search}?jql=project=SEC&fields=summary'
              demo users and tokens: see README.md ("Sandbox credentials"). Ctrl+C stops.
            """));
    }
}
