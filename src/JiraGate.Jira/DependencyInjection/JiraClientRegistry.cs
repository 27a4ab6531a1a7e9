using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JiraGate.Jira.DependencyInjection;

/// <summary>The client names of one service collection (filled while registering, read-only once built).</summary>
internal sealed class JiraClientRegistry
{
    private readonly Lock _lock = new();
    private readonly List<string> _names = [];

    public IReadOnlyCollection<string> Names
    {
        get
        {
            lock (_lock)
            {
                return [.. _names];
            }
        }
    }

    /// <summary>The unnamed client keeps the HttpClient name it always had; named ones get their own.</summary>
    public static string HttpClientNameFor(string name) =>
        name == Options.DefaultName ? Connection.JiraConnection.DefaultHttpClientName : Connection.JiraConnection.DefaultHttpClientName + ":" + name;

    public static string Describe(string name) => name == Options.DefaultName ? "the unnamed Jira client" : $"Jira client '{name}'";

    /// <summary>True when the name is new.</summary>
    public bool Add(string name)
    {
        lock (_lock)
        {
            if (_names.Contains(name, StringComparer.Ordinal))
            {
                return false;
            }
            _names.Add(name);
            return true;
        }
    }

    public bool Contains(string name)
    {
        lock (_lock)
        {
            return _names.Contains(name, StringComparer.Ordinal);
        }
    }
}

/// <summary>Resolves clients by name: the unnamed one as a plain service, the others as keyed services.</summary>
internal sealed class JiraClientFactory(IServiceProvider services, JiraClientRegistry registry) : IJiraClientFactory
{
    public IReadOnlyCollection<string> Names => registry.Names;

    public JiraClient Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!registry.Contains(name))
        {
            var known = registry.Names.Select(n => n.Length == 0 ? "(unnamed)" : "'" + n + "'");
            throw new InvalidOperationException(
                $"No Jira client named '{name}' is registered; registered: {string.Join(", ", known)}. Add it with services.AddJiraClient(\"{name}\", o => …).");
        }
        return name == Options.DefaultName
            ? services.GetRequiredService<JiraClient>()
            : services.GetRequiredKeyedService<JiraClient>(name);
    }
}

/// <summary>The options validator, with each failure of a named client prefixed by its name.</summary>
internal sealed class NamedJiraClientOptionsValidator : IValidateOptions<JiraClientOptions>
{
    private readonly JiraClientOptionsValidator _inner = new();

    public ValidateOptionsResult Validate(string? name, JiraClientOptions options)
    {
        var result = _inner.Validate(name, options);
        if (!result.Failed || string.IsNullOrEmpty(name))
        {
            return result;
        }
        var prefix = JiraClientRegistry.Describe(name) + ": ";
        return ValidateOptionsResult.Fail((result.Failures ?? [result.FailureMessage]).Select(f => prefix + f));
    }
}
