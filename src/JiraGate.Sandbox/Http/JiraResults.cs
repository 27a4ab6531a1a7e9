using System.Text.Json;
using System.Text.Json.Nodes;

namespace JiraGate.Sandbox.Http;

/// <summary>Responses shaped as Jira shapes them: JSON bodies and ErrorCollection errors.</summary>
internal static class JiraResults
{
    // Jira writes characters such as ' and < unescaped; the default encoder would turn them into \u0027.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// A JSON response rendered at once into a buffer: called inside <c>site.Read</c>/<c>Write</c>, the
    /// rendering sees one consistent state, and a rendering fault becomes a clean 500, never a torn body.
    /// </summary>
    public static IResult Json(Action<Utf8JsonWriter> write, int status = StatusCodes.Status200OK)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }
        return new BufferResult(status, buffer.WrittenMemory);
    }

    public static IResult Json(JsonNode node, int status = StatusCodes.Status200OK) => Json(w => node.WriteTo(w), status);

    public static IResult NoContent() => Results.StatusCode(StatusCodes.Status204NoContent);

    /// <summary>Jira's ErrorCollection: <c>{"errorMessages":[…],"errors":{}}</c>.</summary>
    public static IResult Error(int status, params string[] errorMessages) =>
        Json(w => WriteErrorCollection(w, errorMessages, null, null), status);

    /// <summary>Jira's ErrorCollection with field errors: <c>{"errorMessages":[],"errors":{"field":"…"}}</c>.</summary>
    public static IResult FieldErrors(int status, IReadOnlyDictionary<string, string> errors, params string[] errorMessages) =>
        Json(w => WriteErrorCollection(w, errorMessages, errors, null), status);

    public static IResult Unauthorized() =>
        Error(StatusCodes.Status401Unauthorized, "Client must be authenticated to access this resource.");

    public static IResult IssueNotFound() =>
        Error(StatusCodes.Status404NotFound, "Issue does not exist or you do not have permission to see it.");

    public static void WriteErrorCollection(Utf8JsonWriter w, IEnumerable<string> errorMessages,
        IReadOnlyDictionary<string, string>? errors, int? status)
    {
        w.WriteStartObject();
        w.WriteStartArray("errorMessages");
        foreach (var m in errorMessages)
        {
            w.WriteStringValue(m);
        }
        w.WriteEndArray();
        w.WriteStartObject("errors");
        if (errors is not null)
        {
            foreach (var (field, message) in errors)
            {
                w.WriteString(field, message);
            }
        }
        w.WriteEndObject();
        if (status is not null)
        {
            w.WriteNumber("status", status.Value);
        }
        w.WriteEndObject();
    }

    /// <summary>Writes an error collection directly (middleware, where no IResult pipeline runs).</summary>
    public static async Task WriteErrorAsync(HttpContext context, int status, string message, IReadOnlyDictionary<string, string>? headers = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=UTF-8";
        if (headers is not null)
        {
            foreach (var (k, v) in headers)
            {
                context.Response.Headers[k] = v;
            }
        }
        await using var writer = new Utf8JsonWriter(context.Response.Body, WriterOptions);
        WriteErrorCollection(writer, [message], null, status == StatusCodes.Status429TooManyRequests ? status : null);
        await writer.FlushAsync(context.RequestAborted);
    }

    private sealed class BufferResult(int status, ReadOnlyMemory<byte> body) : IResult
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
