using System.Text.Json;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Execution;
using JiraGate.Governance.Pipeline;
using JiraGate.Governance.Policies;
using JiraGate.Jira;
using JiraGate.Jira.Authentication;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Model;

namespace JiraGate.Governance.Tests.Execution;

/// <summary>One sandbox per test class and an executor over it, connected as Ada (Jira admin, sees every project).</summary>
public abstract class ExecutorFixture(SandboxFlavor flavor) : IAsyncLifetime
{
    private ServiceProvider? _services;

    public SandboxFlavor Flavor { get; } = flavor;

    public SandboxHost Host { get; private set; } = null!;

    public JiraClient Jira { get; private set; } = null!;

    public JiraOperationExecutor Executor { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Host = await SandboxHost.StartAsync(new SandboxOptions { Flavor = Flavor });
        JiraCredentials credentials = Flavor == SandboxFlavor.Cloud
            ? new ApiTokenCredentials(DemoCredentials.Ada.Email, DemoCredentials.Ada.ApiToken)
            : new PersonalAccessTokenCredentials(DemoCredentials.Ada.PersonalAccessToken);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddJiraClient(o =>
        {
            o.BaseUrl = Host.BaseUrl;
            o.Credentials = credentials;
            o.ApiGatewayBaseUrl = Host.BaseUrl;
            o.Retry.InitialDelay = TimeSpan.FromMilliseconds(1);
            o.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
        });
        _services = services.BuildServiceProvider();
        Jira = _services.GetRequiredService<JiraClient>();
        Executor = new JiraOperationExecutor(Jira);
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
        await Host.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs an operation with arguments that must be valid against its schema (checked first, as the pipeline does).</summary>
    public async Task<JsonElement> RunAsync(string operation, string arguments, ExecutionScope? scope = null)
    {
        var op = OperationCatalog.Default[operation];
        using var doc = JsonDocument.Parse(arguments);
        var validation = ArgumentValidator.Validate(op, doc.RootElement);
        Assert.True(validation.IsValid, operation + ": " + string.Join("; ", validation.Errors));
        var output = await Executor.ExecuteAsync(op, doc.RootElement, scope ?? ExecutionScope.Unrestricted, TestContext.Current.CancellationToken);
        Assert.True(output.Value.GetRawText().Length <= 8 * 1024, operation + " result over 8 KB: " + output.Value.GetRawText().Length);
        return output.Value;
    }

    /// <summary>A new issue in <paramref name="project"/> to write to.</summary>
    public async Task<string> NewIssueAsync(string project = "SEC", string type = "Task", string summary = "executor test")
    {
        var created = await RunAsync("issues:create", $$"""{"project_key": "{{project}}", "summary": "{{summary}}", "issue_type": "{{type}}"}""");
        return created.GetProperty("key").GetString()!;
    }
}

public sealed class CloudExecutorFixture() : ExecutorFixture(SandboxFlavor.Cloud);

public sealed class DataCenterExecutorFixture() : ExecutorFixture(SandboxFlavor.DataCenter);

internal static class Scopes
{
    public static ExecutionScope Of(IReadOnlyList<string>? projects, IReadOnlyList<string>? issueTypes = null) =>
        new() { Grants = [new PolicyScope { Policy = "scoped", Projects = projects, IssueTypes = issueTypes }] };
}

internal static class JsonAssert
{
    /// <summary>The object has exactly these properties (a stable shape), in any order.</summary>
    public static void Keys(JsonElement value, params string[] keys)
    {
        Assert.Equal(JsonValueKind.Object, value.ValueKind);
        var actual = value.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(keys.Order(StringComparer.Ordinal).ToArray(), actual);
    }

    /// <summary>The object has at least these properties.</summary>
    public static void Has(JsonElement value, params string[] keys)
    {
        Assert.Equal(JsonValueKind.Object, value.ValueKind);
        foreach (var key in keys)
        {
            Assert.True(value.TryGetProperty(key, out _), $"missing '{key}' in {value.GetRawText()}");
        }
    }

    public static IReadOnlyList<JsonElement> Items(JsonElement value)
    {
        Assert.True(value.TryGetProperty("items", out var items), "no items in " + value.GetRawText());
        return [.. items.EnumerateArray()];
    }

    public static string Str(JsonElement value, string name) => value.GetProperty(name).GetString()!;
}
