namespace JiraGate.Sandbox.Api;

/// <summary>Routes of the User family (filled in by its owner).</summary>
internal static class UserEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiVersionContext api)
    {
        _ = app;
        _ = api;
    }
}
