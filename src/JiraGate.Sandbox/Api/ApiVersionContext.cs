using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Api;

/// <summary>
/// What a family's routes are mapped for: the REST version prefix (3 = Cloud ADF, 2 = wiki markup)
/// and the site flavour. Families mapped once (Agile, admin webhooks, OAuth, control) get <see cref="Version"/> 0.
/// </summary>
internal sealed record ApiVersionContext(int Version, SandboxFlavor Flavor, SandboxOptions Options)
{
    /// <summary>"/rest/api/3" or "/rest/api/2".</summary>
    public string Prefix => Version == 0 ? "" : "/rest/api/" + Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public bool IsCloud => Flavor == SandboxFlavor.Cloud;
}
