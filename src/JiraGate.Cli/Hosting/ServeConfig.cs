using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace JiraGate.Cli.Hosting;

/// <summary>One mistake in <c>jiragate.yaml</c>: where it is and how to fix it.</summary>
internal sealed record ConfigError(string File, long Line, long Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}

/// <summary>
/// <c>jiragate serve --config jiragate.yaml</c>, read with YamlDotNet's representation model so every mistake names its
/// line and column. Supported so far: <c>storage.path</c> (the data directory) and <c>policies</c> (policy files, relative
/// to the config file). <c>connections</c>, <c>agents</c> and <c>approval_channels</c> are checked for shape and then
/// refused as not supported yet, so nobody believes a real Jira is in use when it is not.
/// </summary>
internal sealed class ServeConfig
{
    private static readonly string[] KnownSections = ["storage", "connections", "agents", "policies", "approval_channels"];
    private static readonly string[] NotYetSupported = ["connections", "agents", "approval_channels"];

    public string? StoragePath { get; private set; }

    public List<string> PolicyFiles { get; } = [];

    public List<ConfigError> Errors { get; } = [];

    public bool IsValid => Errors.Count == 0;

    public static ServeConfig Load(string path)
    {
        var config = new ServeConfig();
        var display = path;
        if (!File.Exists(path))
        {
            config.Errors.Add(new ConfigError(display, 0, 0, $"no such file. Create it, or run 'jiragate serve' without --config for the embedded default."));
            return config;
        }
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            config.Errors.Add(new ConfigError(display, ex.Start.Line, ex.Start.Column, "not valid YAML: " + ex.Message + " Check the indentation and quoting there."));
            return config;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var node = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
            config.Errors.Add(new ConfigError(display, node?.Start.Line ?? 1, node?.Start.Column ?? 1,
                "expected a mapping with any of: " + string.Join(", ", KnownSections) + "."));
            return config;
        }
        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            switch (key)
            {
                case "storage":
                    config.ReadStorage(display, baseDirectory, value);
                    break;
                case "policies":
                    config.ReadPolicies(display, baseDirectory, value);
                    break;
                case var k when NotYetSupported.Contains(k):
                    config.Errors.Add(new ConfigError(display, keyNode.Start.Line, keyNode.Start.Column,
                        $"'{k}' is not supported by this version yet (only 'storage' and 'policies' are). Remove the section; "
                        + "to try JiraGate, run 'jiragate serve' without --config (embedded sandbox Jira, demo agent)."));
                    break;
                default:
                    config.Errors.Add(new ConfigError(display, keyNode.Start.Line, keyNode.Start.Column,
                        $"unknown section '{key}'. Expected one of: {string.Join(", ", KnownSections)}."));
                    break;
            }
        }
        return config;
    }

    private void ReadStorage(string file, string baseDirectory, YamlNode value)
    {
        if (value is not YamlMappingNode storage)
        {
            Errors.Add(new ConfigError(file, value.Start.Line, value.Start.Column, "'storage' must be a mapping, e.g. 'storage: { path: ./.jiragate }'."));
            return;
        }
        foreach (var (keyNode, v) in storage.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            if (key == "path" && v is YamlScalarNode { Value: { Length: > 0 } p })
            {
                StoragePath = Path.GetFullPath(p, baseDirectory);
            }
            else if (key == "path")
            {
                Errors.Add(new ConfigError(file, v.Start.Line, v.Start.Column, "'storage.path' must be a folder path, e.g. ./.jiragate."));
            }
            else if (key == "engine" && v is YamlScalarNode { Value: "sqlite" })
            {
                // The only engine so far.
            }
            else if (key == "engine")
            {
                Errors.Add(new ConfigError(file, v.Start.Line, v.Start.Column, "'storage.engine' must be 'sqlite' (PostgreSQL is not supported yet)."));
            }
            else
            {
                Errors.Add(new ConfigError(file, keyNode.Start.Line, keyNode.Start.Column, $"unknown key 'storage.{key}'. Expected: path, engine."));
            }
        }
    }

    private void ReadPolicies(string file, string baseDirectory, YamlNode value)
    {
        if (value is not YamlSequenceNode list)
        {
            Errors.Add(new ConfigError(file, value.Start.Line, value.Start.Column, "'policies' must be a list of policy files, e.g. '- policies/soc.yaml'."));
            return;
        }
        foreach (var item in list.Children)
        {
            if (item is not YamlScalarNode { Value: { Length: > 0 } relative })
            {
                Errors.Add(new ConfigError(file, item.Start.Line, item.Start.Column, "each entry of 'policies' must be a file path."));
                continue;
            }
            var full = Path.GetFullPath(relative, baseDirectory);
            if (!File.Exists(full))
            {
                Errors.Add(new ConfigError(file, item.Start.Line, item.Start.Column, $"policy file '{relative}' does not exist (looked at {full})."));
                continue;
            }
            PolicyFiles.Add(full);
        }
    }
}
