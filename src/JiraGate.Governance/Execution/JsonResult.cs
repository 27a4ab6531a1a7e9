using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using JiraGate.Governance.Pipeline;
using JiraGate.Jira.Models;
using JiraGate.Jira.RichText;

namespace JiraGate.Governance.Execution;

/// <summary>
/// Builds one normalised result with <see cref="Utf8JsonWriter"/> (no reflection) and keeps it near the byte budget:
/// lists stop before an item would pass it, long text is cut.
/// </summary>
internal sealed class JsonResult : IDisposable
{
    // Room kept for what follows a list: the cursor, is_last, closing brackets.
    private const int Reserve = 320;

    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly int _budget;
    private ArrayBufferWriter<byte>? _scratch;
    private Utf8JsonWriter? _scratchWriter;

    // Results are JSON for agents and scripts, never embedded raw in HTML (the approvals page encodes what it shows):
    // "+00:00" and "Müller" stay readable instead of "\u002B00:00" and "M\u00FCller", and cost fewer bytes of budget.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public JsonResult(int budget, int maxTextChars)
    {
        _budget = budget;
        MaxTextChars = maxTextChars;
        W = new Utf8JsonWriter(_buffer, WriterOptions);
    }

    /// <summary>The writer of the result.</summary>
    public Utf8JsonWriter W { get; }

    public int MaxTextChars { get; }

    private long Size => W.BytesCommitted + W.BytesPending;

    /// <summary>
    /// Writes <c>"name": [ … ]</c> from <paramref name="items"/> starting at <paramref name="skip"/>: at most
    /// <paramref name="max"/> items, and no more than fit the budget (always at least one).
    /// </summary>
    /// <returns>How many items were written.</returns>
    public int WriteItems<T>(string name, IReadOnlyList<T> items, int skip, int max, Action<Utf8JsonWriter, T> write)
    {
        _scratch ??= new ArrayBufferWriter<byte>(512);
        _scratchWriter ??= new Utf8JsonWriter(_scratch, WriterOptions);
        W.WriteStartArray(name);
        var count = 0;
        for (var i = skip; i < items.Count && count < max; i++)
        {
            _scratch.ResetWrittenCount();
            _scratchWriter.Reset(_scratch);
            write(_scratchWriter, items[i]);
            _scratchWriter.Flush();
            if (count > 0 && Size + _scratch.WrittenCount + Reserve > _budget)
            {
                break;
            }
            W.WriteRawValue(_scratch.WrittenSpan, skipInputValidation: true);
            count++;
        }
        W.WriteEndArray();
        return count;
    }

    /// <summary>The finished result.</summary>
    public OperationOutput Finish(string? requestId)
    {
        W.Flush();
        using var doc = JsonDocument.Parse(_buffer.WrittenMemory);
        return new OperationOutput { Value = doc.RootElement.Clone(), JiraRequestId = requestId };
    }

    public void Dispose()
    {
        W.Dispose();
        _scratchWriter?.Dispose();
    }

    /// <summary>An object result written by <paramref name="write"/>.</summary>
    public static OperationOutput Object(JiraOperationExecutorOptions options, string? requestId, Action<JsonResult> write)
    {
        using var result = new JsonResult(options.MaxResultBytes, options.MaxTextChars);
        result.W.WriteStartObject();
        write(result);
        result.W.WriteEndObject();
        return result.Finish(requestId);
    }
}

/// <summary>The small shapes every family shares: users, rich text, names, dates.</summary>
internal static class Json
{
    /// <summary><c>{account_id | name, display_name, email?}</c> or null.</summary>
    public static void User(Utf8JsonWriter w, string name, JiraUser? user)
    {
        w.WritePropertyName(name);
        User(w, user);
    }

    public static void User(Utf8JsonWriter w, JiraUser? user)
    {
        if (user is null)
        {
            w.WriteNullValue();
            return;
        }
        w.WriteStartObject();
        if (user.AccountId is { Length: > 0 } accountId)
        {
            w.WriteString("account_id", accountId);
        }
        else
        {
            w.WriteString("name", user.Name ?? user.Key);
        }
        w.WriteString("display_name", user.DisplayName);
        if (user.EmailAddress is { Length: > 0 } email)
        {
            w.WriteString("email", email);
        }
        if (user.Active == false)
        {
            w.WriteBoolean("active", false);
        }
        w.WriteEndObject();
    }

    /// <summary>Rich text (ADF object on Cloud, wiki string on Data Center) as Markdown, cut at <paramref name="maxChars"/>.</summary>
    public static void RichText(Utf8JsonWriter w, string name, JsonElement? value, int maxChars) =>
        Text(w, name, Markdown(value), maxChars);

    public static string? Markdown(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.String } s => WikiMarkupConverter.ToMarkdown(s.GetString()),
        { ValueKind: JsonValueKind.Object } adf => AdfConverter.ToMarkdown(JsonObject.Create(adf)),
        _ => null,
    };

    /// <summary>A string cut at <paramref name="maxChars"/>, with <c>"&lt;name&gt;_truncated": true</c> when it was.</summary>
    public static void Text(Utf8JsonWriter w, string name, string? text, int maxChars)
    {
        if (text is null)
        {
            w.WriteNull(name);
            return;
        }
        if (text.Length <= maxChars)
        {
            w.WriteString(name, text);
            return;
        }
        var cut = maxChars;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }
        w.WriteString(name, text.AsSpan(0, cut));
        w.WriteBoolean(name + "_truncated", true);
    }

    public static void Date(Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            w.WriteString(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    public static void Strings(Utf8JsonWriter w, string name, IEnumerable<string?>? values)
    {
        w.WriteStartArray(name);
        foreach (var value in values ?? [])
        {
            if (value is not null)
            {
                w.WriteStringValue(value);
            }
        }
        w.WriteEndArray();
    }

    /// <summary>A page of an offset-paged list: <c>start_at</c>, <c>total</c> when known, <c>is_last</c>, and <c>next_start_at</c> when not last.</summary>
    public static void OffsetPaging(Utf8JsonWriter w, int startAt, int written, long? total, bool isLast)
    {
        w.WriteNumber("start_at", startAt);
        if (total is { } t)
        {
            w.WriteNumber("total", t);
        }
        w.WriteBoolean("is_last", isLast);
        if (!isLast)
        {
            w.WriteNumber("next_start_at", startAt + written);
        }
    }
}
