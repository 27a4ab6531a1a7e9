using System.Text.Json;
using JiraGate.Governance.Pipeline;
using JiraGate.Jira;

namespace JiraGate.Governance.Execution;

/// <summary>
/// Users, each as <c>{account_id | name, display_name, email?, active?}</c> (account_id on Cloud, name on Data Center;
/// email only when Jira shows it; active only when false). Results: <c>users:read</c> → <c>{items, start_at, is_last,
/// next_start_at?}</c> (a query matches names and emails; without one, every user); <c>users:read_detail</c> → the user
/// plus <c>account_type, time_zone</c>; <c>users:read_groups</c> → <c>{account_id, items: [{name, group_id}], total,
/// truncated}</c>. The <c>account_id</c> argument is the username on Data Center.
/// </summary>
internal static class UserOperations
{
    public static void Register(IDictionary<string, OperationHandler> handlers)
    {
        handlers["users:read"] = ReadAsync;
        handlers["users:read_detail"] = ReadDetailAsync;
        handlers["users:read_groups"] = ReadGroupsAsync;
    }

    private static async Task<OperationOutput> ReadAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var startAt = Args.StartAt(args);
        var max = Args.PageSize(args);
        var options = new UserListOptions { StartAt = startAt, PageSize = max };
        var page = Args.String(args, "query") is { } query
            ? await run.Jira.Users.FindUsersPageAsync(query, options, ct).ConfigureAwait(false)
            : await run.Jira.Users.SearchUsersPageAsync(options, ct).ConfigureAwait(false);
        return Lists.OffsetPage(run, page, startAt, max, Json.User);
    }

    private static async Task<OperationOutput> ReadDetailAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var user = await run.Jira.Users.GetUserAsync(Ref(run, args), cancellationToken: ct).ConfigureAwait(false);
        return run.Result(user.RequestId, r =>
        {
            var w = r.W;
            if (user.AccountId is { Length: > 0 } accountId)
            {
                w.WriteString("account_id", accountId);
            }
            else
            {
                w.WriteString("name", user.Name ?? user.Key);
            }
            w.WriteString("display_name", user.DisplayName);
            if (user.EmailAddress is { Length: > 0 } email)
            {
                w.WriteString("email", email);
            }
            w.WriteBoolean("active", user.Active != false);
            w.WriteString("account_type", user.AccountType);
            w.WriteString("time_zone", user.TimeZone);
        });
    }

    private static async Task<OperationOutput> ReadGroupsAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var groups = await run.Jira.Users.GetUserGroupsAsync(Ref(run, args), ct).ConfigureAwait(false);
        return Lists.Whole(run, groups, (w, g) =>
        {
            w.WriteStartObject();
            w.WriteString("name", g.Name);
            w.WriteString("group_id", g.GroupId);
            w.WriteEndObject();
        }, w => w.WriteString("account_id", Args.Required(args, "account_id")));
    }

    private static UserRef Ref(OperationRun run, JsonElement args)
    {
        var id = Args.Required(args, "account_id");
        return run.Cloud ? UserRef.ByAccountId(id) : UserRef.ByUsername(id);
    }
}
