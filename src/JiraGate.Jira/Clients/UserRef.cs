using JiraGate.Jira.Models;

namespace JiraGate.Jira;

/// <summary>
/// Names one user the way the deployment identifies users (JIRA-API.md §8): Cloud only by <see cref="AccountId"/>
/// (username and key were removed for GDPR), Data Center by <see cref="Username"/> or <see cref="Key"/> (it has no
/// account ids). <see cref="From(JiraUser)"/> keeps every identifier a user carries, so a user read from either
/// deployment can be passed back. Using the wrong kind fails before anything is sent, with a message saying why.
/// </summary>
public sealed class UserRef
{
    private UserRef(string? accountId, string? username, string? key)
    {
        AccountId = accountId;
        Username = username;
        Key = key;
    }

    /// <summary>The Cloud account id.</summary>
    public string? AccountId { get; }

    /// <summary>The Data Center username (<c>name</c>).</summary>
    public string? Username { get; }

    /// <summary>The Data Center user key, e.g. JIRAUSER10000.</summary>
    public string? Key { get; }

    /// <summary>A Cloud user by account id.</summary>
    /// <param name="accountId">The account id.</param>
    /// <returns>The reference.</returns>
    public static UserRef ByAccountId(string accountId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        return new(accountId, null, null);
    }

    /// <summary>A Data Center user by username.</summary>
    /// <param name="username">The username, e.g. alice.</param>
    /// <returns>The reference.</returns>
    public static UserRef ByUsername(string username)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        return new(null, username, null);
    }

    /// <summary>A Data Center user by key.</summary>
    /// <param name="key">The key, e.g. JIRAUSER10000.</param>
    /// <returns>The reference.</returns>
    public static UserRef ByKey(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return new(null, null, key);
    }

    /// <summary>The user as Jira returned it, with every identifier it carries.</summary>
    /// <param name="user">A user from any call of the client.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ArgumentException">The user carries no identifier.</exception>
    public static UserRef From(JiraUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(user.AccountId) && string.IsNullOrEmpty(user.Name) && string.IsNullOrEmpty(user.Key))
        {
            throw new ArgumentException("The user carries no accountId, name or key to identify it by.", nameof(user));
        }
        return new(NullIfEmpty(user.AccountId), NullIfEmpty(user.Name), NullIfEmpty(user.Key));
    }

    /// <summary>The query parameter naming this user on the given deployment.</summary>
    internal KeyValuePair<string, string> QueryParameter(bool cloud, string parameterName = "user")
    {
        if (cloud)
        {
            return AccountId is { } accountId
                ? new("accountId", accountId)
                : throw new ArgumentException(
                    $"Jira Cloud identifies users only by accountId (usernames and keys were removed for GDPR); {this} has none. Find the user first (Users.FindUsersAsync).",
                    parameterName);
        }
        if (Username is { } username)
        {
            return new("username", username);
        }
        return Key is { } key
            ? new("key", key)
            : throw new ArgumentException(
                $"Jira Data Center identifies users by username or key and has no account ids; {this} has neither.", parameterName);
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(", ", new[]
    {
        AccountId is null ? null : "accountId " + AccountId,
        Username is null ? null : "username " + Username,
        Key is null ? null : "key " + Key,
    }.OfType<string>());

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

/// <summary>
/// Names one group: Cloud by <see cref="GroupId"/> (stable) or <see cref="Name"/>, Data Center by <see cref="Name"/> only.
/// </summary>
public sealed class GroupRef
{
    private GroupRef(string? groupId, string? name)
    {
        GroupId = groupId;
        Name = name;
    }

    /// <summary>The group id (Cloud).</summary>
    public string? GroupId { get; }

    /// <summary>The group name.</summary>
    public string? Name { get; }

    /// <summary>A group by its id (Cloud).</summary>
    /// <param name="groupId">The id.</param>
    /// <returns>The reference.</returns>
    public static GroupRef ById(string groupId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(groupId);
        return new(groupId, null);
    }

    /// <summary>A group by its name (both deployments).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The reference.</returns>
    public static GroupRef ByName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new(null, name);
    }

    /// <summary>The group as Jira returned it (id and name when both are there).</summary>
    /// <param name="group">A group from any call of the client.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ArgumentException">The group carries neither an id nor a name.</exception>
    public static GroupRef From(JiraGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (string.IsNullOrEmpty(group.GroupId) && string.IsNullOrEmpty(group.Name))
        {
            throw new ArgumentException("The group carries neither a groupId nor a name.", nameof(group));
        }
        return new(string.IsNullOrEmpty(group.GroupId) ? null : group.GroupId, string.IsNullOrEmpty(group.Name) ? null : group.Name);
    }

    /// <summary>The query parameter naming this group: the id on Cloud when known, else the name.</summary>
    internal KeyValuePair<string, string> QueryParameter(bool cloud, string parameterName = "group")
    {
        if (cloud && GroupId is { } id)
        {
            return new("groupId", id);
        }
        return Name is { } name
            ? new("groupname", name)
            : throw new ArgumentException($"Jira Data Center names groups only by name; {this} has none.", parameterName);
    }

    /// <inheritdoc />
    public override string ToString() => Name is null ? "groupId " + GroupId : GroupId is null ? "group " + Name : "group " + Name + " (" + GroupId + ")";
}
