namespace JiraGate.Sandbox.Api;

/// <summary>Routes of the Project family (filled in by its owner).</summary>
internal static class ProjectEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiVersionContext api)
    {
        _ = app;
        _ = api;
    }
}
