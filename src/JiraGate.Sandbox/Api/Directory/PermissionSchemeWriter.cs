using System.Globalization;
using System.Text.Json;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;

namespace JiraGate.Sandbox.Api.SiteDirectory;

/// <summary>
/// PermissionScheme (Cloud) / PermissionSchemeBean (Data Center) with its grants. Any expand value includes the
/// grants. Cloud holders carry <c>parameter</c> + <c>value</c> (group name + group id); Data Center holders carry
/// the username or group name as <c>parameter</c> and embed the expanded group/role/user.
/// </summary>
internal static class PermissionSchemeWriter
{
    public static void Write(Utf8JsonWriter w, RenderContext rc, PermissionScheme scheme, IReadOnlySet<string> expand)
    {
        w.WriteStartObject();
        w.WriteString("expand", "permissions,user,group,projectRole,field,all");
        w.WriteNumber("id", scheme.Id);
        w.WriteString("self", rc.Self($"{rc.Api}/permissionscheme/{scheme.Id}"));
        w.WriteString("name", scheme.Name);
        w.WriteString("description", scheme.Description);
        if (expand.Count > 0)
        {
            w.WriteStartArray("permissions");
            foreach (var grant in scheme.Grants)
            {
                WriteGrant(w, rc, scheme, grant, expand);
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteGrant(Utf8JsonWriter w, RenderContext rc, PermissionScheme scheme, PermissionGrant grant, IReadOnlySet<string> expand)
    {
        w.WriteStartObject();
        w.WriteNumber("id", grant.Id);
        w.WriteString("self", rc.Self($"{rc.Api}/permissionscheme/{scheme.Id}/permission/{grant.Id}"));
        w.WriteStartObject("holder");
        w.WriteString("type", grant.HolderType);
        if (rc.IsDataCenter)
        {
            WriteDataCenterHolder(w, rc, grant, expand);
        }
        else
        {
            WriteCloudHolder(w, rc, grant);
        }
        w.WriteEndObject();
        w.WriteString("permission", grant.Permission);
        w.WriteEndObject();
    }

    private static void WriteCloudHolder(Utf8JsonWriter w, RenderContext rc, PermissionGrant grant)
    {
        switch (grant.HolderType)
        {
            case HolderTypes.Group when grant.HolderParameter is { } groupId:
                w.WriteString("parameter", rc.Site.GroupById(groupId)?.Name ?? groupId);
                w.WriteString("value", groupId);
                w.WriteString("expand", "group");
                break;
            case HolderTypes.ProjectRole when grant.HolderParameter is { } roleId:
                w.WriteString("parameter", roleId);
                w.WriteString("value", roleId);
                w.WriteString("expand", "projectRole");
                break;
            case HolderTypes.User when grant.HolderParameter is { } accountId:
                w.WriteString("parameter", accountId);
                w.WriteString("value", accountId);
                w.WriteString("expand", "user");
                break;
            default:
                if (grant.HolderParameter is { } parameter)
                {
                    w.WriteString("parameter", parameter);
                    w.WriteString("value", parameter);
                }
                break;
        }
    }

    private static void WriteDataCenterHolder(Utf8JsonWriter w, RenderContext rc, PermissionGrant grant, IReadOnlySet<string> expand)
    {
        var all = expand.Contains("all");
        switch (grant.HolderType)
        {
            case HolderTypes.Group when grant.HolderParameter is { } groupId:
                var group = rc.Site.GroupById(groupId);
                w.WriteString("parameter", group?.Name ?? groupId);
                if (group is not null && (all || expand.Contains("group")))
                {
                    w.WriteStartObject("group");
                    w.WriteString("name", group.Name);
                    w.WriteString("self", rc.Self($"{rc.Api}/group?groupname={Uri.EscapeDataString(group.Name)}"));
                    w.WriteEndObject();
                }
                break;
            case HolderTypes.ProjectRole when grant.HolderParameter is { } roleId:
                w.WriteString("parameter", roleId);
                var role = rc.Site.Data.Roles.FirstOrDefault(r => r.Id.ToString(CultureInfo.InvariantCulture) == roleId);
                if (role is not null && (all || expand.Contains("projectRole")))
                {
                    w.WriteStartObject("projectRole");
                    w.WriteString("self", rc.Self($"{rc.Api}/role/{role.Id}"));
                    w.WriteString("name", role.Name);
                    w.WriteNumber("id", role.Id);
                    w.WriteString("description", role.Description);
                    w.WriteEndObject();
                }
                break;
            case HolderTypes.User when grant.HolderParameter is { } accountId:
                var user = rc.Site.UserByAccountId(accountId);
                w.WriteString("parameter", user?.Name ?? accountId);
                if (user is not null && (all || expand.Contains("user")))
                {
                    w.WritePropertyName("user");
                    EntityWriter.WriteUser(w, rc, user);
                }
                break;
            default:
                if (grant.HolderParameter is { } parameter)
                {
                    w.WriteString("parameter", parameter);
                }
                break;
        }
    }
}
