namespace JiraGate.Sandbox.Api;

/// <summary>Routes of the Control family (filled in by its owner).</summary>
internal static class ControlEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiVersionContext api)
    {
        _ = app;
        _ = api;
    }
}
