namespace JiraGate.Sandbox.Api;

/// <summary>Routes of the Worklog family (filled in by its owner).</summary>
internal static class WorklogEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiVersionContext api)
    {
        _ = app;
        _ = api;
    }
}
