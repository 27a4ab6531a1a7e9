using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace JiraGate.Governance.Policies;

/// <summary>Shared YAML reading for policy and policy-test files: one document, no anchors, positions on every error.</summary>
internal static class YamlParsing
{
    /// <summary>Parses exactly one document; reports syntax errors, extra documents and anchors; null when unusable.</summary>
    public static YamlNode? ParseSingleDocument(string yaml, string file, List<PolicyError> errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            // "Duplicate key" comes through here too, at the second key.
            var code = e.Message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase) ? "duplicate_key" : "yaml_syntax";
            errors.Add(new PolicyError
            {
                File = file,
                Line = (int)e.Start.Line,
                Column = (int)e.Start.Column,
                Code = code,
                Message = code == "duplicate_key" ? "duplicate key in a mapping" : $"YAML syntax error: {Inner(e)}",
            });
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            errors.Add(new PolicyError { File = file, Line = 1, Column = 1, Code = "empty", Message = "the file is empty" });
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            errors.Add(Error(file, stream.Documents[1].RootNode, "unsupported", "only one YAML document per file ('---' starts a second one)"));
            return null;
        }

        var root = stream.Documents[0].RootNode;
        var before = errors.Count;
        foreach (var node in root.AllNodes)
        {
            if (!node.Anchor.IsEmpty)
            {
                // Aliases share nodes; refusing them keeps the walk linear (no "billion laughs") and the file plain.
                errors.Add(Error(file, node, "unsupported", $"anchors and aliases (&{node.Anchor.Value}) are not supported in policy files"));
            }
        }

        return errors.Count == before ? root : null;
    }

    public static PolicyError Error(string file, YamlNode node, string code, string message) =>
        new() { File = file, Line = (int)node.Start.Line, Column = (int)node.Start.Column, Code = code, Message = message };

    /// <summary>The scalar's text, or null when the node is not a non-null scalar.</summary>
    public static string? Text(YamlNode node) =>
        node is YamlScalarNode s && !IsNull(s) ? s.Value ?? "" : null;

    public static bool IsNull(YamlScalarNode s) =>
        s.Style == ScalarStyle.Plain && (s.Value is null or "" or "~" or "null" or "Null" or "NULL");

    public static bool TryInt(YamlNode node, out int value)
    {
        value = 0;
        return node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } v }
            && int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public static string Kind(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when IsNull(s) => "empty",
        YamlScalarNode s => $"'{Truncate(s.Value ?? "")}'",
        _ => "something else",
    };

    public static string Truncate(string s) => s.Length <= 60 ? s : string.Concat(s.AsSpan(0, 57), "...");

    private static string Inner(YamlException e)
    {
        var m = e.InnerException?.Message ?? e.Message;
        var i = m.IndexOf("): ", StringComparison.Ordinal);
        return i >= 0 ? m[(i + 3)..] : m;
    }
}
