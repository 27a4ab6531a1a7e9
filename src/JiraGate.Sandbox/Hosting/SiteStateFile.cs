using System.Text.Json;
using System.Text.Json.Serialization;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Hosting;

/// <summary>Saves and loads a site's whole state as one JSON file (written atomically).</summary>
public static class SiteStateFile
{
    public static void Save(Site site, string path)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        site.Read(s =>
        {
            using (var stream = File.Create(temp))
            {
                JsonSerializer.Serialize(stream, s.Data, SiteStateJsonContext.Default.SiteData);
            }
            return true;
        });
        // Replace in one step so a crash never leaves a half-written state file.
        File.Move(temp, full, overwrite: true);
    }

    public static SiteData Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.OpenRead(path);
        try
        {
            return JsonSerializer.Deserialize(stream, SiteStateJsonContext.Default.SiteData)
                ?? throw new InvalidDataException($"The sandbox state file '{path}' is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The sandbox state file '{path}' is not a valid state file: {ex.Message}", ex);
        }
    }
}

[JsonSourceGenerationOptions(WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SiteData))]
internal sealed partial class SiteStateJsonContext : JsonSerializerContext;
