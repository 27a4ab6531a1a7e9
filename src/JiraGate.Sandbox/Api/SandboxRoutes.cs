using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Api;

/// <summary>Maps every route of the sandbox for its flavour.</summary>
internal static class SandboxRoutes
{
    public static void Map(WebApplication app, SandboxFlavor flavor, SandboxOptions options)
    {
        // Cloud serves v3 (ADF) and v2 (wiki); Data Center serves v2 only.
        int[] versions = flavor == SandboxFlavor.Cloud ? [3, 2] : [2];
        foreach (var version in versions)
        {
            var api = new ApiVersionContext(version, flavor, options);
            IssueEndpoints.Map(app, api);
            SearchEndpoints.Map(app, api);
            CommentEndpoints.Map(app, api);
            WorklogEndpoints.Map(app, api);
            AttachmentEndpoints.Map(app, api);
            ProjectEndpoints.Map(app, api);
            UserEndpoints.Map(app, api);
            MetadataEndpoints.Map(app, api);
            WebhookEndpoints.Map(app, api);
        }
        var once = new ApiVersionContext(0, flavor, options);
        AgileEndpoints.Map(app, once);
        OAuthEndpoints.Map(app, once);
        if (options.EnableControlApi)
        {
            ControlEndpoints.Map(app, once);
        }
        // "{**path}" also catches paths that look like file names (board/42.json, ..%2F), which the default skips.
        app.MapFallback("{**path}", context => JiraResults.WriteErrorAsync(context, StatusCodes.Status404NotFound,
            $"null for uri: {context.Request.Path}"));
    }
}
