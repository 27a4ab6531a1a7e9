using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Hosting;

/// <summary>How to start a sandbox.</summary>
public sealed class SandboxOptions
{
    /// <summary>Cloud (REST v3, ADF) or Data Center (REST v2, wiki markup).</summary>
    public SandboxFlavor Flavor { get; set; } = SandboxFlavor.Cloud;

    /// <summary>Address to bind; the sandbox only ever listens on loopback by default.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free one (see <see cref="SandboxHost.BaseUrl"/>).</summary>
    public int Port { get; set; }

    /// <summary>What to seed: the demo site (null issue count) or a generated one.</summary>
    public SeedOptions Seed { get; set; } = new();

    /// <summary>Load the site from this file at start (if it exists) instead of seeding.</summary>
    public string? StateFile { get; set; }

    /// <summary>Save the site to <see cref="StateFile"/> when the sandbox stops.</summary>
    public bool SaveStateOnStop { get; set; }

    /// <summary>Enables the /_sandbox control API (faults, rate limits, time, state). Off unless asked for.</summary>
    public bool EnableControlApi { get; set; }

    /// <summary>Per-route rate limiting; null means unlimited.</summary>
    public RateLimitOptions? RateLimit { get; set; }

    /// <summary>Fault injection rules active from the start.</summary>
    public List<FaultRule> Faults { get; } = [];

    /// <summary>The clock; tests pass a FakeTimeProvider.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Log to the console (standalone runs); tests keep it quiet.</summary>
    public bool ConsoleLogging { get; set; }

    /// <summary>Delay before the first webhook retry; doubled on each further attempt.</summary>
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Delivery attempts per webhook event (first try included).</summary>
    public int WebhookMaxAttempts { get; set; } = 4;
}

/// <summary>A token bucket per route template and method, as Jira Cloud's burst limits work.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Requests allowed per window per route and method.</summary>
    public int PermitLimit { get; set; } = 100;

    /// <summary>Window length.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Seconds written in Retry-After on a 429.</summary>
    public int RetryAfterSeconds { get; set; } = 1;
}

/// <summary>Kinds of injected fault.</summary>
public enum FaultKind
{
    /// <summary>Answer with <see cref="FaultRule.StatusCode"/> (500, 502, 503 …) and Jira's error body.</summary>
    Status,
    /// <summary>Add <see cref="FaultRule.Latency"/> before handling.</summary>
    Latency,
    /// <summary>Abort the connection mid-response.</summary>
    ConnectionReset,
    /// <summary>Apply the write, then hang until the client times out (the "outcome unknown" case).</summary>
    ApplyThenTimeout,
    /// <summary>Answer 429 with Retry-After and X-RateLimit-* headers.</summary>
    RateLimited,
}

/// <summary>A fault injected into matching requests, by probability or for the next N matches.</summary>
public sealed class FaultRule
{
    public FaultKind Kind { get; set; }
    /// <summary>HTTP method to match (GET, POST …); null matches all.</summary>
    public string? Method { get; set; }
    /// <summary>Path prefix to match (e.g. /rest/api/3/issue); null matches all API paths.</summary>
    public string? PathPrefix { get; set; }
    /// <summary>Probability in [0, 1] that a matching request is hit; ignored when <see cref="Count"/> is set.</summary>
    public double Probability { get; set; } = 1.0;
    /// <summary>Hit only the next N matching requests, then stop.</summary>
    public int? Count { get; set; }
    public int StatusCode { get; set; } = 503;
    public TimeSpan Latency { get; set; } = TimeSpan.FromMilliseconds(200);
    /// <summary>Retry-After seconds for <see cref="FaultKind.RateLimited"/> and 503s.</summary>
    public int? RetryAfterSeconds { get; set; }
}
