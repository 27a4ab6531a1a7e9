using System.Globalization;
using System.Text.Json.Nodes;
using JiraGate.Jira.RichText;

namespace JiraGate.Jira;

/// <summary>
/// What to write to an issue: the body of create, edit, bulk create and (for screen fields) transition calls.
/// Only what is set is sent, so an edit never touches a field it does not name. Typed setters cover the common
/// fields and render per deployment when the call is made: rich text is given as Markdown and sent as ADF on
/// Cloud, wiki markup on Data Center; users are given as the account id (Cloud) or username (Data Center)
/// and sent as <c>{"accountId":…}</c> or <c>{"name":…}</c>. Custom fields go through <see cref="Field"/>,
/// <see cref="RichTextField"/> or <see cref="UserField"/>.
/// </summary>
/// <example><code>
/// var bug = new IssueWrite().Project("SEC").IssueType("Bug").Summary("Login fails").Description("**Steps**: …");
/// </code></example>
public sealed class IssueWrite
{
    /// <summary>The assignee value that asks Jira for the project's default assignee.</summary>
    public const string DefaultAssignee = "-1";

    private readonly OrderedDictionary<string, Func<bool, JsonNode?>> _fields = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, List<Func<bool, JsonObject>>> _update = new(StringComparer.Ordinal);
    private readonly List<(string Key, JsonNode Value)> _properties = [];

    /// <summary>The ids of the fields set (sent under <c>fields</c>), in the order they were set.</summary>
    public IReadOnlyCollection<string> FieldIds => _fields.Keys;

    /// <summary>The ids of the fields changed by operations (sent under <c>update</c>: add, remove …).</summary>
    public IReadOnlyCollection<string> UpdatedFieldIds => _update.Keys;

    /// <summary>The issue property keys set.</summary>
    public IReadOnlyCollection<string> PropertyKeys => _properties.ConvertAll(p => p.Key);

    /// <summary>True when nothing is set.</summary>
    public bool IsEmpty => _fields.Count == 0 && _update.Count == 0 && _properties.Count == 0;

    /// <summary>The project, by key (SEC) or id (10000). Required on create.</summary>
    /// <param name="projectKeyOrId">The key or numeric id.</param>
    /// <returns>This instance.</returns>
    public IssueWrite Project(string projectKeyOrId) => Set("project", Reference(projectKeyOrId, "key"));

    /// <summary>The issue type, by name (Bug) or id (10004). Required on create.</summary>
    /// <param name="nameOrId">The name or numeric id.</param>
    /// <returns>This instance.</returns>
    public IssueWrite IssueType(string nameOrId) => Set("issuetype", Reference(nameOrId, "name"));

    /// <summary>The one-line summary. Required on create.</summary>
    /// <param name="summary">The summary (Jira allows 255 characters).</param>
    /// <returns>This instance.</returns>
    public IssueWrite Summary(string summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return Set("summary", _ => JsonValue.Create(summary));
    }

    /// <summary>The description as Markdown: sent as ADF on Cloud, wiki markup on Data Center; null clears it.</summary>
    /// <param name="markdown">The text, or null to clear.</param>
    /// <returns>This instance.</returns>
    public IssueWrite Description(string? markdown) => RichTextField("description", markdown);

    /// <summary>The environment as Markdown (ADF on Cloud, wiki markup on Data Center); null clears it.</summary>
    /// <param name="markdown">The text, or null to clear.</param>
    /// <returns>This instance.</returns>
    public IssueWrite Environment(string? markdown) => RichTextField("environment", markdown);

    /// <summary>The priority, by name (High) or id (2).</summary>
    /// <param name="nameOrId">The name or numeric id.</param>
    /// <returns>This instance.</returns>
    public IssueWrite Priority(string nameOrId) => Set("priority", Reference(nameOrId, "name"));

    /// <summary>Replaces the labels (labels contain no spaces).</summary>
    /// <param name="labels">The complete new set.</param>
    /// <returns>This instance.</returns>
    public IssueWrite Labels(params IEnumerable<string> labels)
    {
        var list = Materialise(labels);
        return Set("labels", _ => new JsonArray([.. list.Select(l => (JsonNode?)JsonValue.Create(l))]));
    }

    /// <summary>Adds labels, keeping the others (an <c>update</c> operation).</summary>
    /// <param name="labels">The labels to add.</param>
    /// <returns>This instance.</returns>
    public IssueWrite AddLabels(params IEnumerable<string> labels)
    {
        foreach (var label in Materialise(labels))
        {
            Update("labels", "add", JsonValue.Create(label));
        }
        return this;
    }

    /// <summary>Removes labels, keeping the others (an <c>update</c> operation).</summary>
    /// <param name="labels">The labels to remove.</param>
    /// <returns>This instance.</returns>
    public IssueWrite RemoveLabels(params IEnumerable<string> labels)
    {
        foreach (var label in Materialise(labels))
        {
            Update("labels", "remove", JsonValue.Create(label));
        }
        return this;
    }

    /// <summary>
    /// The assignee: the account id on Cloud, the username on Data Center; null leaves the issue unassigned and
    /// <see cref="DefaultAssignee"/> asks for the project's default.
    /// </summary>
    /// <param name="user">The account id or username, or null.</param>
    /// <returns>This instance.</returns>
    public IssueWrite Assignee(string? user) => UserField("assignee", user);

    /// <summary>The reporter: the account id on Cloud, the username on Data Center.</summary>
    /// <param name="user">The account id or username.</param>
    /// <returns>This instance.</returns>
    public IssueWrite Reporter(string user)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        return UserField("reporter", user);
    }

    /// <summary>Replaces the components, by name.</summary>
    /// <param name="names">The component names of the issue's project.</param>
    /// <returns>This instance.</returns>
    public IssueWrite Components(params IEnumerable<string> names) => NamedList("components", names);

    /// <summary>Replaces the fix versions, by name.</summary>
    /// <param name="names">The version names of the issue's project.</param>
    /// <returns>This instance.</returns>
    public IssueWrite FixVersions(params IEnumerable<string> names) => NamedList("fixVersions", names);

    /// <summary>The parent issue (of a sub-task, or the epic on Cloud), by key or id.</summary>
    /// <param name="issueKeyOrId">The parent's key or numeric id.</param>
    /// <returns>This instance.</returns>
    public IssueWrite Parent(string issueKeyOrId) => Set("parent", Reference(issueKeyOrId, "key"));

    /// <summary>The due date; null clears it.</summary>
    /// <param name="date">The date, or null.</param>
    /// <returns>This instance.</returns>
    public IssueWrite DueDate(DateOnly? date) =>
        Set("duedate", _ => date is { } d ? JsonValue.Create(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null);

    /// <summary>The resolution, by name (Done) or id; only on a transition screen that offers it.</summary>
    /// <param name="nameOrId">The name or numeric id.</param>
    /// <returns>This instance.</returns>
    public IssueWrite Resolution(string nameOrId) => Set("resolution", Reference(nameOrId, "name"));

    /// <summary>Adds a comment, as Markdown (ADF on Cloud, wiki markup on Data Center): valid on edit and transition.</summary>
    /// <param name="markdown">The comment text.</param>
    /// <returns>This instance.</returns>
    public IssueWrite Comment(string markdown)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(markdown);
        return AddOperation("comment", cloud => new JsonObject { ["add"] = new JsonObject { ["body"] = RichText(cloud, markdown) } });
    }

    /// <summary>Any field, sent exactly as given on both deployments (custom fields: <c>customfield_10010</c>).</summary>
    /// <param name="fieldId">The field id.</param>
    /// <param name="value">The JSON value; null clears the field.</param>
    /// <returns>This instance.</returns>
    public IssueWrite Field(string fieldId, JsonNode? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fieldId);
        return Set(fieldId, _ => value?.DeepClone());
    }

    /// <summary>A rich-text (textarea) field as Markdown: ADF on Cloud, wiki markup on Data Center; null clears it.</summary>
    /// <param name="fieldId">The field id.</param>
    /// <param name="markdown">The text, or null.</param>
    /// <returns>This instance.</returns>
    public IssueWrite RichTextField(string fieldId, string? markdown)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fieldId);
        return Set(fieldId, cloud => markdown is null ? null : RichText(cloud, markdown));
    }

    /// <summary>A user field (system or custom user picker): account id on Cloud, username on Data Center; null clears it.</summary>
    /// <param name="fieldId">The field id.</param>
    /// <param name="user">The account id or username, or null.</param>
    /// <returns>This instance.</returns>
    public IssueWrite UserField(string fieldId, string? user)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fieldId);
        return Set(fieldId, cloud => User(cloud, user));
    }

    /// <summary>A raw <c>update</c> operation, e.g. <c>("labels", "add", "triage")</c>; operations on one field run in order.</summary>
    /// <param name="fieldId">The field id.</param>
    /// <param name="operation">The verb: set, add, remove, edit, copy.</param>
    /// <param name="value">The operation's value, sent as given.</param>
    /// <returns>This instance.</returns>
    public IssueWrite Update(string fieldId, string operation, JsonNode? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fieldId);
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        return AddOperation(fieldId, _ => new JsonObject { [operation] = value?.DeepClone() });
    }

    /// <summary>Sets an issue property (entity property) along with the write.</summary>
    /// <param name="key">The property key.</param>
    /// <param name="value">Any JSON value.</param>
    /// <returns>This instance.</returns>
    public IssueWrite Property(string key, JsonNode value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        _properties.Add((key, value.DeepClone()));
        return this;
    }

    /// <summary>The request body for the deployment: <c>{fields, update, properties}</c>, each only when set.</summary>
    internal JsonObject ToJson(bool cloud)
    {
        var body = new JsonObject();
        if (_fields.Count > 0)
        {
            var fields = new JsonObject();
            foreach (var (id, render) in _fields)
            {
                fields[id] = render(cloud);
            }
            body["fields"] = fields;
        }
        if (_update.Count > 0)
        {
            var update = new JsonObject();
            foreach (var (id, operations) in _update)
            {
                update[id] = new JsonArray([.. operations.Select(op => (JsonNode?)op(cloud))]);
            }
            body["update"] = update;
        }
        if (_properties.Count > 0)
        {
            body["properties"] = new JsonArray([.. _properties.Select(p => (JsonNode?)new JsonObject { ["key"] = p.Key, ["value"] = p.Value.DeepClone() })]);
        }
        return body;
    }

    internal static JsonNode RichText(bool cloud, string markdown) =>
        cloud ? AdfConverter.FromMarkdown(markdown) : JsonValue.Create(WikiMarkupConverter.FromMarkdown(markdown));

    /// <summary>Cloud names users by accountId, Data Center by username; a null id means nobody.</summary>
    internal static JsonObject User(bool cloud, string? user) => new() { [cloud ? "accountId" : "name"] = user };

    private IssueWrite Set(string fieldId, Func<bool, JsonNode?> render)
    {
        _fields[fieldId] = render;
        return this;
    }

    private IssueWrite AddOperation(string fieldId, Func<bool, JsonObject> render)
    {
        if (!_update.TryGetValue(fieldId, out var operations))
        {
            _update[fieldId] = operations = [];
        }
        operations.Add(render);
        return this;
    }

    private IssueWrite NamedList(string fieldId, IEnumerable<string> names)
    {
        var list = Materialise(names);
        return Set(fieldId, _ => new JsonArray([.. list.Select(n => (JsonNode?)new JsonObject { ["name"] = n })]));
    }

    /// <summary>{"id":…} for a numeric value, else {"<paramref name="byName"/>":…}.</summary>
    private static Func<bool, JsonNode?> Reference(string value, string byName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var numeric = value.All(char.IsAsciiDigit);
        return _ => new JsonObject { [numeric ? "id" : byName] = value };
    }

    private static List<string> Materialise(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values.ToList();
        foreach (var value in list)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value, nameof(values));
        }
        return list;
    }
}
