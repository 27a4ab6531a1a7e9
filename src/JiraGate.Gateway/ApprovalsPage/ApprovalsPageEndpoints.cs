using JiraGate.Gateway.ApprovalsPage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the approvals page.</summary>
public static class ApprovalsPageEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the approvals page under <c>/approvals</c>: <c>GET /approvals</c> (queue and history), <c>GET /approvals/{id}</c>
    /// (one request with its preview), <c>POST /approvals/{id}/approve</c> and <c>/deny</c>, <c>GET|POST /approvals/sign-in</c>,
    /// <c>POST /approvals/sign-out</c> and <c>GET /approvals/assets/approvals.css</c>. Needs
    /// <see cref="ApprovalsPageServiceCollectionExtensions.AddJiraGateApprovalsPage"/>; it checks its own session cookie and
    /// antiforgery tokens, so no authentication or antiforgery middleware is required.
    /// </summary>
    /// <returns>The route group, for further conventions.</returns>
    public static RouteGroupBuilder MapJiraGateApprovalsPage(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(ApprovalsPageDefaults.Path);
        group.ExcludeFromDescription();
        group.AddEndpointFilter(static async (context, next) =>
        {
            ApprovalsPageSecurity.AddHeaders(context.HttpContext.Response);
            return await next(context);
        });

        static ApprovalsPageHandlers Handlers(HttpContext c) => c.RequestServices.GetRequiredService<ApprovalsPageHandlers>();
        // Lambdas with an explicit return type bind to MapGet(Delegate), not RequestDelegate, so the IResult each returns is
        // written to the response; written inline so the request delegate generator compiles them for Native AOT.
        group.MapGet("", Task<IResult> (HttpContext c) => Handlers(c).ListAsync(c));
        group.MapGet("/sign-in", Task<IResult> (HttpContext c) => Handlers(c).SignInFormAsync(c));
        group.MapPost("/sign-in", Task<IResult> (HttpContext c) => Handlers(c).SignInAsync(c));
        group.MapPost("/sign-out", Task<IResult> (HttpContext c) => Handlers(c).SignOutAsync(c));
        group.MapGet("/assets/approvals.css", ApprovalsPageSecurity.Stylesheet);
        group.MapGet("/{id}", Task<IResult> (HttpContext c, string id) => Handlers(c).DetailAsync(c, id));
        group.MapPost("/{id}/approve", Task<IResult> (HttpContext c, string id) => Handlers(c).ApproveAsync(c, id));
        group.MapPost("/{id}/deny", Task<IResult> (HttpContext c, string id) => Handlers(c).DenyAsync(c, id));
        return group;
    }
}
