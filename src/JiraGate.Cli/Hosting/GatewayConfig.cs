using JiraGate.Governance.Catalog;
using JiraGate.Governance.Policies;
using JiraGate.Governance.Vault;

namespace JiraGate.Cli.Hosting;

/// <summary>An approval channel, ready to use: its webhook URL (a secret, from the vault) and what it receives.</summary>
internal sealed class ApprovalChannel
{
    public required string Name { get; init; }

    /// <summary>The incoming-webhook URL: a credential, never printed.</summary>
    public required Uri Webhook { get; init; }

    public IReadOnlyList<string> Risks { get; init; } = [];

    public IReadOnlyList<string> Policies { get; init; } = [];

    /// <summary>Whether a pending approval of this risk, under this policy, goes to this channel (each filter given must match).</summary>
    public bool Matches(string risk, string? policy) =>
        (Risks.Count == 0 || Risks.Contains(risk, StringComparer.OrdinalIgnoreCase))
        && (Policies.Count == 0 || (policy is not null && Policies.Contains(policy, StringComparer.Ordinal)));

    public override string ToString() => $"approval channel {Name}"; // never the URL
}

/// <summary>
/// <c>jiragate.yaml</c> checked against everything it names — the policies loaded, the vault's entries — so that every
/// mistake is reported at once (file:line:col) before anything starts, and what starts is complete.
/// </summary>
internal sealed class GatewayConfig
{
    public required string File { get; init; }

    /// <summary>The data directory: <c>storage.path</c>, or the command's <c>--data-dir</c>.</summary>
    public required string DataDir { get; init; }

    /// <summary>The config's policy files and the command line's.</summary>
    public required IReadOnlyList<string> PolicyFiles { get; init; }

    /// <summary>The connections, in file order (empty: the in-process sandbox).</summary>
    public required IReadOnlyList<JiraSite> Sites { get; init; }

    public required IReadOnlyList<AgentConfig> Agents { get; init; }

    public required IReadOnlyList<ApprovalChannel> Channels { get; init; }

    public bool HasConnections => Sites.Count > 0;

    /// <summary>Reads and checks the file; the config, or every problem found (one line each).</summary>
    public static async Task<(GatewayConfig? Config, IReadOnlyList<string> Errors)> LoadAsync(string path, string defaultDataDir,
        IReadOnlyList<string> extraPolicyFiles, CancellationToken ct)
    {
        var shape = ServeConfig.Load(path);
        var errors = shape.Errors.ToList();
        if (errors.Count == 1 && errors[0].Line == 0)
        {
            return (null, [errors[0].ToString()]); // no such file
        }
        var dataDir = Path.GetFullPath(shape.StoragePath ?? defaultDataDir);
        List<string> policyFiles = [.. extraPolicyFiles.Select(f => Path.GetFullPath(f)), .. shape.PolicyFiles];
        var policyErrors = CheckPolicies(shape, policyFiles, errors);
        var sites = new List<JiraSite>();
        var channels = new List<ApprovalChannel>();
        await CheckVaultAsync(shape, dataDir, defaultDataDir, sites, channels, errors, ct);
        List<string> all = [.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column).Select(e => e.ToString()), .. policyErrors];
        if (all.Count > 0)
        {
            return (null, all);
        }
        return (new GatewayConfig
        {
            File = path,
            DataDir = dataDir,
            PolicyFiles = policyFiles,
            Sites = sites,
            Agents = shape.Agents,
            Channels = channels,
        }, []);
    }

    /// <summary>Loads the policies (the seed's when no file is given) and checks every policy name the file uses.</summary>
    private static List<string> CheckPolicies(ServeConfig shape, List<string> files, List<ConfigError> errors)
    {
        PolicySet set;
        if (files.Count == 0)
        {
            set = SeedPolicies.Load();
        }
        else
        {
            var missing = files.Where(f => !System.IO.File.Exists(f)).ToList();
            if (missing.Count > 0)
            {
                return [.. missing.Select(f => $"{f}: no such policy file.")];
            }
            var result = new PolicyLoader(OperationCatalog.Default).Load([.. files.Select(f => new PolicySource(f, System.IO.File.ReadAllText(f)))]);
            if (result.PolicySet is null)
            {
                // The names cannot be checked against a set that does not load; its own errors say why.
                return [.. result.Errors.Select(e => e.ToString())];
            }
            set = result.PolicySet;
        }
        var known = string.Join(", ", set.All.Select(p => p.Name));
        foreach (var name in shape.Agents.SelectMany(a => a.Policies).Concat(shape.Channels.SelectMany(c => c.Policies)))
        {
            if (!set.TryGet(name.Value, out _))
            {
                errors.Add(new ConfigError(shape.File, name.Mark.Line, name.Mark.Column,
                    $"policy '{name.Value}' is not loaded. Loaded: {known}. Add its file under 'policies:' or fix the name."));
            }
        }
        return [];
    }

    private static async Task CheckVaultAsync(ServeConfig shape, string dataDir, string defaultDataDir, List<JiraSite> sites,
        List<ApprovalChannel> channels, List<ConfigError> errors, CancellationToken ct)
    {
        // Entries are checked even when base_url is wrong, so one run reports both.
        var wanted = shape.Connections.Where(c => c.Credential is not null).ToList();
        var wantedChannels = shape.Channels.Where(c => c.UrlCredential is not null).ToList();
        if (wanted.Count == 0 && wantedChannels.Count == 0)
        {
            return;
        }
        var dirOption = Path.GetFullPath(defaultDataDir) == dataDir && shape.StoragePath is null ? "" : $" --data-dir {dataDir}";
        IVault? vault = null;
        VaultKey? key = null;
        string? unopened = null;
        var keyPath = Path.Combine(dataDir, "master.key");
        try
        {
            if (VaultKey.FromEnvironment() is not null || System.IO.File.Exists(keyPath))
            {
                key = await VaultKey.ResolveAsync(keyPath, createIfMissing: false, cancellationToken: ct);
                vault = new FileVault(Path.Combine(dataDir, "vault.json"), key);
            }
            else if (System.IO.File.Exists(Path.Combine(dataDir, "vault.json")))
            {
                unopened = $"no master key: set {VaultKey.EnvironmentVariable} or restore {keyPath}";
            }
        }
        catch (VaultException e)
        {
            unopened = e.Message;
        }
        try
        {
            foreach (var c in wanted)
            {
                var (entry, problem) = await ReadAsync(vault, unopened, c.Credential!, dataDir, ct);
                problem ??= entry is null || c.BaseUrl is null ? null
                    : JiraSite.CredentialProblem(entry, c.Deployment, c.BaseUrl) is { } p ? $"vault entry '{c.Credential}' {p}." : null;
                if (problem is not null || entry is null)
                {
                    var kind = c.Deployment == Jira.JiraDeployment.DataCenter ? "pat" : "api-token --email you@example.com";
                    errors.Add(new ConfigError(shape.File, c.CredentialMark.Line, c.CredentialMark.Column,
                        $"{problem} Fix: jiragate vault set {c.Credential} --kind {kind}{dirOption} (the secret is read from stdin)."));
                    continue;
                }
                if (c.BaseUrl is not null)
                {
                    sites.Add(JiraSite.FromVault(c.Name, c.BaseUrl, c.Credential!, entry, c.Deployment, c.MaxConcurrency, c.ApiGatewayUrl, c.AuthServerUrl));
                }
            }
            foreach (var c in wantedChannels)
            {
                var (entry, problem) = await ReadAsync(vault, unopened, c.UrlCredential!, dataDir, ct);
                Uri? url = null;
                if (problem is null && entry is not GenericSecretEntry secret)
                {
                    problem = $"vault entry '{c.UrlCredential}' holds {VaultEntryKinds.ToName(entry!.Kind)} credentials, not a URL; a webhook URL is stored with --kind secret.";
                }
                else if (problem is null && !Uri.TryCreate(((GenericSecretEntry)entry!).Value.Reveal().Trim(), UriKind.Absolute, out url))
                {
                    problem = $"vault entry '{c.UrlCredential}' does not hold an absolute URL (the value is not shown).";
                }
                else if (problem is null && OutboundUrls.Problem(url!, c.AllowInsecureHttp, allowQuery: true) is { } refused)
                {
                    problem = $"the webhook URL in vault entry '{c.UrlCredential}' is refused: {refused}";
                }
                if (problem is not null)
                {
                    errors.Add(new ConfigError(shape.File, c.UrlCredentialMark.Line, c.UrlCredentialMark.Column,
                        $"{problem} Fix: jiragate vault set {c.UrlCredential} --kind secret --description \"{c.Name} webhook\"{dirOption} (paste the URL on stdin)."));
                    continue;
                }
                channels.Add(new ApprovalChannel { Name = c.Name, Webhook = url!, Risks = c.Risks, Policies = [.. c.Policies.Select(p => p.Value)] });
            }
        }
        finally
        {
            key?.Dispose();
        }
    }

    private static async Task<(VaultEntry? Entry, string? Problem)> ReadAsync(IVault? vault, string? unopened, string path, string dataDir, CancellationToken ct)
    {
        if (unopened is not null)
        {
            return (null, $"the vault in {dataDir} cannot be opened ({unopened}).");
        }
        if (vault is null)
        {
            return (null, $"there is no vault in {dataDir} yet, so it has no entry '{path}'.");
        }
        try
        {
            return await vault.TryGetAsync(path, ct) is { } entry
                ? (entry, null)
                : (null, $"the vault in {dataDir} has no entry '{path}'.");
        }
        catch (VaultException e)
        {
            return (null, e.Message);
        }
        catch (ArgumentException e)
        {
            // A malformed path: the message states the rules (ParamName is left out).
            return (null, $"'{path}' is not a vault path: " + e.Message.Split(" (Parameter", 2)[0]);
        }
    }
}
