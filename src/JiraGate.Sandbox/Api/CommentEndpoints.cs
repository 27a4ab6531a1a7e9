namespace JiraGate.Sandbox.Api;

/// <summary>Routes of the Comment family (filled in by its owner).</summary>
internal static class CommentEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiVersionContext api)
    {
        _ = app;
        _ = api;
    }
}
