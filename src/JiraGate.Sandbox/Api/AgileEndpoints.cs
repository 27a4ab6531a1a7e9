namespace JiraGate.Sandbox.Api;

/// <summary>Routes of the Agile family (filled in by its owner).</summary>
internal static class AgileEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiVersionContext api)
    {
        _ = app;
        _ = api;
    }
}
