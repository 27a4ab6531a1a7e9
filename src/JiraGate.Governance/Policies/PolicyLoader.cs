using JiraGate.Governance.Catalog;
using YamlDotNet.RepresentationModel;

namespace JiraGate.Governance.Policies;

/// <summary>Limits that keep a hostile or mistaken policy file from exhausting the loader.</summary>
public sealed class PolicyLoaderOptions
{
    /// <summary>Largest accepted file, in characters (default 1 MiB).</summary>
    public int MaxFileChars { get; init; } = 1 << 20;

    /// <summary>Most policies in one load (default 1,000).</summary>
    public int MaxPolicies { get; init; } = 1000;

    /// <summary>Most globs in one policy's <c>operations</c> or <c>deny</c> (default 256).</summary>
    public int MaxGlobsPerList { get; init; } = 256;
}

/// <summary>A policy file's name and text.</summary>
/// <param name="FileName">The name errors will show.</param>
/// <param name="Yaml">The YAML text.</param>
public sealed record PolicySource(string FileName, string Yaml);

/// <summary>Either a whole <see cref="PolicySet"/> or every error found; never both, never a partial set.</summary>
public sealed class PolicyLoadResult
{
    /// <summary>The loaded set, or null when there were errors.</summary>
    public PolicySet? PolicySet { get; init; }

    /// <summary>Every error found, in file order.</summary>
    public IReadOnlyList<PolicyError> Errors { get; init; } = [];

    /// <summary>Whether the load succeeded.</summary>
    public bool Succeeded => PolicySet is not null;
}

/// <summary>
/// Loads policy YAML (seed 000's format plus <c>deny</c>, <c>where</c>, <c>escalate</c>) and validates it whole:
/// every mistake is reported with file, line and column, and a file with any mistake yields no policies at all.
/// </summary>
public sealed partial class PolicyLoader
{
    private readonly OperationCatalog _catalog;
    private readonly PolicyLoaderOptions _options;

    /// <summary>Creates a loader over a catalog (default: seed 000's).</summary>
    public PolicyLoader(OperationCatalog? catalog = null, PolicyLoaderOptions? options = null)
    {
        _catalog = catalog ?? OperationCatalog.Default;
        _options = options ?? new PolicyLoaderOptions();
    }

    /// <summary>Loads one file's text.</summary>
    public PolicyLoadResult Load(string yaml, string fileName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        return Load([new PolicySource(fileName, yaml)]);
    }

    /// <summary>Loads several files into one set (policy names must be unique across them).</summary>
    public PolicyLoadResult Load(IEnumerable<PolicySource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var errors = new List<PolicyError>();
        var policies = new List<Policy>();
        foreach (var source in sources)
        {
            ParseFile(source, policies, errors);
        }

        var seen = new Dictionary<string, Policy>(StringComparer.Ordinal);
        foreach (var p in policies)
        {
            if (!seen.TryAdd(p.Name, p))
            {
                var first = seen[p.Name].Source;
                errors.Add(ErrorAt(p.Source!.Value, "duplicate_name", $"duplicate policy name '{p.Name}' (first defined at {first})"));
            }
        }

        if (errors.Count == 0 && policies.Count > _options.MaxPolicies)
        {
            errors.Add(ErrorAt(policies[_options.MaxPolicies].Source!.Value, "too_large", $"more than {_options.MaxPolicies} policies"));
        }

        return errors.Count > 0 ? new PolicyLoadResult { Errors = errors } : new PolicyLoadResult { PolicySet = new PolicySet(policies) };
    }

    /// <summary>Reads and loads policy files.</summary>
    public async Task<PolicyLoadResult> LoadFilesAsync(IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var sources = new List<PolicySource>();
        var errors = new List<PolicyError>();
        foreach (var path in paths)
        {
            try
            {
                var info = new FileInfo(path);
                if (info.Exists && info.Length > _options.MaxFileChars * 4L)
                {
                    errors.Add(new PolicyError { File = path, Line = 1, Column = 1, Code = "too_large", Message = $"file is larger than {_options.MaxFileChars} characters" });
                    continue;
                }

                sources.Add(new PolicySource(path, await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add(new PolicyError { File = path, Line = 1, Column = 1, Code = "unreadable", Message = $"cannot read the file: {e.Message}" });
            }
        }

        var result = Load(sources);
        return errors.Count == 0 ? result : new PolicyLoadResult { Errors = [.. errors, .. result.Errors] };
    }

    private void ParseFile(PolicySource source, List<Policy> policies, List<PolicyError> errors)
    {
        var file = source.FileName;
        if (source.Yaml.Length > _options.MaxFileChars)
        {
            errors.Add(new PolicyError { File = file, Line = 1, Column = 1, Code = "too_large", Message = $"file is larger than {_options.MaxFileChars} characters" });
            return;
        }

        var root = YamlParsing.ParseSingleDocument(source.Yaml, file, errors);
        if (root is null)
        {
            return;
        }

        if (root is not YamlSequenceNode list)
        {
            errors.Add(YamlParsing.Error(file, root, "wrong_type", "a policy file is a list of policies (each item starts with '- name: ...')"));
            return;
        }

        if (list.Children.Count > _options.MaxPolicies)
        {
            errors.Add(YamlParsing.Error(file, list.Children[_options.MaxPolicies], "too_large", $"more than {_options.MaxPolicies} policies"));
            return;
        }

        if (list.Children.Count == 0)
        {
            errors.Add(YamlParsing.Error(file, list, "empty", "the file holds no policies"));
            return;
        }

        foreach (var item in list.Children)
        {
            var before = errors.Count;
            var policy = ParsePolicy(file, item, errors);
            if (policy is not null && errors.Count == before)
            {
                policies.Add(policy);
            }
        }
    }

    private static PolicyError ErrorAt(SourceLocation at, string code, string message) =>
        new() { File = at.File, Line = at.Line, Column = at.Column, Code = code, Message = message };
}
