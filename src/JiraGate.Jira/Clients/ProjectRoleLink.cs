using System.Globalization;

namespace JiraGate.Jira;

/// <summary>One entry of /project/{k}/role: a role's name and the URL of its actors in the project.</summary>
public sealed class ProjectRoleLink
{
    internal ProjectRoleLink(string name, Uri self)
    {
        Name = name;
        Self = self;
        // The role id is the URL's last segment (…/project/10000/role/10002).
        var last = self.IsAbsoluteUri ? self.Segments[^1] : self.OriginalString[(self.OriginalString.LastIndexOf('/') + 1)..];
        Id = long.TryParse(last.TrimEnd('/'), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    /// <summary>The role name.</summary>
    public string Name { get; }

    /// <summary>The role id, read from <see cref="Self"/>.</summary>
    public long? Id { get; }

    /// <summary>The URL of the role in the project.</summary>
    public Uri Self { get; }

    /// <inheritdoc />
    public override string ToString() => Name + " (" + Id?.ToString(CultureInfo.InvariantCulture) + ")";
}
