using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira.Tests.Infrastructure;

/// <summary>
/// Responses recorded from real Jira sites (../shared/reference/fixtures): read one, and check that a model
/// parses it and writes it back with nothing lost (every property, custom or not, survives a read-modify-write).
/// </summary>
internal static class RecordedFixtures
{
    public static string Read(string fixture) => File.ReadAllText(Path.Combine(FixturesDirectory(), fixture));

    /// <summary>Parses the recording into <typeparamref name="T"/>, writes it back, and fails naming every lost or changed value.</summary>
    public static T AssertRoundTrips<T>(string fixture, JsonTypeInfo<T> type)
    {
        var original = Read(fixture);
        var model = JsonSerializer.Deserialize(original, type)!;
        var written = JsonSerializer.Serialize(model, type);
        var differences = new List<string>();
        Compare(JsonNode.Parse(original), JsonNode.Parse(written), "$", differences);
        Assert.True(differences.Count == 0, fixture + ":\n" + string.Join("\n", differences.Take(20)));
        return model;
    }

    /// <summary>Structural equality; date-times compare as instants (the client writes Jira's own format).</summary>
    private static void Compare(JsonNode? expected, JsonNode? actual, string path, List<string> differences)
    {
        switch (expected)
        {
            case null:
                if (actual is not null)
                {
                    differences.Add($"{path}: expected null, got {actual.ToJsonString()}");
                }
                return;
            case JsonObject eo when actual is JsonObject ao:
                foreach (var (key, value) in eo)
                {
                    if (!ao.ContainsKey(key))
                    {
                        if (value is not null)
                        {
                            differences.Add($"{path}.{key}: lost");
                        }
                        continue;
                    }
                    Compare(value, ao[key], $"{path}.{key}", differences);
                }
                return;
            case JsonArray ea when actual is JsonArray aa:
                if (ea.Count != aa.Count)
                {
                    differences.Add($"{path}: {ea.Count} items became {aa.Count}");
                    return;
                }
                for (var i = 0; i < ea.Count; i++)
                {
                    Compare(ea[i], aa[i], $"{path}[{i}]", differences);
                }
                return;
            case JsonValue ev when actual is JsonValue av:
                if (JsonNode.DeepEquals(ev, av))
                {
                    return;
                }
                if (ev.TryGetValue<string>(out var es) && av.TryGetValue<string>(out var @as)
                    && JiraDateTimeConverter.TryParse(es, out var ed) && JiraDateTimeConverter.TryParse(@as, out var ad) && ed == ad)
                {
                    return;
                }
                differences.Add($"{path}: {ev.ToJsonString()} became {av.ToJsonString()}");
                return;
            default:
                differences.Add($"{path}: {expected.ToJsonString()} became {actual?.ToJsonString() ?? "(missing)"}");
                return;
        }
    }

    private static string FixturesDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "reference", "fixtures"), Path.Combine(dir.FullName, "..", "shared", "reference", "fixtures") })
            {
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        throw new DirectoryNotFoundException("shared/reference/fixtures was not found beside the repository (CI puts a copy of shared/ next to the clone).");
    }
}
