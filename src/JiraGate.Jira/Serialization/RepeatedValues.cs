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
    // Open addressing (linear probing), filled to at most 3/4 of the slots; past that a new value takes its home
    // slot (lossy, bounded work and memory). A direct-mapped table lost shared values to collisions that depend on
    // HashCode's per-process seed: one process in four or five re-read an alternating status or user on most
    // issues (+130–400 B an issue in the bench), another not at all. Now every value of a page is kept, whatever the seed.
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
    private int _stringCount;
    private int _uriCount;

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
        var strings = table._strings;
        var slot = hash & (StringSlots - 1);
        // The hash is of the raw bytes; the match is decided on the unescaped text, so escapes cannot fool it.
        for (; strings[slot].Value is { } known; slot = (slot + 1) & (StringSlots - 1))
        {
            if (strings[slot].Hash == hash && reader.ValueTextEquals(known))
            {
                return known;
            }
        }
        var value = reader.GetString()!;
        Store(strings, slot, hash, ref table._stringCount, new(hash, value, value));
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
        var strings = table._strings;
        var slot = hash & (StringSlots - 1);
        for (; strings[slot].Value is { } known; slot = (slot + 1) & (StringSlots - 1))
        {
            if (strings[slot].Hash == hash && Ascii.Equals(text, known))
            {
                return known;
            }
        }
        var value = Encoding.ASCII.GetString(text);
        Store(strings, slot, hash, ref table._stringCount, new(hash, value, value));
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
        var uris = table._uris;
        var slot = hash & (UriSlots - 1);
        for (; uris[slot].Value is { } known; slot = (slot + 1) & (UriSlots - 1))
        {
            if (uris[slot].Hash == hash && reader.ValueTextEquals(uris[slot].Text))
            {
                return known;
            }
        }
        var text = reader.GetString()!;
        var value = CreateUri(text);
        Store(uris, slot, hash, ref table._uriCount, new(hash, text, value));
        return value;
    }

    /// <summary>
    /// Stores a new value in <paramref name="free"/> (the empty slot that ended its probe) while the table is under
    /// 3/4 full; past that in its home slot, replacing what is there (if the home slot is the empty one, the value is
    /// not kept). No slot is emptied and at least 1/4 stays empty within a scope, so every probe ends at an empty
    /// slot and still finds whatever was stored before it.
    /// </summary>
    private static void Store<TEntry>(TEntry[] table, int free, int hash, ref int count, TEntry entry)
    {
        var home = hash & (table.Length - 1);
        if (count < table.Length / 4 * 3)
        {
            table[free] = entry;
            count++;
        }
        else if (free != home)
        {
            table[home] = entry;
        }
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
            _table._stringCount = _table._uriCount = _table._objectCount = 0;
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
