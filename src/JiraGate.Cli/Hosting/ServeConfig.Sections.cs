using System.Globalization;
using System.Text.RegularExpressions;
using JiraGate.Jira;
using YamlDotNet.RepresentationModel;

namespace JiraGate.Cli.Hosting;

internal sealed partial class ServeConfig
{
    private static readonly string[] ConnectionKeys = ["base_url", "credential", "deployment", "max_concurrency", "api_gateway_url", "auth_server_url"];
    private static readonly string[] AgentKeys = ["id", "policies", "connection", "description", "org", "owner"];
    private static readonly string[] ChannelKeys = ["name", "kind", "url_credential", "risks", "policies", "allow_insecure_http"];

    /// <summary>Keys that would put a secret in the file: refused, with the vault command instead.</summary>
    private static readonly string[] SecretKeys =
        ["token", "api_token", "password", "pat", "personal_access_token", "secret", "client_secret", "access_token", "refresh_token", "url", "webhook_url", "webhook"];

    /// <summary>Non-secret parts of a credential: they belong with it in the vault entry.</summary>
    private static readonly string[] VaultFieldKeys = ["email", "username", "user", "client_id", "cloud_id"];

    private void ReadConnections(YamlNode value)
    {
        if (value is not YamlMappingNode map)
        {
            Error(value, "'connections' must be a mapping of names to sites, e.g. 'connections:\\n  prod:\\n    base_url: https://acme.atlassian.net\\n    credential: jira/prod'.");
            return;
        }
        foreach (var (nameNode, body) in map.Children)
        {
            var name = (nameNode as YamlScalarNode)?.Value ?? "";
            if (!IdPattern().IsMatch(name))
            {
                Error(nameNode, $"connection name '{name}' is not valid: use 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
                continue;
            }
            var connection = new ConnectionConfig { Name = name, Mark = MarkOf(nameNode) };
            if (body is not YamlMappingNode fields)
            {
                Error(body, $"connection '{name}' must be a mapping with {string.Join(", ", ConnectionKeys)}.");
                continue;
            }
            foreach (var (keyNode, v) in fields.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? "";
                switch (key)
                {
                    case "base_url":
                        if (Text(v, "connections." + name + ".base_url", "https://acme.atlassian.net") is { } url)
                        {
                            connection.BaseUrl = CheckUrl(v, url, name, "base_url");
                        }
                        break;
                    case "credential":
                        connection.Credential = Text(v, "connections." + name + ".credential", "jira/" + name);
                        connection.CredentialMark = MarkOf(v);
                        break;
                    case "deployment":
                        connection.Deployment = (v as YamlScalarNode)?.Value switch
                        {
                            "cloud" => JiraDeployment.Cloud,
                            "data_center" => JiraDeployment.DataCenter,
                            _ => Fail(v, $"'connections.{name}.deployment' must be cloud or data_center (leave it out to detect it from the site's serverInfo).", JiraDeployment.Auto),
                        };
                        break;
                    case "max_concurrency":
                        connection.MaxConcurrency = (v as YamlScalarNode)?.Value is { } n && int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= 256
                            ? limit
                            : Fail(v, $"'connections.{name}.max_concurrency' must be a whole number from 1 to 256 (requests in flight to the site at once; default 8).", 8);
                        break;
                    case "api_gateway_url" or "auth_server_url":
                        // Only for OAuth and scoped tokens through a proxy or a test double; checked like base_url.
                        if (Text(v, $"connections.{name}.{key}", "https://api.atlassian.com") is { } endpoint && CheckUrl(v, endpoint, name, key) is { } checkedUrl)
                        {
                            if (key == "api_gateway_url")
                            {
                                connection.ApiGatewayUrl = checkedUrl;
                            }
                            else
                            {
                                connection.AuthServerUrl = checkedUrl;
                            }
                        }
                        break;
                    case "allow_insecure_http":
                        Error(keyNode, $"'allow_insecure_http' is not accepted for Jira connections: JiraGate never sends Jira credentials over plain http except to this machine (loopback). Use the site's https:// URL.");
                        break;
                    default:
                        UnknownKey(keyNode, key, "connections." + name, ConnectionKeys, connection.Credential ?? "jira/" + name);
                        break;
                }
            }
            if (connection.BaseUrl is null && !fields.Children.Keys.Any(k => (k as YamlScalarNode)?.Value == "base_url"))
            {
                Error(nameNode, $"connection '{name}' needs 'base_url' (e.g. https://acme.atlassian.net, or your Data Center URL).");
            }
            if (connection.Credential is null && !fields.Children.Keys.Any(k => (k as YamlScalarNode)?.Value == "credential"))
            {
                Error(nameNode, $"connection '{name}' needs 'credential: <vault path>' (store it with 'jiragate vault set jira/{name} --kind api-token --email …').");
            }
            Connections.Add(connection);
        }
    }

    private void ReadAgents(YamlNode value)
    {
        if (value is not YamlSequenceNode list)
        {
            Error(value, "'agents' must be a list, e.g. '- id: soc-triage\\n  policies: [jira-soc-triage]'.");
            return;
        }
        foreach (var item in list.Children)
        {
            if (ReadEntry(item, "agent", "id", "soc-triage", AgentKeys, id => Agents.Any(a => a.Id == id), validateId: true) is not var (fields, idNode, id))
            {
                continue;
            }
            var agent = new AgentConfig { Id = id, Mark = MarkOf(idNode) };
            var hasPolicies = false;
            foreach (var (keyNode, v) in fields.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? "";
                switch (key)
                {
                    case "id":
                        break;
                    case "policies":
                        hasPolicies = true;
                        agent.Policies.AddRange(Names(v, $"agents[{id}].policies", "[jira-soc-triage]"));
                        break;
                    case "connection":
                        agent.Connection = Text(v, $"agents[{id}].connection", "prod") is { } c ? new ConfigName(c, MarkOf(v)) : null;
                        break;
                    case "description":
                        agent.Description = Text(v, $"agents[{id}].description", "\"SOC triage bot\"");
                        break;
                    case "org":
                        agent.Org = Text(v, $"agents[{id}].org", "acme") is { } org && IdPattern().IsMatch(org)
                            ? org
                            : Fail<string?>(v, $"'agents[{id}].org' must be an id (letters, digits, '.', '_', '-').", null);
                        break;
                    case "owner":
                        agent.Owner = Text(v, $"agents[{id}].owner", "alice@acme.com");
                        break;
                    default:
                        UnknownKey(keyNode, key, $"agents[{id}]", AgentKeys, null);
                        break;
                }
            }
            if (!hasPolicies)
            {
                Error(idNode, $"agent '{id}' needs 'policies: [...]' (an agent with none may call nothing).");
            }
            Agents.Add(agent);
        }
    }

    /// <summary>
    /// The start every named list entry shares: a mapping, its naming key present (and a valid id when asked), not a
    /// repeat. Null after reporting what is wrong.
    /// </summary>
    private (YamlMappingNode Fields, YamlNode NameNode, string Name)? ReadEntry(
        YamlNode item, string what, string nameKey, string example, string[] keys, Func<string, bool> exists, bool validateId)
    {
        if (item is not YamlMappingNode fields)
        {
            Error(item, $"each {what} must be a mapping with " + string.Join(", ", keys) + ".");
            return null;
        }
        var nameNode = Child(fields, nameKey);
        var name = (nameNode as YamlScalarNode)?.Value ?? "";
        if (nameNode is null || name.Length == 0)
        {
            Error(item, $"this {what} has no '{nameKey}' (e.g. '{nameKey}: {example}').");
            return null;
        }
        if (validateId && !IdPattern().IsMatch(name))
        {
            Error(nameNode, $"{what} {nameKey} '{name}' is not valid: use 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
            return null;
        }
        if (exists(name))
        {
            Error(nameNode, $"{what} '{name}' is listed twice; keep one entry.");
            return null;
        }
        return (fields, nameNode, name);
    }

    private void ReadChannels(YamlNode value)
    {
        if (value is not YamlSequenceNode list)
        {
            Error(value, "'approval_channels' must be a list, e.g. '- name: jira-approvals\\n  kind: webhook\\n  url_credential: slack/approvals'.");
            return;
        }
        foreach (var item in list.Children)
        {
            if (ReadEntry(item, "approval channel", "name", "jira-approvals", ChannelKeys, n => Channels.Any(c => c.Name == n), validateId: false) is not var (fields, nameNode, name))
            {
                continue;
            }
            var channel = new ChannelConfig { Name = name, Mark = MarkOf(nameNode) };
            foreach (var (keyNode, v) in fields.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? "";
                switch (key)
                {
                    case "name":
                        break;
                    case "kind":
                        if ((v as YamlScalarNode)?.Value != "webhook")
                        {
                            Error(v, $"'approval_channels[{name}].kind' must be 'webhook' (a Slack-compatible incoming webhook).");
                        }
                        break;
                    case "url_credential":
                        channel.UrlCredential = Text(v, $"approval_channels[{name}].url_credential", "slack/approvals");
                        channel.UrlCredentialMark = MarkOf(v);
                        break;
                    case "risks":
                        foreach (var risk in Names(v, $"approval_channels[{name}].risks", "[high]"))
                        {
                            if (ChannelConfig.RiskNames.Contains(risk.Value))
                            {
                                channel.Risks.Add(risk.Value);
                            }
                            else
                            {
                                Error(risk.Mark, $"unknown risk '{risk.Value}'. Expected any of: {string.Join(", ", ChannelConfig.RiskNames)}.");
                            }
                        }
                        break;
                    case "policies":
                        channel.Policies.AddRange(Names(v, $"approval_channels[{name}].policies", "[jira-full-management]"));
                        break;
                    case "allow_insecure_http":
                        channel.AllowInsecureHttp = (v as YamlScalarNode)?.Value switch
                        {
                            "true" => true,
                            "false" => false,
                            _ => Fail(v, $"'approval_channels[{name}].allow_insecure_http' must be true or false.", false),
                        };
                        break;
                    default:
                        UnknownKey(keyNode, key, $"approval_channels[{name}]", ChannelKeys, channel.UrlCredential ?? "slack/" + name);
                        break;
                }
            }
            if (channel.UrlCredential is null && Child(fields, "url_credential") is null)
            {
                Error(nameNode, $"approval channel '{name}' needs 'url_credential: <vault path>' (the webhook URL is a secret: 'jiragate vault set slack/{name} --kind secret').");
            }
            Channels.Add(channel);
        }
    }

    private Uri? CheckUrl(YamlNode node, string text, string connection, string key)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url))
        {
            Error(node, $"'connections.{connection}.{key}' is not an absolute URL; write it like https://acme.atlassian.net.");
            return null;
        }
        if (OutboundUrls.Problem(url, allowInsecureHttp: false, allowQuery: false) is { } problem)
        {
            Error(node, $"'connections.{connection}.{key}' is refused: {problem}");
            return null;
        }
        return url;
    }

    private void UnknownKey(YamlNode keyNode, string key, string where, string[] expected, string? vaultPath)
    {
        if (SecretKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
        {
            // The value is never echoed: it may be the secret itself.
            Error(keyNode, $"'{where}.{key}' puts a secret in the config file; secrets live in the vault only. Remove the line, store it with "
                + $"'jiragate vault set {vaultPath ?? "PATH"} --kind …' (read from stdin, never an argument) and name the entry here ("
                + (where.StartsWith("approval_channels", StringComparison.Ordinal) ? "url_credential" : "credential") + $": {vaultPath ?? "PATH"}).");
        }
        else if (VaultFieldKeys.Contains(key, StringComparer.OrdinalIgnoreCase) && vaultPath is not null)
        {
            Error(keyNode, $"'{where}.{key}' belongs to the credential's vault entry, not the config file: 'jiragate vault set {vaultPath} --kind api-token --email …'. Expected keys here: {string.Join(", ", expected)}.");
        }
        else
        {
            Error(keyNode, $"unknown key '{where}.{key}'. Expected: {string.Join(", ", expected)}.");
        }
    }

    private string? Text(YamlNode node, string what, string example)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } text })
        {
            return text;
        }
        Error(node, $"'{what}' must be a single value, e.g. {example}.");
        return null;
    }

    private List<ConfigName> Names(YamlNode node, string what, string example)
    {
        var names = new List<ConfigName>();
        if (node is not YamlSequenceNode list)
        {
            Error(node, $"'{what}' must be a list, e.g. {example}.");
            return names;
        }
        foreach (var item in list.Children)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } name })
            {
                names.Add(new ConfigName(name, MarkOf(item)));
            }
            else
            {
                Error(item, $"each entry of '{what}' must be a name.");
            }
        }
        return names;
    }

    private T Fail<T>(YamlNode node, string message, T fallback)
    {
        Error(node, message);
        return fallback;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(p => (p.Key as YamlScalarNode)?.Value == key).Value;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
