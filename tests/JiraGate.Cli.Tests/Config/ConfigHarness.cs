using System.CommandLine;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using JiraGate.Cli.Hosting;
using JiraGate.Cli.Tests.Serve;

namespace JiraGate.Cli.Tests.Config;

/// <summary>A temp folder with a jiragate.yaml (storage under it), the vault through the real command, and serve --config.</summary>
internal sealed class ConfigHarness : IDisposable
{
    public Admin.TempDataDir Dir { get; } = new();

    public string ConfigPath => Path.Combine(Dir.Root, "jiragate.yaml");

    /// <summary>Writes the config; <c>storage</c> points at the harness's data directory unless the text has its own.</summary>
    public string Write(string yaml)
    {
        var text = yaml.Contains("storage:", StringComparison.Ordinal) ? yaml : "storage:\n  path: ./.jiragate\n" + yaml;
        File.WriteAllText(ConfigPath, text);
        return ConfigPath;
    }

    /// <summary><c>jiragate vault set PATH --kind … </c> with the secret on stdin.</summary>
    public async Task VaultSetAsync(string path, string secret, params string[] args)
    {
        var r = await Dir.RunWithStdinAsync(secret, ["vault", "set", path, .. args]);
        Assert.True(r.ExitCode == 0, r.ToString());
    }

    public Task VaultSetApiTokenAsync(string path, string email, string token) => VaultSetAsync(path, token, "--kind", "api-token", "--email", email);

    public Task<(GatewayConfig? Config, IReadOnlyList<string> Errors)> LoadAsync() =>
        GatewayConfig.LoadAsync(ConfigPath, Dir.DataDir, [], TestContext.Current.CancellationToken);

    /// <summary>Starts <c>serve --config … --json</c>; returns once the banner is printed.</summary>
    public async Task<RunningGateway> StartAsync(bool json = true)
    {
        var output = new WatchedWriter(json ? "\"gateway\"" : "Ctrl+C stops.");
        var error = new WatchedWriter("\n");
        var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        string[] args = ["serve", "--config", ConfigPath, "--urls", "http://127.0.0.1:0", "--sandbox-port", "0", .. json ? new[] { "--json" } : []];
        var run = CommandLineRunner.InvokeAsync(Program.BuildRoot(), args, new InvocationConfiguration { Output = output, Error = error }, cts.Token);
        var started = await Task.WhenAny(output.Seen.Task, run).WaitAsync(TimeSpan.FromMinutes(3), TestContext.Current.CancellationToken);
        Assert.True(started != run, "serve ended before listening: " + error);
        return new RunningGateway(output.ToString(), error, run, cts);
    }

    public void Dispose() => Dir.Dispose();
}

internal sealed class RunningGateway(string output, WatchedWriter error, Task<int> run, CancellationTokenSource stop) : IAsyncDisposable
{
    private static readonly IHttpClientFactory Http = new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();

    public string Output { get; } = output;

    public string Error => error.ToString();

    public JsonElement Banner
    {
        get
        {
            using var doc = JsonDocument.Parse(Output);
            return doc.RootElement.Clone();
        }
    }

    public Uri Gateway => new(Banner.GetProperty("gateway").GetString()! + "/");

    public string? KeyOf(string agentId) => Banner.GetProperty("agents").EnumerateArray()
        .First(a => a.GetProperty("id").GetString() == agentId).TryGetProperty("key", out var k) ? k.GetString() : null;

    /// <summary>POST /v1/operations/{operation} as the agent; the status and body.</summary>
    public async Task<(int Status, JsonElement Body)> CallAsync(string key, string operation, string argumentsJson)
    {
        using var client = Http.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Gateway, "v1/operations/" + operation))
        {
            Content = new StringContent(argumentsJson, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var doc = JsonDocument.Parse(text);
        return ((int)response.StatusCode, doc.RootElement.Clone());
    }

    /// <summary>GET a gateway path as the agent; the status and the body text.</summary>
    public async Task<(int Status, string Body)> GetAsync(string key, string path)
    {
        using var client = Http.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Gateway, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Ok, await run);
        stop.Dispose();
    }
}
