using JiraGate.Sandbox.Hosting;

namespace JiraGate.Sandbox.Faults;

/// <summary>
/// The live fault rules and rate limit of a sandbox: set at start-up from <see cref="SandboxOptions"/>
/// and changed at run time through the /_sandbox control API.
/// </summary>
public sealed class FaultState
{
    private readonly Lock _gate = new();
    private readonly List<ActiveRule> _rules = [];
    private readonly Random _random;

    public FaultState(SandboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _random = new Random(options.Seed.Seed);
        foreach (var rule in options.Faults)
        {
            Add(rule);
        }
        RateLimit = options.RateLimit;
    }

    /// <summary>The active per-route rate limit; null means unlimited.</summary>
    public RateLimitOptions? RateLimit { get; set; }

    private sealed class ActiveRule(FaultRule rule)
    {
        public FaultRule Rule { get; } = rule;
        public int? Remaining { get; set; } = rule.Count;
    }

    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Probability is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rule), "A fault's probability must be between 0 and 1.");
        }
        if (rule.Count is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rule), "A fault's count must be at least 1.");
        }
        lock (_gate)
        {
            _rules.Add(new ActiveRule(rule));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    public IReadOnlyList<FaultRule> Rules
    {
        get
        {
            lock (_gate)
            {
                return [.. _rules.Select(r => r.Rule)];
            }
        }
    }

    /// <summary>The fault to inject into this request, if any; count-limited rules are consumed.</summary>
    public FaultRule? Match(string method, string path)
    {
        lock (_gate)
        {
            foreach (var active in _rules)
            {
                var rule = active.Rule;
                if ((rule.Method is not null && !string.Equals(rule.Method, method, StringComparison.OrdinalIgnoreCase))
                    || (rule.PathPrefix is not null && !path.StartsWith(rule.PathPrefix, StringComparison.Ordinal)))
                {
                    continue;
                }
                if (active.Remaining is { } remaining)
                {
                    if (remaining <= 0)
                    {
                        continue;
                    }
                    active.Remaining = remaining - 1;
                    return rule;
                }
                if (_random.NextDouble() < rule.Probability)
                {
                    return rule;
                }
            }
            return null;
        }
    }
}
