using System.CommandLine;
using JiraGate.Cli.Hosting;

namespace JiraGate.Cli.Commands;

/// <summary><c>jiragate serve</c>: the gateway — agent HTTP API, MCP at /mcp, approvals page — until Ctrl+C.</summary>
internal static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5180";

    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen (';' between several).",
            DefaultValueFactory = _ => DefaultUrls,
        };
        var dataDir = CommonServeOptions.DataDir();
        var config = ConfigStartup.Option();
        var policies = CommonServeOptions.Policies();
        var sandboxPort = new Option<int?>("--sandbox-port") { Description = "Port of the in-process sandbox Jira (default 5181 if free, else any)." };
        var verbose = new Option<bool>("--verbose") { Description = "Log requests and start-up details to stderr." };
        var json = CommonServeOptions.Json();
        var command = new Command("serve", "Run the gateway: agent HTTP API, MCP (/mcp) and the approvals page. With no configuration: SQLite under ./.jiragate, the sandbox as Jira, a demo agent and approver.")
        {
            urls, dataDir, config, policies, sandboxPort, verbose, json,
        };
        command.SetAction((parse, ct) => RunAsync(parse, new ServeArguments
        {
            Urls = parse.GetValue(urls)!,
            DataDir = parse.GetValue(dataDir)!,
            Config = parse.GetValue(config),
            Policies = parse.GetValue(policies) ?? [],
            SandboxPort = parse.GetValue(sandboxPort),
            Verbose = parse.GetValue(verbose),
            Json = parse.GetValue(json),
        }, ct));
        return command;
    }

    private sealed class ServeArguments
    {
        public required string Urls { get; init; }
        public required string DataDir { get; init; }
        public string? Config { get; init; }
        public required string[] Policies { get; init; }
        public int? SandboxPort { get; init; }
        public bool Verbose { get; init; }
        public bool Json { get; init; }
    }

    private static async Task<int> RunAsync(ParseResult parse, ServeArguments args, CancellationToken ct)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        if (!TryParseUrls(args.Urls, out var urlList, out var urlProblem))
        {
            await error.WriteLineAsync($"error: --urls '{args.Urls}': {urlProblem} Example: --urls http://127.0.0.1:5180");
            return ExitCodes.Usage;
        }

        if (args.Config is null && await PolicyFiles.ReportAsync(args.Policies, error))
        {
            return ExitCodes.Usage;
        }
        // With --config, the file, its policies and its vault entries are all checked here: nothing starts half-way.
        if (await ConfigStartup.ResolveAsync(args.Config, args.DataDir, args.Policies, error, ct) is not { } start)
        {
            return ExitCodes.Usage;
        }

        var settings = new ServeSettings
        {
            Urls = urlList,
            Data = new DataDirectory(start.DataDir),
            PolicyFiles = start.PolicyFiles,
            Config = start.Config,
            SandboxPort = args.SandboxPort,
            MinimumLogLevel = args.Verbose ? LogLevel.Information : LogLevel.Warning,
        };
        var host = await TryStartAsync(settings, error, ct);
        if (host is null)
        {
            return ct.IsCancellationRequested ? ExitCodes.Ok : ExitCodes.Unavailable;
        }
        await using (host)
        {
            if (args.Json)
            {
                ServeBanner.WriteJson(output, host);
            }
            else
            {
                ServeBanner.Write(output, host);
            }
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C (or the caller's token): stop cleanly below.
            }
            if (!args.Json)
            {
                await output.WriteLineAsync("Stopping JiraGate.");
            }
        }
        return ExitCodes.Ok;
    }

    private static async Task<ServeHost?> TryStartAsync(ServeSettings settings, TextWriter error, CancellationToken ct)
    {
        try
        {
            return await ServeHost.StartAsync(settings, ct);
        }
        catch (IOException ex) when (ex.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
        {
            await error.WriteLineAsync($"error: cannot listen on {string.Join(";", settings.Urls)}: {ex.Message}");
            await error.WriteLineAsync("  Another program (another 'jiragate serve'?) uses that port. Stop it, or pick another: --urls http://127.0.0.1:5190");
            return null;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return null;
        }
    }

    private static bool TryParseUrls(string text, out List<string> urls, out string problem)
    {
        urls = [];
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(part, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                problem = $"'{part}' is not an http(s) URL.";
                return false;
            }
            urls.Add(part);
        }
        problem = urls.Count == 0 ? "no URL given." : "";
        return urls.Count > 0;
    }
}
