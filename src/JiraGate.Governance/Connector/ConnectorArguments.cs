using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace JiraGate.Governance.Connector;

/// <summary>Writes an operation's snake_case arguments object; null values are left out (except where null means something).</summary>
internal sealed class ConnectorArguments : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _writer;

    public ConnectorArguments()
    {
        _writer = new Utf8JsonWriter(_buffer);
        _writer.WriteStartObject();
    }

    public ConnectorArguments String(string name, string? value)
    {
        if (value is not null)
        {
            _writer.WriteString(name, value);
        }
        return this;
    }

    /// <summary>A string that may be null on purpose (e.g. assignee: null unassigns).</summary>
    public ConnectorArguments NullableString(string name, string? value)
    {
        if (value is null)
        {
            _writer.WriteNull(name);
        }
        else
        {
            _writer.WriteString(name, value);
        }
        return this;
    }

    public ConnectorArguments Int(string name, int? value)
    {
        if (value is { } v)
        {
            _writer.WriteNumber(name, v);
        }
        return this;
    }

    public ConnectorArguments Bool(string name, bool? value)
    {
        if (value is { } v)
        {
            _writer.WriteBoolean(name, v);
        }
        return this;
    }

    public ConnectorArguments Time(string name, DateTimeOffset? value) =>
        String(name, value?.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));

    public ConnectorArguments Strings(string name, IReadOnlyList<string>? values)
    {
        if (values is not null)
        {
            _writer.WriteStartArray(name);
            foreach (var v in values)
            {
                _writer.WriteStringValue(v);
            }
            _writer.WriteEndArray();
        }
        return this;
    }

    public ConnectorArguments Object(string name, IReadOnlyDictionary<string, JsonElement>? values)
    {
        if (values is not null)
        {
            _writer.WriteStartObject(name);
            foreach (var (key, value) in values)
            {
                _writer.WritePropertyName(key);
                value.WriteTo(_writer);
            }
            _writer.WriteEndObject();
        }
        return this;
    }

    public ConnectorArguments Issues(string name, IReadOnlyList<NewIssue> issues)
    {
        _writer.WriteStartArray(name);
        foreach (var issue in issues)
        {
            ArgumentNullException.ThrowIfNull(issue, nameof(issues));
            _writer.WriteStartObject();
            NewIssueFields(issue.ProjectKey, issue.Summary, issue.IssueType, issue.Priority, issue.Labels, issue.Description,
                issue.Assignee, issue.Components, issue.CustomFields);
            _writer.WriteEndObject();
        }
        _writer.WriteEndArray();
        return this;
    }

    public ConnectorArguments NewIssueFields(string projectKey, string summary, string issueType, string? priority, IReadOnlyList<string>? labels,
        string? description, string? assignee, IReadOnlyList<string>? components, IReadOnlyDictionary<string, JsonElement>? customFields) =>
        String("project_key", projectKey).String("summary", summary).String("issue_type", issueType).String("priority", priority)
            .Strings("labels", labels).String("description", description).String("assignee", assignee)
            .Strings("components", components).Object("custom_fields", customFields);

    /// <summary>The finished arguments object.</summary>
    public JsonElement Build()
    {
        _writer.WriteEndObject();
        _writer.Flush();
        using var document = JsonDocument.Parse(_buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    public void Dispose() => _writer.Dispose();
}
