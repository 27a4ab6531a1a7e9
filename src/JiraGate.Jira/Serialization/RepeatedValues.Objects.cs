using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace JiraGate.Jira.Serialization;

/// <summary>
/// Whole nested objects repeated within one response: a page of 100 issues sends the same status (with its
/// category) and the same assignee (with four avatar URLs) over and over, ≈1 KB of JSON an issue. When a scope
/// was opened with the body being parsed, <see cref="ReadShared"/> finds the object's exact bytes in the body;
/// an object whose bytes equal an earlier one's is skipped and the instance made for the earlier one returned.
/// Equal bytes parse to equal values, so nothing Jira sent is lost; the objects are shared, not copied.
/// </summary>
internal sealed partial class RepeatedValues
{
    // Probed and bounded like the string table: a page holds a few statuses and a few dozen users.
    private const int ObjectSlots = 128;

    private readonly ObjectEntry[] _objects = new ObjectEntry[ObjectSlots];
    private int _objectCount;
    private ReadOnlyMemory<byte> _body;

    /// <summary>
    /// Reads the object at the reader as <paramref name="typeInfo"/> does, returning the instance already made
    /// in this scope for byte-identical JSON. Outside a scope with a body (streamed bodies, a caller's own
    /// serializer call) it is <see cref="JsonSerializer.Deserialize{T}(ref Utf8JsonReader, JsonTypeInfo{T})"/>.
    /// </summary>
    public static T? ReadShared<T>(ref Utf8JsonReader reader, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (reader.TokenType != JsonTokenType.StartObject || reader.HasValueSequence || t_current is not { _body.IsEmpty: false } table)
        {
            return JsonSerializer.Deserialize(ref reader, typeInfo);
        }
        var body = table._body.Span;
        var start = reader.TokenStartIndex;
        // Only when the reader is provably over this scope's body: its '{' is the very byte at that offset.
        if (start >= body.Length || !Unsafe.AreSame(ref MemoryMarshal.GetReference(reader.ValueSpan), ref Unsafe.AsRef(in body[(int)start])))
        {
            return JsonSerializer.Deserialize(ref reader, typeInfo);
        }
        var probe = reader;
        probe.Skip();
        var raw = body.Slice((int)start, (int)(probe.TokenStartIndex - start) + 1);
        var hash = Hash(raw);
        var objects = table._objects;
        var slot = hash & (ObjectSlots - 1);
        for (; objects[slot].Value is { } stored; slot = (slot + 1) & (ObjectSlots - 1))
        {
            ref readonly var entry = ref objects[slot];
            if (entry.Hash == hash && stored is T known && entry.Length == raw.Length
                && body.Slice(entry.Start, entry.Length).SequenceEqual(raw))
            {
                reader = probe;
                return known;
            }
        }
        var value = JsonSerializer.Deserialize(ref reader, typeInfo);
        if (value is not null)
        {
            Store(objects, slot, hash, ref table._objectCount, new(hash, (int)start, raw.Length, value));
        }
        return value;
    }

    private readonly record struct ObjectEntry(int Hash, int Start, int Length, object? Value);
}

/// <summary>
/// Reads a nested object through <see cref="RepeatedValues.ReadShared"/>: byte-identical objects within one
/// response become one instance. Put on properties (not types), so the type's own converter does the reading.
/// </summary>
internal sealed class SharedObjectConverter<T> : JsonConverter<T>
    where T : class
{
    private JsonTypeInfo<T>? _typeInfo;

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        RepeatedValues.ReadShared(ref reader, TypeInfo(options));

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, TypeInfo(options));

    // One converter instance per property per options: the type info is looked up once.
    private JsonTypeInfo<T> TypeInfo(JsonSerializerOptions options)
    {
        var known = _typeInfo;
        if (known is null || !ReferenceEquals(known.Options, options))
        {
            _typeInfo = known = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        }
        return known;
    }
}

/// <summary>
/// System.Text.Json's own string reading, for values unique within a response (issue id, key, self, summary):
/// hashing them for <see cref="RepeatedValues"/> would cost time and save nothing.
/// </summary>
internal sealed class UniqueStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
