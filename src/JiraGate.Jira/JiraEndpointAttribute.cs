namespace JiraGate.Jira;

/// <summary>
/// The Jira REST endpoint a client method calls. A method carries one per deployment whose path differs;
/// a convention test checks every public client method has one and that the sandbox serves it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class JiraEndpointAttribute(string method, string path) : Attribute
{
    /// <summary>The HTTP method, e.g. <c>GET</c>.</summary>
    public string Method { get; } = method;

    /// <summary>The path template relative to the site, e.g. <c>/rest/api/3/issue/{issueIdOrKey}</c>.</summary>
    public string Path { get; } = path;

    /// <summary>
    /// Which deployment the path is for: <see cref="JiraDeployment.Cloud"/> (the default),
    /// <see cref="JiraDeployment.DataCenter"/>, or <see cref="JiraDeployment.Auto"/> for the same path on both.
    /// </summary>
    public JiraDeployment Deployment { get; set; } = JiraDeployment.Cloud;
}
