namespace JiraGate.Sandbox.Api;

/// <summary>Routes of the OAuth family (filled in by its owner).</summary>
internal static class OAuthEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiVersionContext api)
    {
        _ = app;
        _ = api;
    }
}
