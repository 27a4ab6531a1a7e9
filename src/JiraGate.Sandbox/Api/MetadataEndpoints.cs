namespace JiraGate.Sandbox.Api;

/// <summary>Routes of the Metadata family (filled in by its owner).</summary>
internal static class MetadataEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiVersionContext api)
    {
        _ = app;
        _ = api;
    }
}
