namespace JiraGate.Sandbox.Api;

/// <summary>Routes of the Search family (filled in by its owner).</summary>
internal static class SearchEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiVersionContext api)
    {
        _ = app;
        _ = api;
    }
}
