using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace JiraGate.Cli.Hosting;

/// <summary>
/// <c>jiragate.yaml</c>, read with YamlDotNet's representation model so every mistake names its line and column:
/// <c>storage</c>, <c>policies</c> (files, relative to the config file), <c>connections</c>, <c>agents</c> and
/// <c>approval_channels</c>. This is the file's shape only; <see cref="GatewayConfig"/> checks it against the loaded
/// policies and the vault. Every mistake is collected, so one run reports them all.
/// </summary>
internal sealed partial class ServeConfig
{
    private static readonly string[] KnownSections = ["storage", "connections", "agents", "policies", "approval_channels"];

    private ServeConfig(string file, string baseDirectory)
    {
        File = file;
        BaseDirectory = baseDirectory;
    }

    /// <summary>The path as given on the command line (errors name it so).</summary>
    public string File { get; }

    /// <summary>The config file's folder: relative paths in it are relative to this.</summary>
    public string BaseDirectory { get; }

    public string? StoragePath { get; private set; }

    public List<string> PolicyFiles { get; } = [];

    public List<ConnectionConfig> Connections { get; } = [];

    public List<AgentConfig> Agents { get; } = [];

    public List<ChannelConfig> Channels { get; } = [];

    public List<ConfigError> Errors { get; } = [];

    public bool IsValid => Errors.Count == 0;

    public static ServeConfig Load(string path)
    {
        var config = new ServeConfig(path, Path.GetDirectoryName(Path.GetFullPath(path))!);
        if (!System.IO.File.Exists(path))
        {
            config.Errors.Add(new ConfigError(path, 0, 0, "no such file. Create it (see docs/jiragate.example.yaml), or run 'jiragate serve' without --config for the embedded default."));
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
            config.Errors.Add(new ConfigError(path, ex.Start.Line, ex.Start.Column, "not valid YAML: " + ex.Message.TrimEnd('.') + ". Check the indentation and quoting there."));
            return config;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var node = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
            config.Errors.Add(new ConfigError(path, node?.Start.Line ?? 1, node?.Start.Column ?? 1,
                "expected a mapping with any of: " + string.Join(", ", KnownSections) + "."));
            return config;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!seen.Add(key))
            {
                config.Error(keyNode, $"'{key}' appears twice; merge the two sections into one.");
                continue;
            }
            switch (key)
            {
                case "storage":
                    config.ReadStorage(value);
                    break;
                case "policies":
                    config.ReadPolicies(value);
                    break;
                case "connections":
                    config.ReadConnections(value);
                    break;
                case "agents":
                    config.ReadAgents(value);
                    break;
                case "approval_channels":
                    config.ReadChannels(value);
                    break;
                default:
                    config.Error(keyNode, $"unknown section '{key}'. Expected one of: {string.Join(", ", KnownSections)}.");
                    break;
            }
        }
        config.CheckReferences();
        return config;
    }

    private void Error(YamlNode node, string message) => Errors.Add(new ConfigError(File, node.Start.Line, node.Start.Column, message));

    private void Error(ConfigMark mark, string message) => Errors.Add(new ConfigError(File, mark.Line, mark.Column, message));

    private static ConfigMark MarkOf(YamlNode node) => new(node.Start.Line, node.Start.Column);

    private void ReadStorage(YamlNode value)
    {
        if (value is not YamlMappingNode storage)
        {
            Error(value, "'storage' must be a mapping, e.g. 'storage: { path: ./.jiragate }'.");
            return;
        }
        foreach (var (keyNode, v) in storage.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            if (key == "path" && v is YamlScalarNode { Value: { Length: > 0 } p })
            {
                StoragePath = Path.GetFullPath(p, BaseDirectory);
            }
            else if (key == "path")
            {
                Error(v, "'storage.path' must be a folder path, e.g. ./.jiragate.");
            }
            else if (key == "engine" && v is YamlScalarNode { Value: "sqlite" })
            {
                // The only engine so far.
            }
            else if (key == "engine")
            {
                Error(v, "'storage.engine' must be 'sqlite' (PostgreSQL is not supported yet).");
            }
            else
            {
                Error(keyNode, $"unknown key 'storage.{key}'. Expected: path, engine.");
            }
        }
    }

    private void ReadPolicies(YamlNode value)
    {
        if (value is not YamlSequenceNode list)
        {
            Error(value, "'policies' must be a list of policy files, e.g. '- policies/soc.yaml'.");
            return;
        }
        foreach (var item in list.Children)
        {
            if (item is not YamlScalarNode { Value: { Length: > 0 } relative })
            {
                Error(item, "each entry of 'policies' must be a file path.");
                continue;
            }
            var full = Path.GetFullPath(relative, BaseDirectory);
            if (!System.IO.File.Exists(full))
            {
                Error(item, $"policy file '{relative}' does not exist (looked at {full}).");
                continue;
            }
            PolicyFiles.Add(full);
        }
    }

    /// <summary>Agents' connections: named ones must exist; with several connections each agent names one.</summary>
    private void CheckReferences()
    {
        var names = Connections.Select(c => c.Name).ToList();
        foreach (var agent in Agents)
        {
            if (agent.Connection is { } named)
            {
                if (names.Contains(named.Value, StringComparer.Ordinal))
                {
                    agent.ResolvedConnection = named.Value;
                }
                else
                {
                    Error(named.Mark, names.Count == 0
                        ? $"connection '{named.Value}' is not defined: there is no 'connections' section. Add one (see docs/jiragate.example.yaml), or remove this line to use the in-process sandbox."
                        : $"connection '{named.Value}' is not defined. Defined: {string.Join(", ", names)}.");
                }
            }
            else if (names.Count == 1)
            {
                agent.ResolvedConnection = names[0];
            }
            else if (names.Count > 1)
            {
                Error(agent.Mark, $"agent '{agent.Id}' must name its connection, e.g. 'connection: {names[0]}' (there are {names.Count}: {string.Join(", ", names)}).");
            }
        }
    }
}
