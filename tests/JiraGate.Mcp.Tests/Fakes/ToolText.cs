using System.Text;
using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace JiraGate.Mcp.Tests.Fakes;

public static class ToolText
{
    public static string Of(CallToolResult result) =>
        string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));

    public static int Bytes(CallToolResult result) => Encoding.UTF8.GetByteCount(Of(result));

    public static JsonElement Json(CallToolResult result)
    {
        using var doc = JsonDocument.Parse(Of(result));
        return doc.RootElement.Clone();
    }

    public static string ErrorCode(CallToolResult result)
    {
        Assert.True(result.IsError, "expected an error result, got: " + Of(result));
        return Json(result).GetProperty("error").GetProperty("code").GetString()!;
    }
}
