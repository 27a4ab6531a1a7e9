using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using JiraGate.Jira.Authentication.OAuth;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace JiraGate.Jira.Tests.OAuth;

/// <summary>
/// The sandbox's OAuth emulation in-process, on a fake clock shared with the client, plus a DI container with
/// the OAuth client (its token-endpoint calls counted and optionally held), a gateway client and a log capture.
/// </summary>
internal sealed class OAuthSandbox : IAsyncDisposable
{
    public const string Redirect = "http://127.0.0.1:8765/callback";
    public const string AllScopes = "read:jira-work write:jira-work offline_access";

    private OAuthSandbox(SandboxHost host, FakeTimeProvider time, ServiceProvider services, TokenEndpointProbe probe, LogCapture logs)
    {
        Host = host;
        Time = time;
        Services = services;
        Probe = probe;
        Logs = logs;
        Client = services.GetRequiredService<JiraOAuthClient>();
    }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public SandboxHost Host { get; }

    public FakeTimeProvider Time { get; }

    public ServiceProvider Services { get; }

    public TokenEndpointProbe Probe { get; }

    public LogCapture Logs { get; }

    public JiraOAuthClient Client { get; }

    public string CloudId => Host.Site.Read(s => s.Data.CloudId);

    public static async Task<OAuthSandbox> StartAsync(string scopes = AllScopes, string clientSecret = DemoCredentials.OAuthClientSecret)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        var host = await SandboxHost.StartAsync(new SandboxOptions { TimeProvider = time }, Ct);
        var probe = new TokenEndpointProbe();
        var logs = new LogCapture();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddJiraOAuthClient(o =>
            {
                o.ClientId = DemoCredentials.OAuthClientId;
                o.ClientSecret = clientSecret;
                o.RedirectUri = new Uri(Redirect);
                foreach (var scope in scopes.Split(' '))
                {
                    o.Scopes.Add(scope);
                }
                o.AuthorizationServerBaseUrl = host.BaseUrl;
                o.ApiGatewayBaseUrl = host.BaseUrl;
            })
            .AddHttpMessageHandler(() => new CountingHandler(probe));
        services.AddHttpClient("browser").ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddHttpClient("api", c => c.BaseAddress = host.BaseUrl);
        return new OAuthSandbox(host, time, services.BuildServiceProvider(), probe, logs);
    }

    /// <summary>The browser leg: follow the authorization URL as <paramref name="email"/> and read the code off the redirect.</summary>
    public async Task<string> AuthorizeAsync(string? email = null, string? state = null)
    {
        state ??= JiraOAuthClient.CreateState();
        var url = Client.CreateAuthorizationUrl(state) + "&login_hint=" + Uri.EscapeDataString(email ?? DemoCredentials.Alice.Email);
        using var response = await Services.GetRequiredService<IHttpClientFactory>().CreateClient("browser").GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return JiraOAuthClient.GetCodeFromCallback(response.Headers.Location!, state);
    }

    /// <summary>Consent and code exchange, then the probe starts counting from zero.</summary>
    public async Task<OAuthTokenSet> SignInAsync()
    {
        var tokens = await Client.ExchangeCodeAsync(await AuthorizeAsync(), Ct);
        Probe.Reset();
        return tokens;
    }

    /// <summary>GET /ex/jira/{cloudId}/rest/api/3/myself with the bearer token: the status and, on 200, the accountId.</summary>
    public async Task<(HttpStatusCode Status, string? AccountId)> MyselfAsync(string accessToken, string? cloudId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"ex/jira/{cloudId ?? CloudId}/rest/api/3/myself");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await Services.GetRequiredService<IHttpClientFactory>().CreateClient("api").SendAsync(request, Ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, null);
        }
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return (response.StatusCode, json.RootElement.GetProperty("accountId").GetString());
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Host.DisposeAsync();
    }
}

/// <summary>Counts POST /oauth/token calls and can hold them until released, to make concurrency deterministic.</summary>
internal sealed class TokenEndpointProbe
{
    private int _count;
    private TaskCompletionSource? _gate;

    public int TokenRequests => Volatile.Read(ref _count);

    /// <summary>Completes when a token request reaches the (held) gate.</summary>
    public TaskCompletionSource Arrived { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    /// <summary>From now on, token requests wait until <see cref="Release"/>.</summary>
    public void Hold()
    {
        Arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Release() => Interlocked.Exchange(ref _gate, null)?.TrySetResult();

    internal async Task OnTokenRequestAsync()
    {
        Interlocked.Increment(ref _count);
        Arrived.TrySetResult();
        if (Volatile.Read(ref _gate) is { } gate)
        {
            await gate.Task;
        }
    }
}

internal sealed class CountingHandler(TokenEndpointProbe probe) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath == "/oauth/token")
        {
            await probe.OnTokenRequestAsync();
        }
        return await base.SendAsync(request, cancellationToken);
    }
}

/// <summary>Every log line and exception logged, to check that no secret reaches a log.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._lines.Enqueue($"{eventId.Id} {formatter(state, exception)} {exception} {state}");
    }
}
