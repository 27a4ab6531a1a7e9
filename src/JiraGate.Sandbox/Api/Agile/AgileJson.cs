using System.Buffers;
using System.Text.Json;
using JiraGate.Sandbox.Http;

namespace JiraGate.Sandbox.Api.Agile;

/// <summary>Renders a JSON body immediately, while the caller still holds the site's read lock.</summary>
internal static class AgileJson
{
    /// <summary>
    /// JiraResults.Json writes when the result executes, after <c>site.Read</c> has returned; bodies that read
    /// the site must be rendered inside the lock, so a concurrent write never tears them.
    /// </summary>
    public static IResult Now(Action<Utf8JsonWriter> write, int status = StatusCodes.Status200OK)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }
        var body = buffer.WrittenMemory;
        return JiraResults.Json(w => w.WriteRawValue(body.Span, skipInputValidation: true), status);
    }
}
