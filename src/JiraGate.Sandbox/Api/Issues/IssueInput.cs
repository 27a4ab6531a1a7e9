using System.Globalization;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.Issues;

/// <summary>What a user reference in a request body resolved to.</summary>
internal enum UserRefKind
{
    /// <summary>null, or an object whose id is null: unassign.</summary>
    None,
    /// <summary>"-1": the project's default assignee.</summary>
    Automatic,
    User,
    /// <summary>A well-formed reference to nobody on this site.</summary>
    Unknown,
    /// <summary>Not a user object at all, or no usable identifier in it.</summary>
    Malformed,
}

internal readonly record struct UserRef(UserRefKind Kind, User? User, string? Given);

/// <summary>Reads the value shapes Jira accepts in issue bodies: {id|name|key|value} objects, users, rich text.</summary>
internal static class IssueInput
{
    /// <summary>
    /// A user reference: <c>{"accountId":…}</c> (or <c>{"id":…}</c>) on Cloud, <c>{"name":…}</c> or <c>{"key":…}</c>
    /// on Data Center; <c>null</c> means nobody and <c>"-1"</c> the project default.
    /// </summary>
    public static UserRef ReadUser(Site site, JsonNode? node)
    {
        if (node is null)
        {
            return new UserRef(UserRefKind.None, null, null);
        }
        if (node is not JsonObject obj)
        {
            return new UserRef(UserRefKind.Malformed, null, null);
        }
        string[] keys = site.Flavor == SandboxFlavor.DataCenter ? ["name", "key"] : ["accountId", "id"];
        foreach (var key in keys)
        {
            if (!obj.TryGetPropertyValue(key, out var value))
            {
                continue;
            }
            if (value is null)
            {
                return new UserRef(UserRefKind.None, null, null);
            }
            var text = RequestReading.String(value);
            if (text is null)
            {
                return new UserRef(UserRefKind.Malformed, null, null);
            }
            if (text == "-1")
            {
                return new UserRef(UserRefKind.Automatic, null, text);
            }
            var user = key switch
            {
                "name" => site.UserByName(text),
                "key" => site.UserByKey(text),
                _ => site.UserByAccountId(text),
            };
            return user is null ? new UserRef(UserRefKind.Unknown, null, text) : new UserRef(UserRefKind.User, user, text);
        }
        return new UserRef(UserRefKind.Malformed, null, null);
    }

    /// <summary>How a user is named in messages and change items: username on Data Center, accountId on Cloud.</summary>
    public static string UserHandle(Site site, User user) => site.Flavor == SandboxFlavor.DataCenter ? user.Name : user.AccountId;

    /// <summary>The id stored in change items for a user: the user key on Data Center, accountId on Cloud.</summary>
    public static string? UserChangeId(Site site, User? user) =>
        user is null ? null : site.Flavor == SandboxFlavor.DataCenter ? user.Key : user.AccountId;

    /// <summary>Whether <paramref name="user"/> may be assigned issues of the project (active and ASSIGNABLE_USER).</summary>
    public static bool IsAssignable(Site site, User user, Project project, Issue? issue) =>
        user.Active && (issue is null
            ? PermissionService.Has(site, user, project, Permissions.AssignableUser)
            : PermissionService.Has(site, user, issue, Permissions.AssignableUser));

    /// <summary>Reads <c>{"id":…}</c> or <c>{"name":…}</c> (ids may be numbers); false when neither is usable.</summary>
    public static bool TryReadRef(JsonNode? node, out string? id, out string? name, string nameProperty = "name")
    {
        id = null;
        name = null;
        if (node is not JsonObject obj)
        {
            return false;
        }
        if (obj.TryGetPropertyValue("id", out var idNode) && idNode is not null)
        {
            id = IdText(idNode);
            return id is not null;
        }
        if (obj.TryGetPropertyValue(nameProperty, out var nameNode) && nameNode is not null)
        {
            name = RequestReading.String(nameNode);
            return name is not null;
        }
        return false;
    }

    /// <summary>An id given as a string or a whole number.</summary>
    public static string? IdText(JsonNode? node) =>
        RequestReading.String(node) ?? (RequestReading.TryLong(node, out var n) ? n.ToString(CultureInfo.InvariantCulture) : null);

    /// <summary>
    /// Rich text for description, environment and textarea custom fields: an ADF document in REST v3 (validated),
    /// a wiki-markup string in v2 (converted to ADF). Null clears the field.
    /// </summary>
    public static bool TryReadRichText(RenderContext rc, JsonNode? node, out RichText? text, out string? error)
    {
        text = null;
        error = null;
        if (node is null)
        {
            return true;
        }
        if (!rc.UsesAdf)
        {
            var wiki = RequestReading.String(node);
            if (wiki is null)
            {
                error = IssueMessages.NotAString;
                return false;
            }
            text = wiki.Length == 0 ? null : RichText.FromNode(Adf.WikiMarkup.ToAdf(wiki));
            return true;
        }
        var problem = AdfCheck.Problem(node);
        if (problem is not null)
        {
            error = problem;
            return false;
        }
        text = RichText.FromNode(node);
        return true;
    }

    /// <summary>Plain text shown in change items for a rich-text value.</summary>
    public static string? ChangeText(RichText? text) => text is null ? null : Adf.WikiMarkup.FromAdf(text.ToNode());
}
