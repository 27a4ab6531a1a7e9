using System.Buffers;
using System.Globalization;
using System.Text.Json;
using JiraGate.Gateway.Problems;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace JiraGate.Gateway.AgentApi;

/// <summary>
/// Reads an operation call's body: at most the operation's size limit, JSON content only, one JSON object. Everything
/// else is answered here as problem+json (413, 415, 400 <c>invalid_input</c>) and never reaches the pipeline.
/// An empty body means no arguments (<c>{}</c>).
/// </summary>
internal static class ArgumentsBodyReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };
    private static readonly JsonElement Empty = JsonDocument.Parse("{}").RootElement.Clone();

    /// <summary>The arguments, or the problem to answer with.</summary>
    public static async Task<(JsonElement Arguments, ProblemResult? Problem)> ReadAsync(HttpContext context, string operation, long maxBytes)
    {
        var request = context.Request;
        var instance = request.Path.Value;
        if (request.ContentLength == 0 || context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            return (Empty, null);
        }
        if (!request.HasJsonContentType())
        {
            return (default, Problem(415, $"The body must be JSON: send 'Content-Type: application/json' (got '{request.ContentType ?? "none"}').", instance));
        }
        if (request.ContentLength > maxBytes)
        {
            return (default, TooLarge(operation, maxBytes, instance));
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit
            && (limit.MaxRequestBodySize is null || limit.MaxRequestBodySize < maxBytes + 1))
        {
            // Let the server read one byte past our cap so the cap, not the server's default, decides.
            limit.MaxRequestBodySize = maxBytes + 1;
        }

        var buffer = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (true)
            {
                var memory = buffer.GetMemory(4096);
                var read = await request.Body.ReadAsync(memory, context.RequestAborted);
                if (read == 0)
                {
                    break;
                }
                buffer.Advance(read);
                if (buffer.WrittenCount > maxBytes)
                {
                    return (default, TooLarge(operation, maxBytes, instance));
                }
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (default, TooLarge(operation, maxBytes, instance));
        }

        if (buffer.WrittenCount == 0)
        {
            return (Empty, null);
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(buffer.WrittenMemory, DocumentOptions);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line
                ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, byte {e.BytePositionInLine + 1}")
                : "";
            return (default, Problem(400, $"The body is not valid JSON{where}. Send the arguments as one JSON object.", instance));
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            var kind = root.ValueKind.ToString().ToLowerInvariant();
            return (default, new ProblemResult(new Problem
            {
                Code = OperationErrorCodes.InvalidInput,
                Status = 400,
                Detail = $"The arguments must be a JSON object, not {kind}.",
                Instance = instance,
                Operation = operation,
                Errors = [new ArgumentError { Argument = "", Keyword = "type", Message = $"arguments must be a JSON object, not {kind}" }],
            }));
        }
        return (root, null);
    }

    private static ProblemResult TooLarge(string operation, long maxBytes, string? instance) =>
        Problem(413, string.Create(CultureInfo.InvariantCulture,
            $"The body is larger than the {maxBytes} bytes allowed for {operation}."), instance);

    private static ProblemResult Problem(int status, string detail, string? instance) =>
        ProblemResult.Create(OperationErrorCodes.InvalidInput, detail, status, instance);
}
