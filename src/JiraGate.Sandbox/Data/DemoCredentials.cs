namespace JiraGate.Sandbox.Data;

/// <summary>
/// The fixed credentials of the seeded demo site, so scripts and tests can use them (also listed in the README).
/// They open nothing but a local sandbox.
/// </summary>
public static class DemoCredentials
{
    public sealed record DemoUser(string Name, string Email, string ApiToken, string Password, string PersonalAccessToken);

    public static readonly DemoUser Ada = Make("ada");
    public static readonly DemoUser Alice = Make("alice");
    public static readonly DemoUser Bob = Make("bob");
    public static readonly DemoUser Carol = Make("carol");
    public static readonly DemoUser Dave = Make("dave");
    public static readonly DemoUser Erin = Make("erin");
    public static readonly DemoUser Frank = Make("frank");
    public static readonly DemoUser Grace = Make("grace");
    public static readonly DemoUser Bot = new("jiragate-bot", "jiragate-bot@example.com", "sandbox-token-jiragate-bot",
        "sandbox-password-jiragate-bot", "sandbox-pat-jiragate-bot");
    public static readonly DemoUser Ivan = Make("ivan");

    public const string OAuthClientId = "sandbox-oauth-client";
    public const string OAuthClientSecret = "sandbox-oauth-secret";

    private static DemoUser Make(string name) =>
        new(name, name + "@example.com", "sandbox-token-" + name, "sandbox-password-" + name, "sandbox-pat-" + name);
}
