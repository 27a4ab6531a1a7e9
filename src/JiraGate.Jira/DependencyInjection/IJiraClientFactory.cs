namespace JiraGate.Jira;

/// <summary>
/// The Jira clients registered with <c>AddJiraClient(name, …)</c>, by name: for code that picks a site at run time
/// (a tenant, a connection chosen by a user). Where the name is fixed, <c>[FromKeyedServices("name")] JiraClient</c>
/// does the same.
/// </summary>
public interface IJiraClientFactory
{
    /// <summary>The names registered; the unnamed client, if any, is the empty string.</summary>
    IReadOnlyCollection<string> Names { get; }

    /// <summary>The client registered under <paramref name="name"/> (one instance per name for the container's life).</summary>
    /// <param name="name">The name given to <c>AddJiraClient(name, …)</c>; the empty string for the unnamed client.</param>
    /// <returns>The client.</returns>
    /// <exception cref="InvalidOperationException">No client has that name; the message lists the registered ones.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The client's options are invalid; the message names the client.</exception>
    JiraClient Get(string name);
}
