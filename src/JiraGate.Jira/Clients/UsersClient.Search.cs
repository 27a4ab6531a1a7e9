using System.Runtime.CompilerServices;
using JiraGate.Jira.Connection;
using JiraGate.Jira.Models;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira;

/// <summary>
/// Listing and finding users, and group members. The user listings are plain arrays with offsets and no total
/// (JIRA-API.md §3): a page shorter than asked for is the last, so the client never asks for more than the
/// endpoint's cap (it would silently shrink the page and end the listing early).
/// </summary>
public sealed partial class UsersClient
{
    private const int DefaultUserPage = 50;
    private const int UserSearchCap = 1000;
    private const int DataCenterAssignableCap = 100;

    /// <summary>
    /// One page of every user: Cloud /users/search (every account, active or not, apps and customers included —
    /// filter on <see cref="JiraUser.AccountType"/>); Data Center /user/search?username=. (which lists all users).
    /// </summary>
    /// <param name="options">Paging (and, on Data Center, whether to include inactive users).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page; the last when shorter than asked for.</returns>
    /// <exception cref="JiraForbiddenException">The caller may not browse users and groups (Cloud).</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-users/#api-rest-api-3-users-search-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/users/search")]
    [JiraEndpoint("GET", "/rest/api/2/user/search", Deployment = JiraDeployment.DataCenter)]
    public async Task<Page<JiraUser>> SearchUsersPageAsync(UserListOptions? options = null, CancellationToken cancellationToken = default)
    {
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        return await AllUsersPageAsync(profile, options, options?.StartAt ?? 0, options?.PageSize, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every user, page by page as the caller reads (see <see cref="SearchUsersPageAsync"/>).</summary>
    /// <param name="options">Page size, limit and start.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The users.</returns>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-users/#api-rest-api-3-users-search-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/users/search")]
    [JiraEndpoint("GET", "/rest/api/2/user/search", Deployment = JiraDeployment.DataCenter)]
    public async IAsyncEnumerable<JiraUser> SearchUsersAsync(UserListOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var users = JiraPaging.ByOffsetAsync((startAt, size, ct) => AllUsersPageAsync(profile, options, startAt, size, ct),
            options?.StartAt ?? 0, options?.PageSize, options?.Limit, cancellationToken);
        await foreach (var user in users.ConfigureAwait(false))
        {
            yield return user;
        }
    }

    /// <summary>
    /// One page of the active users matching a text: Cloud /user/search?query= (prefix of display name words or
    /// email; Jira stops scanning at the 1000th match); Data Center /user/search?username= (also the username).
    /// The way to turn an email address into an accountId.
    /// </summary>
    /// <param name="query">The text, e.g. an email address or the start of a name.</param>
    /// <param name="options">Paging.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page (empty, not an error, when the caller may not browse users).</returns>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-user-search/#api-rest-api-3-user-search-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/user/search")]
    [JiraEndpoint("GET", "/rest/api/2/user/search", Deployment = JiraDeployment.DataCenter)]
    public async Task<Page<JiraUser>> FindUsersPageAsync(string query, UserListOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        return await FindPageAsync(profile, query, options, options?.StartAt ?? 0, options?.PageSize, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every active user matching a text, page by page as the caller reads (see <see cref="FindUsersPageAsync"/>).</summary>
    /// <param name="query">The text.</param>
    /// <param name="options">Page size, limit and start.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The users.</returns>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-user-search/#api-rest-api-3-user-search-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/user/search")]
    [JiraEndpoint("GET", "/rest/api/2/user/search", Deployment = JiraDeployment.DataCenter)]
    public async IAsyncEnumerable<JiraUser> FindUsersAsync(string query, UserListOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var users = JiraPaging.ByOffsetAsync((startAt, size, ct) => FindPageAsync(profile, query, options, startAt, size, ct),
            options?.StartAt ?? 0, options?.PageSize, options?.Limit, cancellationToken);
        await foreach (var user in users.ConfigureAwait(false))
        {
            yield return user;
        }
    }

    /// <summary>
    /// One page of the users who can be assigned issues in a project or one issue, optionally matching a text.
    /// Cloud cuts the page from the matching users (up to the 1000th) and then drops those who cannot be assigned,
    /// so a Cloud page may be short, even empty, while more exist: the next page starts at <c>StartAt + MaxResults</c>,
    /// and only the end of the 1000-user window is the last page. Without a page size the client asks Cloud for that
    /// whole window at once, so one call answers.
    /// </summary>
    /// <param name="query">The text to match (null for everyone assignable).</param>
    /// <param name="options">The project or issue (one is required) and paging.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentException">Neither a project nor an issue was given.</exception>
    /// <exception cref="JiraNotFoundException">The project or issue does not exist or is hidden from the caller.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-user-search/#api-rest-api-3-user-assignable-search-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/user/assignable/search")]
    [JiraEndpoint("GET", "/rest/api/2/user/assignable/search", Deployment = JiraDeployment.DataCenter)]
    public async Task<Page<JiraUser>> FindAssignableUsersPageAsync(string? query, AssignableUsersOptions options,
        CancellationToken cancellationToken = default)
    {
        CheckScope(options);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        return await AssignablePageAsync(profile, query, options, options.StartAt ?? 0, options.PageSize, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every user who can be assigned issues in a project or one issue (see <see cref="FindAssignableUsersPageAsync"/>).</summary>
    /// <param name="query">The text to match (null for everyone assignable).</param>
    /// <param name="options">The project or issue (one is required), page size and limit.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The users.</returns>
    /// <exception cref="ArgumentException">Neither a project nor an issue was given.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-user-search/#api-rest-api-3-user-assignable-search-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/user/assignable/search")]
    [JiraEndpoint("GET", "/rest/api/2/user/assignable/search", Deployment = JiraDeployment.DataCenter)]
    public async IAsyncEnumerable<JiraUser> FindAssignableUsersAsync(string? query, AssignableUsersOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        CheckScope(options);
        if (options.Limit is { } limit)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(limit, nameof(options));
        }
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var yielded = 0;
        var offset = options.StartAt ?? 0;
        while (options.Limit is not { } l || yielded < l)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // On Cloud a smaller window does not mean fewer calls, so the limit never shrinks it there.
            var size = profile.IsCloud ? options.PageSize : JiraPaging.Ask(options.PageSize, options.Limit, yielded);
            var page = await AssignablePageAsync(profile, query, options, offset, size, cancellationToken).ConfigureAwait(false);
            foreach (var user in page.Items)
            {
                yield return user;
                if (++yielded == options.Limit)
                {
                    yield break;
                }
            }
            if (page.IsLast)
            {
                yield break;
            }
            // Cloud paged over candidates (MaxResults of them), Data Center over the assignable users it returned.
            offset += profile.IsCloud ? page.MaxResults ?? page.Items.Count : page.Items.Count;
        }
    }

    /// <summary>One page of a group's members.</summary>
    /// <param name="group">The group: by id or name on Cloud, by name on Data Center.</param>
    /// <param name="options">Whether to include inactive users, and paging.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="JiraNotFoundException">No such group.</exception>
    /// <exception cref="JiraForbiddenException">The caller may not read group members (Data Center: administrators only).</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-groups/#api-rest-api-3-group-member-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/group/member")]
    [JiraEndpoint("GET", "/rest/api/2/group/member", Deployment = JiraDeployment.DataCenter)]
    public async Task<Page<JiraUser>> GetGroupMembersPageAsync(GroupRef group, GroupMembersOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        return await MembersPageAsync(profile, group, options, options?.StartAt ?? 0, options?.PageSize, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every member of a group, page by page as the caller reads.</summary>
    /// <param name="group">The group: by id or name on Cloud, by name on Data Center.</param>
    /// <param name="options">Whether to include inactive users, page size and limit.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The members.</returns>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-groups/#api-rest-api-3-group-member-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/group/member")]
    [JiraEndpoint("GET", "/rest/api/2/group/member", Deployment = JiraDeployment.DataCenter)]
    public async IAsyncEnumerable<JiraUser> GetGroupMembersAsync(GroupRef group, GroupMembersOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var members = JiraPaging.ByOffsetAsync((startAt, size, ct) => MembersPageAsync(profile, group, options, startAt, size, ct),
            options?.StartAt ?? 0, options?.PageSize, options?.Limit, cancellationToken);
        await foreach (var member in members.ConfigureAwait(false))
        {
            yield return member;
        }
    }

    private static void CheckScope(AssignableUsersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Project) && string.IsNullOrWhiteSpace(options.IssueKey))
        {
            throw new ArgumentException("Name the project or the issue whose assignable users to find (Project or IssueKey).", nameof(options));
        }
    }

    /// <summary>The page size to send: the caller's (or Jira's default), never above the endpoint's cap.</summary>
    private static int Size(int? pageSize, int cap) => Math.Min(pageSize ?? DefaultUserPage, cap);

    private Task<Page<JiraUser>> AllUsersPageAsync(SiteProfile profile, UserListOptions? options, int startAt, int? pageSize,
        CancellationToken cancellationToken) => profile.IsCloud
            ? ArrayPageAsync(JiraRequest.Get(profile.RestPrefix + "/users/search"), startAt, Size(pageSize, UserSearchCap), cancellationToken)
            // "." matches every user on Data Center; inactive users are listed too, as Cloud's /users/search does.
            : ArrayPageAsync(JiraRequest.Get(profile.RestPrefix + "/user/search").Query("username", ".")
                .Query("includeInactive", options?.IncludeInactive ?? true), startAt, Size(pageSize, UserSearchCap), cancellationToken);

    private Task<Page<JiraUser>> FindPageAsync(SiteProfile profile, string query, UserListOptions? options, int startAt, int? pageSize,
        CancellationToken cancellationToken) => ArrayPageAsync(
            JiraRequest.Get(profile.RestPrefix + "/user/search")
                .Query(profile.IsCloud ? "query" : "username", query)
                .Query("includeInactive", profile.IsCloud ? null : options?.IncludeInactive),
            startAt, Size(pageSize, UserSearchCap), cancellationToken);

    private async Task<Page<JiraUser>> AssignablePageAsync(SiteProfile profile, string? query, AssignableUsersOptions options, int startAt,
        int? pageSize, CancellationToken cancellationToken)
    {
        var size = profile.IsCloud ? Math.Min(pageSize ?? UserSearchCap, UserSearchCap) : Size(pageSize, DataCenterAssignableCap);
        var request = JiraRequest.Get(profile.RestPrefix + "/user/assignable/search")
            .Query(profile.IsCloud ? "query" : "username", string.IsNullOrEmpty(query) ? null : query)
            .Query("project", string.IsNullOrWhiteSpace(options.Project) ? null : options.Project)
            .Query("issueKey", string.IsNullOrWhiteSpace(options.IssueKey) ? null : options.IssueKey)
            .Query("startAt", startAt)
            .Query("maxResults", size);
        var response = await _connection.SendAsync(request, JiraJsonContext.Default.IReadOnlyListJiraUser, cancellationToken).ConfigureAwait(false);
        if (!profile.IsCloud)
        {
            return JiraPaging.ArrayPage(response.Value, startAt, size, response.RequestId);
        }
        // Cloud: the page was cut from the candidates before filtering, so neither a short nor an empty page says
        // no more will come (Jira's own advice is to filter /users/search instead); only the end of its 1000-user scan does.
        return new Page<JiraUser>
        {
            Items = response.Value,
            IsLast = startAt + size >= UserSearchCap,
            StartAt = startAt,
            MaxResults = size,
            RequestId = response.RequestId,
        };
    }

    private async Task<Page<JiraUser>> MembersPageAsync(SiteProfile profile, GroupRef group, GroupMembersOptions? options, int startAt,
        int? pageSize, CancellationToken cancellationToken)
    {
        var id = group.QueryParameter(profile.IsCloud, nameof(group));
        var request = JiraRequest.Get(profile.RestPrefix + "/group/member")
            .Query(id.Key, id.Value)
            .Query("includeInactiveUsers", options?.IncludeInactiveUsers)
            .Query("startAt", startAt)
            .Query("maxResults", pageSize);
        var response = await _connection.SendAsync(request, JiraJsonContext.Default.PageBeanResponseJiraUser, cancellationToken).ConfigureAwait(false);
        var body = response.Value;
        return JiraPaging.PageBeanPage(body.Values, body.StartAt, body.MaxResults, body.Total, body.IsLast, startAt, response.RequestId);
    }

    private async Task<Page<JiraUser>> ArrayPageAsync(JiraRequest request, int startAt, int size, CancellationToken cancellationToken)
    {
        request.Query("startAt", startAt).Query("maxResults", size);
        var response = await _connection.SendAsync(request, JiraJsonContext.Default.IReadOnlyListJiraUser, cancellationToken).ConfigureAwait(false);
        return JiraPaging.ArrayPage(response.Value, startAt, size, response.RequestId);
    }
}
