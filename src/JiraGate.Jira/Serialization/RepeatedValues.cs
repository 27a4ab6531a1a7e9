using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraGate.Jira.Serialization;

/// <summary>
/// One response repeats the same short strings and URLs many times: a page of 100 issues carries the same few
/// statuses, status categories, users, avatar URLs and <c>expand</c> list over and over. While a scope is open on
/// the current thread (<see cref="JiraGate.Jira.Connection.JiraConnection"/> opens one around the synchronous parse
/// of a buffered body), <see cref="RepeatedStringConverter"/> and <see cref="RepeatedUriConverter"/> hand back the
/// instance already made for the same JSON text instead of a new one. Strings and <see cref="Uri"/>s are
/// immutable, so sharing them is invisible to callers; the table is emptied when the scope ends, so nothing is
/// kept beyond the response. Without a scope (a streamed body, a caller's own serializer call) they behave
/// exactly like System.Text.Json's own converters.
/// </summary>
internal sealed partial class RepeatedValues
{
    // Lossy tables (a new value replaces whatever shared its slot): bounded work and memory, no eviction logic.
    private const int StringSlots = 512;
    private const int UriSlots = 128;

    // Long text (summaries, descriptions) rarely repeats; hashing it would cost more than it saves.
    private const int MaxBytes = 128;

    [ThreadStatic]
    private static RepeatedValues? t_current;

    [ThreadStatic]
    private static RepeatedValues? t_spare;

    private readonly Entry<string>[] _strings = new Entry<string>[StringSlots];
    private readonly Entry<Uri>[] _uris = new Entry<Uri>[UriSlots];

    /// <summary>Opens a scope on this thread until the returned value is disposed (scopes do not nest).</summary>
    public static Scope Enter() => Enter(default);

    /// <summary>
    /// Opens a scope for parsing <paramref name="body"/> (the whole buffer the reader runs over): besides strings
    /// and URIs, whole nested objects repeated byte for byte are then read once (see <see cref="ReadShared"/>).
    /// </summary>
    public static Scope Enter(ReadOnlyMemory<byte> body)
    {
        if (t_current is not null)
        {
            return default;
        }
        var table = t_spare ?? new RepeatedValues();
        t_spare = null;
        table._body = body;
        t_current = table;
        return new Scope(table);
    }

    /// <summary>Reads a string value, shared with an earlier equal one in the same scope.</summary>
    public static string? ReadString(ref Utf8JsonReader reader)
    {
        if (t_current is not { } table || !Poolable(ref reader))
        {
            return reader.GetString();
        }
        var hash = Hash(reader.ValueSpan);
        ref var entry = ref table._strings[hash & (StringSlots - 1)];
        // The hash is of the raw bytes; the match is decided on the unescaped text, so escapes cannot fool it.
        if (entry.Hash == hash && entry.Value is { } known && reader.ValueTextEquals(known))
        {
            return known;
        }
        var value = reader.GetString()!;
        entry = new(hash, value, value);
        return value;
    }

    /// <summary>
    /// The string for ASCII <paramref name="text"/> (unescaped JSON text), shared with an equal value read earlier
    /// in this scope (an issue's id, when its <c>self</c> ends with it); null outside a scope (the caller then reads
    /// the value whole).
    /// </summary>
    public static string? ShareAscii(ReadOnlySpan<byte> text)
    {
        if (t_current is not { } table || text.Length > MaxBytes)
        {
            return null;
        }
        var hash = Hash(text);
        ref var entry = ref table._strings[hash & (StringSlots - 1)];
        if (entry.Hash == hash && entry.Value is { } known && Ascii.Equals(text, known))
        {
            return known;
        }
        var value = Encoding.ASCII.GetString(text);
        entry = new(hash, value, value);
        return value;
    }

    /// <summary>Reads a URI value as System.Text.Json does (absolute or relative), shared within the scope.</summary>
    public static Uri ReadUri(ref Utf8JsonReader reader)
    {
        if (t_current is not { } table || !Poolable(ref reader))
        {
            return CreateUri(reader.GetString());
        }
        var hash = Hash(reader.ValueSpan);
        ref var entry = ref table._uris[hash & (UriSlots - 1)];
        if (entry.Hash == hash && entry.Value is { } known && reader.ValueTextEquals(entry.Text))
        {
            return known;
        }
        var text = reader.GetString()!;
        var value = CreateUri(text);
        entry = new(hash, text, value);
        return value;
    }

    private static Uri CreateUri(string? text) =>
        Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var uri) ? uri : throw new JsonException("The JSON value is not a valid URI.");

    // Only single-segment string tokens; anything else takes the serializer's own path (and its errors).
    private static bool Poolable(ref Utf8JsonReader reader) =>
        (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName) && !reader.HasValueSequence && reader.ValueSpan.Length <= MaxBytes;

    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = new HashCode();
        hash.AddBytes(bytes);
        return hash.ToHashCode();
    }

    private readonly record struct Entry<T>(int Hash, string Text, T Value);

    /// <summary>Closes the scope: the table is emptied (nothing outlives the response) and kept for the next one.</summary>
    internal readonly struct Scope : IDisposable
    {
        private readonly RepeatedValues? _table;

        internal Scope(RepeatedValues table) => _table = table;

        public void Dispose()
        {
            if (_table is null)
            {
                return;
            }
            Array.Clear(_table._strings);
            Array.Clear(_table._uris);
            Array.Clear(_table._objects);
            _table._body = default;
            t_current = null;
            t_spare = _table;
        }
    }
}

/// <summary>System.Text.Json's string handling, with values shared within a <see cref="RepeatedValues"/> scope.</summary>
internal sealed class RepeatedStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        RepeatedValues.ReadString(ref reader);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    // Dictionary<string, …> keys (avatarUrls' "48x48" …) come through here.
    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        RepeatedValues.ReadString(ref reader) ?? throw new JsonException("A property name was null.");

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);
}

/// <summary>System.Text.Json's <see cref="Uri"/> handling, with values shared within a <see cref="RepeatedValues"/> scope.</summary>
internal sealed class RepeatedUriConverter : JsonConverter<Uri>
{
    public override Uri? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        RepeatedValues.ReadUri(ref reader);

    public override void Write(Utf8JsonWriter writer, Uri value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.OriginalString);
}
