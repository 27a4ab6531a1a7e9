namespace JiraGate.Sandbox.Api;

/// <summary>Routes of the Issue family (filled in by its owner).</summary>
internal static class IssueEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiVersionContext api)
    {
        _ = app;
        _ = api;
    }
}
