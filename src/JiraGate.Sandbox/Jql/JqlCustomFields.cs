using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Adf;
using JiraGate.Sandbox.Model;
using static JiraGate.Sandbox.Jql.JqlOperatorSet;

namespace JiraGate.Sandbox.Jql;

/// <summary>
/// Custom fields, by kind, reading the values issues store in Jira's v3 JSON shape: numbers, strings (ADF for
/// text areas), "yyyy-MM-dd" dates, option objects, label and sprint arrays, user objects.
/// </summary>
internal static class JqlCustomFields
{
    public static JqlFieldHandler? For(CustomFieldDef def) => def.Kind switch
    {
        CustomFieldKinds.Number => new NumberCustomField(def.Id),
        CustomFieldKinds.Text => new TextCustomField(def.Id, sortable: true),
        CustomFieldKinds.TextArea => new TextCustomField(def.Id, sortable: false),
        CustomFieldKinds.Date => new DateCustomField(def.Id),
        CustomFieldKinds.Select => new SelectCustomField(def),
        CustomFieldKinds.Labels => new LabelsCustomField(def.Id),
        CustomFieldKinds.Sprint => new SprintField(),
        CustomFieldKinds.User => new UserCustomField(def.Id),
        _ => null,
    };

    public static JsonNode? Raw(Issue issue, string fieldId) => issue.CustomFields.GetValueOrDefault(fieldId);

    public static double? Number(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }
        if (value.TryGetValue<double>(out var d))
        {
            return d;
        }
        if (value.TryGetValue<long>(out var l))
        {
            return l;
        }
        if (value.TryGetValue<int>(out var n))
        {
            return n;
        }
        if (value.TryGetValue<decimal>(out var m))
        {
            return (double)m;
        }
        return value.GetValueKind() == JsonValueKind.Number
            && double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out d) ? d : null;
    }

    /// <summary>The plain text of a string or ADF value; null when absent or blank.</summary>
    public static string? Text(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => string.IsNullOrWhiteSpace(s) ? null : s,
        JsonObject adf => AdfText.ToPlainText(adf) is { Length: > 0 } t ? t : null,
        _ => null,
    };

    public static List<string> Strings(JsonNode? node) => node switch
    {
        JsonArray array => [.. array.Select(Text).OfType<string>()],
        JsonValue => Text(node) is { } s ? [s] : [],
        _ => [],
    };

    /// <summary>Ids from numbers, numeric strings or objects with an "id" (sprint values).</summary>
    public static List<long> Longs(JsonNode? node)
    {
        var ids = new List<long>();
        foreach (var item in node is JsonArray array ? array : [node])
        {
            var value = item is JsonObject o ? o["id"] : item;
            if (Number(value) is { } n)
            {
                ids.Add((long)n);
            }
            else if (Text(value) is { } s && JqlCompiler.ParseId(s) is { } id)
            {
                ids.Add(id);
            }
        }
        return ids;
    }

    public static DateOnly? Day(JsonNode? node)
    {
        var text = Text(node)?.Trim();
        if (text is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? DateOnly.FromDateTime(instant.UtcDateTime)
            : null;
    }

    private sealed class NumberCustomField(string id) : JqlFieldHandler(Equality | Emptiness | Relational)
    {
        public override Func<Issue, bool>? Build(JqlClauseInput input)
        {
            var values = new HashSet<double>();
            var ok = input.Compiler.AcceptFunctions(input, null, _ => { }, JqlMessages.FunctionNumberInvalid);
            foreach (var literal in input.Literals)
            {
                if (double.TryParse(literal.Text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n))
                {
                    values.Add(n);
                }
                else
                {
                    input.Compiler.Error(JqlMessages.InvalidNumber(literal.Text, input.Field));
                    ok = false;
                }
            }
            if (!ok)
            {
                return null;
            }
            Func<Issue, double?> get = i => Number(Raw(i, id));
            return input.Operator.IsRelational() ? Compare(get, values.Single(), input.Operator) : MatchValue(get, values, input);
        }

        public override JqlSortKey SortKey(JqlCompiler compiler) =>
            new(i => Number(Raw(i, id)) is { } n ? JqlSortValue.Of(n) : JqlSortValue.Missing);
    }

    private sealed class TextCustomField(string id, bool sortable) : TextSearchField(JqlOperatorSet.Text | Emptiness, supportsEmpty: true)
    {
        protected override IEnumerable<string?> Texts(Issue issue, JqlCompiler compiler) => [Text(Raw(issue, id))];

        public override JqlSortKey? SortKey(JqlCompiler compiler) =>
            sortable ? new(i => JqlSortValue.Of(Text(Raw(i, id)))) : null;
    }

    private sealed class DateCustomField(string id) : DateField(i => Day(Raw(i, id))?.DayNumber, descendingByDefault: false)
    {
        protected override long ToValue(DateTimeOffset date) => DateOnly.FromDateTime(date.UtcDateTime).DayNumber;
    }

    /// <summary>Single and multi select: options by value (case-insensitive) or option id.</summary>
    private sealed class SelectCustomField(CustomFieldDef def) : JqlFieldHandler(Equality | Emptiness)
    {
        public override Func<Issue, bool>? Build(JqlClauseInput input)
        {
            var c = input.Compiler;
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var ok = c.AcceptFunctions(input, null, _ => { }, JqlMessages.FunctionValueInvalid);
            foreach (var literal in input.Literals)
            {
                var text = literal.Text.Trim();
                var option = def.Options.FirstOrDefault(o => o.Value.Equals(text, StringComparison.OrdinalIgnoreCase))
                    ?? def.Options.FirstOrDefault(o => o.Id.Equals(text, StringComparison.Ordinal));
                if (option is null)
                {
                    c.Error(JqlMessages.NoSuchOption(literal.Text, input.Field));
                    ok = false;
                    continue;
                }
                ids.Add(option.Id);
            }
            return ok ? MatchAny(OptionIds, ids, input) : null;
        }

        public override JqlSortKey SortKey(JqlCompiler compiler)
        {
            var order = def.Options.Select((o, k) => (o.Id, k)).ToDictionary(x => x.Id, x => (long)x.k, StringComparer.Ordinal);
            return new(i => JqlSortKeys.Min(OptionIds(i).Select(o => order.TryGetValue(o, out var k) ? JqlSortValue.Of(k) : JqlSortValue.Missing)));
        }

        /// <summary>The option ids an issue holds, from {"id":…} objects, or values matched back to options.</summary>
        private IReadOnlyList<string> OptionIds(Issue issue)
        {
            var node = Raw(issue, def.Id);
            var ids = new List<string>();
            foreach (var item in node is JsonArray array ? array : [node])
            {
                var id = item is JsonObject o ? Text(o["id"]) ?? Number(o["id"])?.ToString(CultureInfo.InvariantCulture) : null;
                var value = item is JsonObject v ? Text(v["value"]) : Text(item);
                id ??= def.Options.FirstOrDefault(opt => opt.Value.Equals(value, StringComparison.OrdinalIgnoreCase))?.Id;
                if (id is not null)
                {
                    ids.Add(id);
                }
            }
            return ids;
        }
    }

    private sealed class LabelsCustomField(string id) : JqlFieldHandler(Equality | Emptiness)
    {
        public override Func<Issue, bool>? Build(JqlClauseInput input)
        {
            var labels = input.Literals.Select(l => l.Text).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return input.Compiler.AcceptFunctions(input, null, _ => { }, JqlMessages.FunctionValueInvalid)
                ? MatchAny<string>(i => Strings(Raw(i, id)), labels, input)
                : null;
        }

        public override JqlSortKey SortKey(JqlCompiler compiler) =>
            new(i => JqlSortKeys.Min(Strings(Raw(i, id)).Select(l => JqlSortValue.Of(l))));
    }

    private sealed class UserCustomField(string id) : JqlFieldHandler(Equality | Emptiness)
    {
        private readonly Func<Issue, string?> _accountId = i => Raw(i, id) switch
        {
            JsonObject o => Text(o["accountId"]),
            var other => Text(other),
        };

        public override Func<Issue, bool>? Build(JqlClauseInput input)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            return input.Compiler.ResolveUsers(input, ids) ? MatchString(_accountId, ids, input) : null;
        }

        public override JqlSortKey SortKey(JqlCompiler compiler) => UserField.ByDisplayName(compiler, _accountId);
    }
}
