using JiraGate.Jira.Authentication;
using JiraGate.Jira.Models;
using JiraGate.Jira.Tests.Infrastructure;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Model;

namespace JiraGate.Jira.Tests.Webhooks;

/// <summary>
/// Admin webhooks (/rest/webhooks/1.0/webhook) in both flavours, as Ada the Jira admin: API token on Cloud, PAT on
/// Data Center. Each write is read back; each operation has an error path.
/// </summary>
public sealed class AdminWebhooksTests
{
    // Loopback: the sandbox may deliver to it, and nothing leaves the machine.
    private const string HookUrl = "http://127.0.0.1:9/hooks/jira";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JiraCredentials Ada(SandboxFlavor flavor) => flavor == SandboxFlavor.Cloud
        ? new ApiTokenCredentials(DemoCredentials.Ada.Email, DemoCredentials.Ada.ApiToken)
        : new PersonalAccessTokenCredentials(DemoCredentials.Ada.PersonalAccessToken);

    private static async Task<(SandboxHost Host, ServiceProvider Services, JiraClient Jira, RecordingHandler Wire)> StartAsync(
        SandboxFlavor flavor, JiraCredentials? credentials = null)
    {
        var host = await JiraTestServices.StartAsync(flavor);
        var wire = new RecordingHandler();
        var services = JiraTestServices.ForSandbox(host, credentials ?? Ada(flavor), builder: b => b.HttpClient.AddHttpMessageHandler(() => wire));
        return (host, services, services.GetRequiredService<JiraClient>(), wire);
    }

    private static AdminWebhookDefinition Definition(string name = "SEC issues") => new()
    {
        Name = name,
        Url = HookUrl,
        Events = ["jira:issue_created", "comment_created"],
        Jql = "project = SEC",
        ExcludeBody = true,
        Secret = "sandbox-webhook-secret",
    };

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task Mode_TokenOrPatConnection_IsAdmin(SandboxFlavor flavor)
    {
        var (host, services, jira, _) = await StartAsync(flavor);
        await using var _h = host;
        using var _s = services;
        Assert.Equal(WebhookMode.Admin, jira.Webhooks.Mode);
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task CreateAdminWebhookAsync_Valid_ReadsBackThroughGetAndList(SandboxFlavor flavor)
    {
        var (host, services, jira, wire) = await StartAsync(flavor);
        await using var _h = host;
        using var _s = services;

        var created = await jira.Webhooks.CreateAdminWebhookAsync(Definition(), Ct);

        Assert.NotNull(created.Id);
        var read = await jira.Webhooks.GetAdminWebhookAsync(created.Id!.Value, Ct);
        Assert.Equal("SEC issues", read.Name);
        Assert.Equal(HookUrl, read.Url);
        Assert.Equal(["jira:issue_created", "comment_created"], read.Events);
        Assert.Equal("project = SEC", read.Filters!.IssueRelatedEventsSection);
        Assert.True(read.ExcludeBody);
        Assert.True(read.Enabled);
        Assert.NotNull(read.LastUpdated);
        Assert.DoesNotContain("sandbox-webhook-secret", System.Text.Json.JsonSerializer.Serialize(read, Serialization.JiraJsonContext.Default.AdminWebhook), StringComparison.Ordinal);
        Assert.Contains(await jira.Webhooks.ListAdminWebhooksAsync(Ct), h => h.Id == created.Id && h.Name == "SEC issues");
        Assert.Equal(1, wire.Count("POST", "/rest/webhooks/1.0/webhook"));
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task UpdateAdminWebhookAsync_NewSettings_ReadBack(SandboxFlavor flavor)
    {
        var (host, services, jira, _) = await StartAsync(flavor);
        await using var _h = host;
        using var _s = services;
        var id = (await jira.Webhooks.CreateAdminWebhookAsync(Definition(), Ct)).Id!.Value;

        await jira.Webhooks.UpdateAdminWebhookAsync(id, new AdminWebhookDefinition
        {
            Name = "ENG issues",
            Url = HookUrl + "/eng",
            Events = ["jira:issue_updated"],
            Enabled = false,
        }, Ct);

        var read = await jira.Webhooks.GetAdminWebhookAsync(id, Ct);
        Assert.Equal("ENG issues", read.Name);
        Assert.Equal(HookUrl + "/eng", read.Url);
        Assert.Equal(["jira:issue_updated"], read.Events);
        Assert.False(read.Enabled);
        Assert.False(read.ExcludeBody);
        Assert.True(string.IsNullOrEmpty(read.Filters?.IssueRelatedEventsSection));
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task DeleteAdminWebhookAsync_Existing_GoneFromGetAndList(SandboxFlavor flavor)
    {
        var (host, services, jira, _) = await StartAsync(flavor);
        await using var _h = host;
        using var _s = services;
        var id = (await jira.Webhooks.CreateAdminWebhookAsync(Definition(), Ct)).Id!.Value;

        await jira.Webhooks.DeleteAdminWebhookAsync(id, Ct);

        await Assert.ThrowsAsync<JiraNotFoundException>(() => jira.Webhooks.GetAdminWebhookAsync(id, Ct));
        Assert.DoesNotContain(await jira.Webhooks.ListAdminWebhooksAsync(Ct), h => h.Id == id);
        await Assert.ThrowsAsync<JiraNotFoundException>(() => jira.Webhooks.DeleteAdminWebhookAsync(id, Ct));
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task GetAdminWebhookAsync_Unknown_NotFound(SandboxFlavor flavor)
    {
        var (host, services, jira, _) = await StartAsync(flavor);
        await using var _h = host;
        using var _s = services;
        var ex = await Assert.ThrowsAsync<JiraNotFoundException>(() => jira.Webhooks.GetAdminWebhookAsync(987654, Ct));
        Assert.Contains("987654", string.Join(' ', ex.ErrorMessages), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task CreateAdminWebhookAsync_UnknownEvent_ValidationNamesTheField(SandboxFlavor flavor)
    {
        var (host, services, jira, _) = await StartAsync(flavor);
        await using var _h = host;
        using var _s = services;
        var ex = await Assert.ThrowsAsync<JiraValidationException>(() => jira.Webhooks.CreateAdminWebhookAsync(new AdminWebhookDefinition
        {
            Name = "bad",
            Url = HookUrl,
            Events = ["jira:issue_exploded"],
        }, Ct));
        Assert.Contains("events", ex.Errors.Keys);
        Assert.Empty(await jira.Webhooks.ListAdminWebhooksAsync(Ct));
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task ListAdminWebhooksAsync_NotAnAdmin_Forbidden(SandboxFlavor flavor)
    {
        var (host, services, jira, _) = await StartAsync(flavor, JiraTestServices.Alice(flavor));
        await using var _h = host;
        using var _s = services;
        await Assert.ThrowsAsync<JiraForbiddenException>(() => jira.Webhooks.ListAdminWebhooksAsync(Ct));
        await Assert.ThrowsAsync<JiraForbiddenException>(() => jira.Webhooks.CreateAdminWebhookAsync(Definition(), Ct));
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task DynamicWebhookMethods_TokenOrPatConnection_ClearErrorAndNothingSent(SandboxFlavor flavor)
    {
        var (host, services, jira, wire) = await StartAsync(flavor);
        await using var _h = host;
        using var _s = services;
        var registration = new DynamicWebhookRegistration
        {
            Url = HookUrl,
            Webhooks = [new DynamicWebhookDetails { Events = ["jira:issue_created"], JqlFilter = "project = SEC" }],
        };

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => jira.Webhooks.RegisterDynamicWebhooksAsync(registration, Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => jira.Webhooks.ListDynamicWebhooksPageAsync(cancellationToken: Ct));
        Assert.Throws<InvalidOperationException>(() => jira.Webhooks.ListDynamicWebhooksAsync(cancellationToken: Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => jira.Webhooks.DeleteDynamicWebhooksAsync([1], Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => jira.Webhooks.RefreshDynamicWebhooksAsync([1], Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => jira.Webhooks.RefreshExpiringAsync(cancellationToken: Ct));

        Assert.Contains("OAuth", ex.Message, StringComparison.Ordinal);
        Assert.Contains("CreateAdminWebhookAsync", ex.Message, StringComparison.Ordinal);
        Assert.Contains(Ada(flavor).Describe(), ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoCredentials.Ada.ApiToken, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wire.Attempts, a => a.Uri.AbsolutePath.Contains("/webhook", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CloudDynamicEndpoint_ApiTokenCaller_JiraAlsoRefusesIt()
    {
        // What the client's guard saves the caller from: Jira's own answer to a user calling /rest/api/3/webhook.
        await using var host = await JiraTestServices.StartAsync(SandboxFlavor.Cloud);
        using var http = host.CreateClient(DemoCredentials.Ada);
        using var response = await http.GetAsync(new Uri("/rest/api/3/webhook", UriKind.Relative), Ct);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Only Connect and OAuth 2.0 apps", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
