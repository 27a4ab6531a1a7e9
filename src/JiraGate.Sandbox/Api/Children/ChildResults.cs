using System.Text.Json;

namespace JiraGate.Sandbox.Api.Children;

/// <summary>
/// JSON rendered on the spot: child routes render inside the site lock, so the response never reads
/// entities another request is changing (JiraResults.Json renders later, when the result executes).
/// </summary>
internal static class ChildResults
{
    public const string JsonContentType = "application/json;charset=UTF-8";

    public static IResult Json(Action<Utf8JsonWriter> write, int status = StatusCodes.Status200OK)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }
        return new RenderedJson(buffer.WrittenSpan.ToArray(), status);
    }

    private sealed class RenderedJson(byte[] body, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = JsonContentType;
            httpContext.Response.ContentLength = body.Length;
            return httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
        }
    }
}
