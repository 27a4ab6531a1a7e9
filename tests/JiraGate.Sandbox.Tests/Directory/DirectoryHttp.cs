using System.Net;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Tests.Conformance;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;

namespace JiraGate.Sandbox.Tests.SiteDirectory;

/// <summary>Shared helpers of the Directory tests: GET with a status check, and spec validation.</summary>
internal static class DirectoryHttp
{
    public static DemoCredentials.DemoUser User(string name) => name switch
    {
        "ada" => DemoCredentials.Ada,
        "alice" => DemoCredentials.Alice,
        "bob" => DemoCredentials.Bob,
        "carol" => DemoCredentials.Carol,
        "dave" => DemoCredentials.Dave,
        "erin" => DemoCredentials.Erin,
        "frank" => DemoCredentials.Frank,
        "grace" => DemoCredentials.Grace,
        "bot" => DemoCredentials.Bot,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a demo user"),
    };

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string url, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await (await client.GetAsync(url, Ct)).ExpectAsync(status);
        Assert.NotNull(body);
        return body!;
    }

    /// <summary>
    /// Asserts a Jira ErrorCollection whose messages (compared as parsed strings, so JSON escaping of quotes does not
    /// matter) contain <paramref name="fragment"/>.
    /// </summary>
    public static async Task<JsonNode> ExpectJiraErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string? fragment = null)
    {
        var body = await response.ExpectErrorAsync(status);
        if (fragment is not null)
        {
            var messages = body["errorMessages"]!.AsArray().Select(m => m!.GetValue<string>())
                .Concat(body["errors"]!.AsObject().Select(e => e.Value!.GetValue<string>())).ToList();
            Assert.True(messages.Any(m => m.Contains(fragment, StringComparison.Ordinal)),
                $"Expected '{fragment}' in: {string.Join(" | ", messages)}");
        }
        return body;
    }

    public static JsonArray Array(this JsonNode node) => Assert.IsType<JsonArray>(node);

    public static IReadOnlyList<string> Strings(this JsonNode node, string property) =>
        [.. node.Array().Select(n => n![property]!.GetValue<string>())];

    /// <summary>
    /// Validates a body against the spec. Error bodies whose status the spec lists without a schema (or not at all)
    /// are checked against the spec's ErrorCollection component instead.
    /// </summary>
    public static void AssertConforms(SpecKind spec, string template, int status, JsonNode? body)
    {
        var outcome = ResponseSchemaValidator.Validate(spec, "GET", template, status, body);
        if (outcome.IsValid)
        {
            return;
        }
        if (status >= 400 && outcome.Status is ValidationStatus.NoSchema or ValidationStatus.NotInSpec)
        {
            var error = ResponseSchemaValidator.ValidateComponent(spec, "ErrorCollection", body);
            Assert.True(error.IsValid, outcome + Environment.NewLine + error);
            return;
        }
        Assert.Fail(outcome.ToString());
    }
}
