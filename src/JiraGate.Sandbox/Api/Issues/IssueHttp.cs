using System.Text.Json;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.Issues;

/// <summary>Request plumbing shared by the issue handlers.</summary>
internal static class IssueHttp
{
    // Jira writes text as is ("Won't Do"), not with the HTML-safe \u0027 escapes of the default encoder.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Renders a JSON body now, while the caller still holds the site lock, and returns it as a result.
    /// (<see cref="JiraResults.Json(Action{Utf8JsonWriter}, int)"/> renders later, outside any lock.)
    /// </summary>
    public static IResult Rendered(Action<Utf8JsonWriter> write, int status = StatusCodes.Status200OK)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }
        var bytes = buffer.WrittenSpan.ToArray();
        return new BytesResult(bytes, status);
    }

    /// <summary>Renders into a node (for responses assembled from several writers).</summary>
    public static JsonNode RenderNode(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }
        return JsonNode.Parse(buffer.WrittenSpan)!;
    }

    public static IResult Error(OperationOutcome outcome) =>
        outcome.Errors.Count > 0
            ? JiraResults.FieldErrors(outcome.Status, outcome.Errors, [.. outcome.ErrorMessages])
            : JiraResults.Error(outcome.Status, [.. outcome.ErrorMessages]);

    public static IResult Result(OperationOutcome outcome) => outcome.Succeeded ? JiraResults.NoContent() : Error(outcome);

    /// <summary>The issue behind a path identifier if the caller may browse it; null means Jira's 404 (absent or hidden).</summary>
    public static Issue? FindBrowsable(Site site, User? user, string idOrKey) =>
        RequestReading.IsIssueIdOrKey(idOrKey) && site.TryGetIssue(idOrKey, out var issue) && PermissionService.CanBrowse(site, user, issue)
            ? issue
            : null;

    public static RenderContext Render(HttpContext http, Site site, ApiVersionContext api) => RenderContext.For(http, site, api.Version);

    /// <summary>Cloud's override flags are for Connect/Forge apps acting with Administer Jira only.</summary>
    public static bool MayOverride(Site site, Caller caller) => caller.IsApp && PermissionService.IsAdmin(site, caller.User);

    /// <summary>
    /// Resolves the <c>properties</c> parameter: <c>*all</c>, keys, and <c>-key</c> exclusions; null when none asked.
    /// </summary>
    public static List<string>? PropertyKeys(Issue issue, IReadOnlyCollection<string> requested)
    {
        if (requested.Count == 0)
        {
            return null;
        }
        var all = requested.Contains("*all");
        var excluded = requested.Where(k => k.StartsWith('-')).Select(k => k[1..]).ToHashSet(StringComparer.Ordinal);
        var keys = all ? issue.Properties.Keys : requested.Where(k => !k.StartsWith('-') && k != "*all");
        return [.. keys.Where(k => !excluded.Contains(k))];
    }

    private sealed class BytesResult(byte[] body, int status) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = "application/json;charset=UTF-8";
            httpContext.Response.ContentLength = body.Length;
            await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted);
        }
    }
}
