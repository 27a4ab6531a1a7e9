using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace JiraGate.Sandbox.Tests.Infrastructure;

/// <summary>Small helpers for calling the sandbox and reading Jira-shaped answers.</summary>
public static class HttpAssertions
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static StringContent JsonBody(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    public static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Asserts the status and returns the parsed body (null for an empty body).</summary>
    public static async Task<JsonNode?> ExpectAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status,
            $"Expected {(int)status} {status} but got {(int)response.StatusCode} {response.StatusCode}: {text}");
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    /// <summary>Asserts a Jira ErrorCollection with the status and a message containing <paramref name="fragment"/>.</summary>
    public static async Task<JsonNode> ExpectErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string? fragment = null)
    {
        var body = await response.ExpectAsync(status);
        Assert.NotNull(body);
        Assert.IsType<JsonArray>(body!["errorMessages"]);
        Assert.IsType<JsonObject>(body["errors"]);
        if (fragment is not null)
        {
            // Compare against the unescaped texts (ToJsonString would escape quotes and apostrophes).
            var texts = body["errorMessages"]!.AsArray().Select(m => m!.GetValue<string>())
                .Concat(body["errors"]!.AsObject().Select(e => e.Key + ": " + e.Value!.GetValue<string>()))
                .ToList();
            Assert.True(texts.Any(t => t.Contains(fragment, StringComparison.Ordinal)),
                $"Expected '{fragment}' in: {string.Join(" | ", texts)}");
        }
        return body;
    }
}
