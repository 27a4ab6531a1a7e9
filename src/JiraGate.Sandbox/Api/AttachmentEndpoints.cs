namespace JiraGate.Sandbox.Api;

/// <summary>Routes of the Attachment family (filled in by its owner).</summary>
internal static class AttachmentEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiVersionContext api)
    {
        _ = app;
        _ = api;
    }
}
