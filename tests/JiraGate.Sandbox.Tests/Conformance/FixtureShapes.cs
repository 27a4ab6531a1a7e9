using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace JiraGate.Sandbox.Tests.Conformance;

/// <summary>
/// Structural comparison of a body against a recorded Jira response in <c>shared/reference/fixtures</c>, for
/// responses whose OpenAPI document declares no schema (e.g. the Agile 200 responses).
/// </summary>
/// <remarks>
/// <para>Every property the fixture object holds with a non-null value must be present in the body with the same
/// JSON kind (string, number, boolean, object, array); objects are compared recursively; extra properties in the
/// body are fine. Errors name a JSONPath such as <c>$.values[2].location.projectId</c>.</para>
/// <para>Arrays: every element of the body's array is compared with the fixture's element shape. With one fixture
/// element that is exactly that element. With several, the shape is merged, because real Jira omits fields per
/// element (a future sprint has no <c>startDate</c>, an unreleased version no <c>releaseDate</c>): a property is
/// required only if every fixture element holds it non-null, otherwise it is optional and only its kind is checked
/// when present and non-null. Empty arrays in the body pass; assert counts separately when they matter.</para>
/// </remarks>
internal static partial class FixtureShapes
{
    private static readonly ConcurrentDictionary<string, Lazy<(JsonDocument Document, Shape Shape)>> Fixtures =
        new(StringComparer.Ordinal);

    /// <summary>Compares <paramref name="actual"/> (null = JSON <c>null</c>) with a recorded fixture.</summary>
    /// <param name="fixtureRelativePath">Path under <c>shared/reference/fixtures</c>, e.g. <c>go-jira/agile-boards-get.json</c>.</param>
    /// <param name="actual">The body to check.</param>
    /// <param name="ignoredPaths">JSONPaths to skip, with their subtrees: exact (<c>$.values[0].name</c>) or with
    /// <c>[*]</c> for any index (<c>$.values[*].location</c>); the leading <c>$.</c> may be omitted.</param>
    /// <returns>Human-readable mismatches; empty when the shapes agree.</returns>
    public static IReadOnlyList<string> Check(string fixtureRelativePath, JsonNode? actual, IEnumerable<string>? ignoredPaths = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fixtureRelativePath);
        var shape = Get(fixtureRelativePath).Shape;
        return CompareShape(shape, JsonElement.Parse(actual?.ToJsonString() ?? "null"), ignoredPaths, fixtureRelativePath);
    }

    /// <summary>The parsed fixture (cached, shared, read-only).</summary>
    public static JsonDocument Load(string fixtureRelativePath) => Get(fixtureRelativePath).Document;

    /// <summary>The comparison itself, for callers that hold the expected shape in memory.</summary>
    /// <param name="expected">The reference body.</param>
    /// <param name="actual">The body to check.</param>
    /// <param name="ignoredPaths">See <see cref="Check"/>.</param>
    /// <param name="source">Name of the reference used in messages.</param>
    public static IReadOnlyList<string> Compare(
        JsonElement expected, JsonElement actual, IEnumerable<string>? ignoredPaths = null, string source = "fixture") =>
        CompareShape(Shape.Of(expected), actual, ignoredPaths, source);

    private static IReadOnlyList<string> CompareShape(Shape shape, JsonElement actual, IEnumerable<string>? ignoredPaths, string source)
    {
        var ignored = (ignoredPaths ?? []).Select(IgnoreRule.Parse).ToList();
        var errors = new List<string>();
        if (shape.Kinds.Count > 0)
        {
            Walk(shape, actual, "$", ignored, errors, source);
        }

        return errors;
    }

    private static (JsonDocument Document, Shape Shape) Get(string fixtureRelativePath) =>
        Fixtures.GetOrAdd(
                fixtureRelativePath,
                static path => new Lazy<(JsonDocument, Shape)>(
                    () =>
                    {
                        var document = JsonDocument.Parse(File.ReadAllText(SharedReference.File("fixtures/" + path)));
                        return (document, Shape.Of(document.RootElement));
                    },
                    LazyThreadSafetyMode.ExecutionAndPublication))
            .Value;

    private static void Walk(Shape expected, JsonElement actual, string path, List<IgnoreRule> ignored, List<string> errors, string source)
    {
        if (ignored.Any(rule => rule.Matches(path)))
        {
            return;
        }

        var actualKind = KindOf(actual);
        if (!expected.Kinds.Contains(actualKind))
        {
            errors.Add($"{path}: expected {string.Join(" or ", expected.Kinds)} (as in {source}: {Preview(expected.Sample)}), " +
                       $"got {actualKind} {Preview(actual)}");
            return;
        }

        if (actual.ValueKind == JsonValueKind.Object)
        {
            foreach (var (name, property) in expected.Properties)
            {
                var childPath = path + Member(name);
                var present = actual.TryGetProperty(name, out var value);
                var required = property.Occurrences == expected.ObjectSamples;
                if (present && (required || value.ValueKind != JsonValueKind.Null))
                {
                    Walk(property, value, childPath, ignored, errors, source);
                }
                else if (!present && required && !ignored.Any(rule => rule.Matches(childPath)))
                {
                    errors.Add($"{childPath}: missing (in {source} it is {string.Join(" or ", property.Kinds)} {Preview(property.Sample)})");
                }
            }
        }
        else if (actual.ValueKind == JsonValueKind.Array && expected.Element is { } element)
        {
            var index = 0;
            foreach (var item in actual.EnumerateArray())
            {
                Walk(element, item, path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", ignored, errors, source);
                index++;
            }
        }
    }

    private static string KindOf(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "undefined",
    };

    private static string Preview(JsonElement element)
    {
        var text = element.ValueKind switch
        {
            JsonValueKind.Object => "{…}",
            JsonValueKind.Array => $"[{element.GetArrayLength().ToString(CultureInfo.InvariantCulture)} item(s)]",
            JsonValueKind.Undefined => "",
            _ => element.GetRawText(),
        };
        return text.Length > 60 ? text[..57] + "…" : text;
    }

    private static string Member(string name) =>
        SimpleName().IsMatch(name) ? "." + name : "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SimpleName();

    /// <summary>
    /// The merged shape of one or more sample values: the non-null kinds seen, and for objects how often each
    /// property held a non-null value; built once per fixture and read-only afterwards.
    /// </summary>
    private sealed class Shape
    {
        public SortedSet<string> Kinds { get; } = new(StringComparer.Ordinal);

        public JsonElement Sample { get; private set; }

        /// <summary>Number of samples in which the value was a non-null (for properties: present and non-null).</summary>
        public int Occurrences { get; private set; }

        public int ObjectSamples { get; private set; }

        public OrderedDictionary<string, Shape> Properties { get; } = new(StringComparer.Ordinal);

        public Shape? Element { get; private set; }

        public static Shape Of(JsonElement root)
        {
            var shape = new Shape();
            shape.Add(root);
            return shape;
        }

        private void Add(JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                return;
            }

            Occurrences++;
            if (Kinds.Add(KindOf(value)) && Kinds.Count == 1)
            {
                Sample = value;
            }

            if (value.ValueKind == JsonValueKind.Object)
            {
                ObjectSamples++;
                foreach (var property in value.EnumerateObject())
                {
                    if (!Properties.TryGetValue(property.Name, out var child))
                    {
                        child = new Shape();
                        Properties.Add(property.Name, child);
                    }

                    child.Add(property.Value);
                }
            }
            else if (value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in value.EnumerateArray())
                {
                    Element ??= new Shape();
                    Element.Add(item);
                }
            }
        }
    }

    /// <summary>An ignore entry: an exact JSONPath in which <c>[*]</c> stands for any array index.</summary>
    private sealed class IgnoreRule
    {
        private readonly Regex _pattern;

        private IgnoreRule(Regex pattern) => _pattern = pattern;

        public static IgnoreRule Parse(string raw)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(raw);
            var path = raw.StartsWith('$') ? raw : raw.StartsWith('[') ? "$" + raw : "$." + raw;
            var pattern = "^" + Regex.Escape(path).Replace(@"\[\*]", @"\[[0-9]+]", StringComparison.Ordinal) + "$";
            return new IgnoreRule(new Regex(pattern, RegexOptions.CultureInvariant));
        }

        public bool Matches(string path) => _pattern.IsMatch(path);
    }
}
