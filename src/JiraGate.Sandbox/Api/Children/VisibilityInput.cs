using System.Globalization;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.Children;

/// <summary>
/// Reads a comment or worklog <c>visibility</c> ({type: group|role, value, identifier}) and checks, as Jira's
/// visibility validator does, that the group or role exists and the caller belongs to it
/// (errors under <c>commentLevel</c>, Jira's field key for both comments and worklogs).
/// </summary>
internal static class VisibilityInput
{
    private const string Field = "commentLevel";

    /// <summary>An absent or null visibility is public (Ok(null)).</summary>
    public static Parsed<Visibility?> Read(Site site, User user, Project project, JsonNode? node)
    {
        if (node is null)
        {
            return Parsed<Visibility?>.Ok(null);
        }
        if (node is not JsonObject obj)
        {
            return Fail400("Can not deserialize the visibility: expected a JSON object with 'type' and 'value'.");
        }
        var type = RequestReading.String(obj["type"]);
        var value = RequestReading.String(obj["value"]);
        var identifier = RequestReading.String(obj["identifier"]);
        var cloud = site.Flavor == SandboxFlavor.Cloud;
        switch (type)
        {
            case "group":
                var group = (cloud && identifier is not null ? site.GroupById(identifier) : null)
                    ?? (value is not null ? site.GroupByName(value) : null);
                if (group is null)
                {
                    return Fail(value is null && identifier is null
                        ? "A group name or identifier is required for group visibility."
                        : $"Group: {value ?? identifier} does not exist.");
                }
                if (!user.GroupIds.Contains(group.GroupId))
                {
                    return Fail($"You are currently not a member of the group: {group.Name}.");
                }
                return Parsed<Visibility?>.Ok(new Visibility { Type = "group", Value = group.Name, Identifier = cloud ? group.GroupId : null });
            case "role":
                var key = value ?? identifier;
                var role = key is null ? null : site.Data.Roles.FirstOrDefault(r =>
                    string.Equals(r.Name, key, StringComparison.OrdinalIgnoreCase)
                    || r.Id.ToString(CultureInfo.InvariantCulture) == key);
                if (role is null)
                {
                    return Fail(key is null ? "A role name is required for role visibility." : "Invalid role level specified.");
                }
                if (!PermissionService.IsInRole(site, user, project, role.Id))
                {
                    return Fail($"You are currently not a member of the project role: {role.Name}.");
                }
                return Parsed<Visibility?>.Ok(new Visibility { Type = "role", Value = role.Name, Identifier = cloud ? role.Name : null });
            default:
                return Fail400($"The visibility type '{type ?? "(none)"}' is not valid; use 'group' or 'role'.");
        }
    }

    private static Parsed<Visibility?> Fail(string message) =>
        Parsed<Visibility?>.Fail(RichTextInput.FieldError(Field, message));

    private static Parsed<Visibility?> Fail400(string message) =>
        Parsed<Visibility?>.Fail(JiraResults.Error(StatusCodes.Status400BadRequest, message));
}
