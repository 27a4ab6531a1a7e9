using System.Net;
using JiraGate.Sandbox.Api;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Faults;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Security;
using JiraGate.Sandbox.Webhooks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace JiraGate.Sandbox.Hosting;

/// <summary>
/// A running sandbox: an ASP.NET Core app bound to loopback, serving one seeded Jira site.
/// Tests start it in-process on port 0 and read <see cref="BaseUrl"/>.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxHost(WebApplication app, Site site, SandboxOptions options, Uri baseUrl)
    {
        _app = app;
        Site = site;
        Options = options;
        BaseUrl = baseUrl;
    }

    /// <summary>Name of the factory client that does not follow redirects.</summary>
    public const string NoRedirectClientName = "no-redirect";

    /// <summary>The site's base URL, e.g. http://127.0.0.1:5181/ (a <see cref="Uri"/> always ends the path with a slash).</summary>
    public Uri BaseUrl { get; }

    /// <summary>The live site state.</summary>
    public Site Site { get; }

    public SandboxOptions Options { get; }

    /// <summary>The app's services (for tests that need the HTTP client factory or the OAuth server).</summary>
    public IServiceProvider Services => _app.Services;

    public static async Task<SandboxHost> StartAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxOptions();
        var data = options.StateFile is { } file && File.Exists(file)
            ? SiteStateFile.Load(file)
            : SiteSeeder.Create(options.TimeProvider.GetUtcNow(), options.Seed);
        var site = new Site(data, options.TimeProvider, options.Flavor);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(SandboxHost).Assembly.GetName().Name,
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Parse(options.Host), options.Port);
            k.Limits.MaxRequestBodySize = 256L * 1024 * 1024;
            k.AddServerHeader = false;
        });
        builder.Logging.ClearProviders();
        if (options.ConsoleLogging)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }
        builder.Services.AddSingleton(site);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(options.TimeProvider);
        builder.Services.AddSingleton<OAuthServer>();
        builder.Services.AddWebhookDelivery();
        builder.Services.AddSingleton<FaultState>();
        builder.Services.AddSingleton<RateLimiter>();
        builder.Services.AddHttpClient();
        // Clients that must see 3xx answers themselves (attachment content, OAuth authorize).
        builder.Services.AddHttpClient(NoRedirectClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        builder.Services.AddRouting();

        var app = builder.Build();
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseMiddleware<AuthenticationMiddleware>();
        // Routing before faults, so the rate limit is kept per route template and method.
        app.UseRouting();
        app.UseMiddleware<FaultMiddleware>();
        SandboxRoutes.Map(app, options.Flavor, options);

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxHost(app, site, options, new Uri(address.TrimEnd('/')));
    }

    /// <summary>An HTTP client for this sandbox from the app's client factory, with the base address set.</summary>
    public HttpClient CreateClient()
    {
        var client = Services.GetRequiredService<IHttpClientFactory>().CreateClient("sandbox");
        client.BaseAddress = BaseUrl;
        return client;
    }

    /// <summary>A client authenticated as a demo user: Basic email:token on Cloud, Basic username:password on Data Center.</summary>
    public HttpClient CreateClient(DemoCredentials.DemoUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var client = CreateClient();
        var pair = Site.Flavor == SandboxFlavor.DataCenter ? $"{user.Name}:{user.Password}" : $"{user.Email}:{user.ApiToken}";
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(pair)));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (Options.SaveStateOnStop && Options.StateFile is { } file)
        {
            SiteStateFile.Save(Site, file);
        }
        await _app.StopAsync();
        await _app.DisposeAsync();
        Site.Dispose();
    }
}
