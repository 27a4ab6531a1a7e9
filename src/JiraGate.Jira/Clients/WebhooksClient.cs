using JiraGate.Jira.Authentication;
using JiraGate.Jira.Connection;
using JiraGate.Jira.Models;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira;

/// <summary>
/// Webhooks, by the API the connection's credentials can use (<see cref="Mode"/>): admin webhooks for API-token,
/// PAT and password connections (Cloud and Data Center), dynamic webhooks for OAuth 2.0 app connections (Cloud),
/// which expire after 30 days unless refreshed (<see cref="RefreshExpiringAsync"/>).
/// </summary>
/// <remarks>https://developer.atlassian.com/cloud/jira/platform/webhooks/</remarks>
public sealed class WebhooksClient
{
    private const string AdminPath = "/rest/webhooks/1.0/webhook";
    private const string DynamicPath = "/rest/api/3/webhook";

    // Jira caps a dynamic webhook page at 100; refreshes go in batches of the same size.
    private const int DynamicBatch = 100;

    private readonly JiraConnection _connection;

    internal WebhooksClient(JiraConnection connection)
    {
        _connection = connection;
        Mode = connection.Credentials is OAuthCredentials ? WebhookMode.Dynamic : WebhookMode.Admin;
    }

    /// <summary>
    /// The webhook API this connection's credentials can use: <see cref="WebhookMode.Dynamic"/> for OAuth 2.0,
    /// <see cref="WebhookMode.Admin"/> for everything else. The dynamic-webhook methods refuse admin connections.
    /// </summary>
    public WebhookMode Mode { get; }

    /// <summary>Every admin webhook of the site (one unpaged list). The caller must be a Jira administrator.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The webhooks.</returns>
    /// <exception cref="JiraForbiddenException">The caller is not a Jira administrator.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/webhooks/#registering-a-webhook-using-the-jira-rest-api--other-integrations-</remarks>
    [JiraEndpoint("GET", AdminPath, Deployment = JiraDeployment.Auto)]
    public async Task<IReadOnlyList<AdminWebhook>> ListAdminWebhooksAsync(CancellationToken cancellationToken = default) =>
        (await _connection.SendAsync(JiraRequest.Get(AdminPath), JiraJsonContext.Default.IReadOnlyListAdminWebhook, cancellationToken)
            .ConfigureAwait(false)).Value;

    /// <summary>One admin webhook.</summary>
    /// <param name="webhookId">The id (the last segment of its <c>self</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The webhook.</returns>
    /// <exception cref="JiraNotFoundException">No webhook has that id.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/webhooks/</remarks>
    [JiraEndpoint("GET", AdminPath + "/{webhookId}", Deployment = JiraDeployment.Auto)]
    public async Task<AdminWebhook> GetAdminWebhookAsync(long webhookId, CancellationToken cancellationToken = default) =>
        (await _connection.SendAsync(JiraRequest.Get(AdminItem(webhookId)), JiraJsonContext.Default.AdminWebhook, cancellationToken)
            .ConfigureAwait(false)).Value;

    /// <summary>Creates an admin webhook. Not retried after a lost answer: list the webhooks before trying again.</summary>
    /// <param name="webhook">Name, URL, events, JQL filter, body and secret settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The webhook as Jira stored it (its <see cref="AdminWebhook.Id"/> set).</returns>
    /// <exception cref="JiraValidationException">An empty name or URL, an unknown event or invalid JQL.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/webhooks/</remarks>
    [JiraEndpoint("POST", AdminPath, Deployment = JiraDeployment.Auto)]
    public async Task<AdminWebhook> CreateAdminWebhookAsync(AdminWebhookDefinition webhook, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var request = JiraRequest.Post(AdminPath).Json(Body(webhook), JiraJsonContext.Default.AdminWebhookBody);
        return (await _connection.SendAsync(request, JiraJsonContext.Default.AdminWebhook, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>Replaces an admin webhook's settings with <paramref name="webhook"/> (a full replacement, not a patch).</summary>
    /// <param name="webhookId">The id.</param>
    /// <param name="webhook">The new settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The webhook as Jira stored it.</returns>
    /// <exception cref="JiraNotFoundException">No webhook has that id.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/webhooks/</remarks>
    [JiraEndpoint("PUT", AdminPath + "/{webhookId}", Deployment = JiraDeployment.Auto)]
    public async Task<AdminWebhook> UpdateAdminWebhookAsync(long webhookId, AdminWebhookDefinition webhook, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var request = JiraRequest.Put(AdminItem(webhookId)).Json(Body(webhook), JiraJsonContext.Default.AdminWebhookBody);
        return (await _connection.SendAsync(request, JiraJsonContext.Default.AdminWebhook, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>Deletes an admin webhook.</summary>
    /// <param name="webhookId">The id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>When Jira has deleted it (204).</returns>
    /// <exception cref="JiraNotFoundException">No webhook has that id.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/webhooks/</remarks>
    [JiraEndpoint("DELETE", AdminPath + "/{webhookId}", Deployment = JiraDeployment.Auto)]
    public async Task DeleteAdminWebhookAsync(long webhookId, CancellationToken cancellationToken = default) =>
        await _connection.SendAsync(JiraRequest.Delete(AdminItem(webhookId)), cancellationToken).ConfigureAwait(false);

    /// <summary>One page of this app's live dynamic webhooks (expired ones are gone). OAuth connections only.</summary>
    /// <param name="options">Offset and page size.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="InvalidOperationException">The connection does not use OAuth (see <see cref="Mode"/>).</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-webhooks/#api-rest-api-3-webhook-get</remarks>
    [JiraEndpoint("GET", DynamicPath)]
    public Task<Page<DynamicWebhook>> ListDynamicWebhooksPageAsync(DynamicWebhookListOptions? options = null, CancellationToken cancellationToken = default)
    {
        RequireDynamic();
        return DynamicPageAsync(options?.StartAt ?? 0, options?.PageSize, cancellationToken);
    }

    /// <summary>Every live dynamic webhook of this app, page by page as the caller reads. OAuth connections only.</summary>
    /// <param name="options">Start, page size and limit.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The webhooks.</returns>
    /// <exception cref="InvalidOperationException">The connection does not use OAuth (see <see cref="Mode"/>).</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-webhooks/#api-rest-api-3-webhook-get</remarks>
    [JiraEndpoint("GET", DynamicPath)]
    public IAsyncEnumerable<DynamicWebhook> ListDynamicWebhooksAsync(DynamicWebhookListOptions? options = null, CancellationToken cancellationToken = default)
    {
        // Checked here, not at the first MoveNext, so a wrong connection fails where the call is made.
        RequireDynamic();
        return JiraPaging.ByOffsetAsync(DynamicPageAsync, options?.StartAt ?? 0, options?.PageSize, options?.Limit, cancellationToken);
    }

    /// <summary>
    /// Registers dynamic webhooks for one URL. Jira answers 200 even when some entries fail: each entry of the
    /// result holds the new id or Jira's reasons, in request order. Not retried after a lost answer. OAuth only.
    /// </summary>
    /// <param name="registration">The URL and the webhooks (events, required JQL filter, optional field filter).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One entry per requested webhook; see <see cref="DynamicWebhookRegistrationResult.Failed"/>.</returns>
    /// <exception cref="InvalidOperationException">The connection does not use OAuth (see <see cref="Mode"/>).</exception>
    /// <exception cref="JiraValidationException">The whole registration was refused (e.g. no URL, no webhooks).</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-webhooks/#api-rest-api-3-webhook-post</remarks>
    [JiraEndpoint("POST", DynamicPath)]
    public async Task<DynamicWebhookRegistrationResult> RegisterDynamicWebhooksAsync(DynamicWebhookRegistration registration,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentException.ThrowIfNullOrWhiteSpace(registration.Url, nameof(registration));
        RequireDynamic();
        var request = JiraRequest.Post(DynamicPath).Json(registration, JiraJsonContext.Default.DynamicWebhookRegistration);
        return (await _connection.SendAsync(request, JiraJsonContext.Default.DynamicWebhookRegistrationResult, cancellationToken)
            .ConfigureAwait(false)).Value;
    }

    /// <summary>Deletes dynamic webhooks of this app (202). Jira silently ignores unknown and other apps' ids. OAuth only.</summary>
    /// <param name="webhookIds">The ids.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>When Jira has accepted the deletion.</returns>
    /// <exception cref="InvalidOperationException">The connection does not use OAuth (see <see cref="Mode"/>).</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-webhooks/#api-rest-api-3-webhook-delete</remarks>
    [JiraEndpoint("DELETE", DynamicPath)]
    public async Task DeleteDynamicWebhooksAsync(IReadOnlyList<long> webhookIds, CancellationToken cancellationToken = default)
    {
        RequireIds(webhookIds);
        RequireDynamic();
        var request = JiraRequest.Delete(DynamicPath).Json(new WebhookIdsBody { WebhookIds = webhookIds }, JiraJsonContext.Default.WebhookIdsBody);
        await _connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Extends dynamic webhooks of this app by another 30 days from now. Jira silently ignores unknown, other apps'
    /// and already expired ids. OAuth only.
    /// </summary>
    /// <param name="webhookIds">The ids.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new expiry Jira set.</returns>
    /// <exception cref="InvalidOperationException">The connection does not use OAuth (see <see cref="Mode"/>).</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-webhooks/#api-rest-api-3-webhook-refresh-put</remarks>
    [JiraEndpoint("PUT", DynamicPath + "/refresh")]
    public async Task<DateTimeOffset> RefreshDynamicWebhooksAsync(IReadOnlyList<long> webhookIds, CancellationToken cancellationToken = default)
    {
        RequireIds(webhookIds);
        RequireDynamic();
        var request = JiraRequest.Put(DynamicPath + "/refresh").Json(new WebhookIdsBody { WebhookIds = webhookIds }, JiraJsonContext.Default.WebhookIdsBody);
        var response = await _connection.SendAsync(request, JiraJsonContext.Default.WebhookRefreshResponse, cancellationToken).ConfigureAwait(false);
        return response.Value.ExpirationDate
            ?? throw new JiraException($"Jira answered PUT {DynamicPath}/refresh without an expirationDate.");
    }

    /// <summary>
    /// Keeps this app's dynamic webhooks alive: lists them and refreshes those that expire within
    /// <see cref="RefreshExpiringWebhooksOptions.Margin"/> (default 5 days) of now, by the connection's
    /// <see cref="TimeProvider"/>. Run it daily, or at <see cref="DynamicWebhookRefreshResult.NextExpirationDate"/>
    /// minus the margin. OAuth only.
    /// </summary>
    /// <param name="options">The margin.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>What was looked at and what was refreshed.</returns>
    /// <exception cref="InvalidOperationException">The connection does not use OAuth (see <see cref="Mode"/>).</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/webhooks/#registering-a-webhook-via-the-jira-rest-api-for-connect-apps</remarks>
    [JiraEndpoint("GET", DynamicPath)]
    [JiraEndpoint("PUT", DynamicPath + "/refresh")]
    public async Task<DynamicWebhookRefreshResult> RefreshExpiringAsync(RefreshExpiringWebhooksOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var margin = options?.Margin ?? RefreshExpiringWebhooksOptions.DefaultMargin;
        ArgumentOutOfRangeException.ThrowIfLessThan(margin, TimeSpan.Zero, nameof(options));
        RequireDynamic();
        var dueBy = _connection.Time.GetUtcNow() + margin;
        var due = new List<long>();
        DateTimeOffset? next = null;
        var count = 0;
        await foreach (var hook in ListDynamicWebhooksAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            count++;
            // No expiry given: refreshing is harmless, missing one is not.
            if (hook.ExpirationDate is not { } expires || expires <= dueBy)
            {
                due.Add(hook.Id);
            }
            else if (next is null || expires < next)
            {
                next = expires;
            }
        }
        DateTimeOffset? renewed = null;
        foreach (var batch in due.Chunk(DynamicBatch))
        {
            renewed = await RefreshDynamicWebhooksAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        return new DynamicWebhookRefreshResult
        {
            Checked = count,
            RefreshedWebhookIds = due,
            NewExpirationDate = renewed,
            NextExpirationDate = next,
        };
    }

    private async Task<Page<DynamicWebhook>> DynamicPageAsync(int startAt, int? pageSize, CancellationToken cancellationToken)
    {
        var request = JiraRequest.Get(DynamicPath).Query("startAt", startAt).Query("maxResults", pageSize);
        var response = await _connection.SendAsync(request, JiraJsonContext.Default.PageBeanResponseDynamicWebhook, cancellationToken)
            .ConfigureAwait(false);
        var body = response.Value;
        return JiraPaging.PageBeanPage(body.Values, body.StartAt, body.MaxResults, body.Total, body.IsLast, startAt, response.RequestId);
    }

    /// <summary>Dynamic webhooks are for apps: say so before sending, rather than relay Jira's bare 403.</summary>
    private void RequireDynamic()
    {
        if (Mode != WebhookMode.Dynamic)
        {
            throw new InvalidOperationException(
                $"Dynamic webhooks ({DynamicPath}) are only for OAuth 2.0 and Connect apps; this connection uses {_connection.Credentials.Describe()}. " +
                $"Use the admin webhook methods (ListAdminWebhooksAsync, CreateAdminWebhookAsync, DeleteAdminWebhookAsync) as a Jira administrator, " +
                "or connect with OAuthCredentials. WebhooksClient.Mode tells which API a connection can use.");
        }
    }

    private static void RequireIds(IReadOnlyList<long> webhookIds)
    {
        ArgumentNullException.ThrowIfNull(webhookIds);
        if (webhookIds.Count == 0)
        {
            throw new ArgumentException("At least one webhook id is required.", nameof(webhookIds));
        }
    }

    private static string AdminItem(long webhookId)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(webhookId);
        return AdminPath + "/" + webhookId.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static AdminWebhookBody Body(AdminWebhookDefinition webhook)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(webhook.Name, nameof(webhook));
        ArgumentException.ThrowIfNullOrWhiteSpace(webhook.Url, nameof(webhook));
        ArgumentNullException.ThrowIfNull(webhook.Events, nameof(webhook));
        return new AdminWebhookBody
        {
            Name = webhook.Name,
            Url = webhook.Url,
            Events = webhook.Events,
            Filters = new Dictionary<string, string>(StringComparer.Ordinal) { [AdminWebhookFilters.IssueSectionName] = webhook.Jql ?? "" },
            ExcludeBody = webhook.ExcludeBody,
            Enabled = webhook.Enabled,
            Secret = webhook.Secret,
        };
    }
}
