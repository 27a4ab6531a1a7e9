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
        // Typed as Func, not RequestDelegate, so the IResult each returns is written to the response.
        Func<HttpContext, Task<IResult>> list = c => Handlers(c).ListAsync(c);
        Func<HttpContext, Task<IResult>> signInForm = c => Handlers(c).SignInFormAsync(c);
        Func<HttpContext, Task<IResult>> signIn = c => Handlers(c).SignInAsync(c);
        Func<HttpContext, Task<IResult>> signOut = c => Handlers(c).SignOutAsync(c);
        Func<HttpContext, string, Task<IResult>> detail = (c, id) => Handlers(c).DetailAsync(c, id);
        Func<HttpContext, string, Task<IResult>> approve = (c, id) => Handlers(c).ApproveAsync(c, id);
        Func<HttpContext, string, Task<IResult>> deny = (c, id) => Handlers(c).DenyAsync(c, id);
        group.MapGet("", list);
        group.MapGet("/sign-in", signInForm);
        group.MapPost("/sign-in", signIn);
        group.MapPost("/sign-out", signOut);
        group.MapGet("/assets/approvals.css", ApprovalsPageSecurity.Stylesheet);
        group.MapGet("/{id}", detail);
        group.MapPost("/{id}/approve", approve);
        group.MapPost("/{id}/deny", deny);
        return group;
    }
}
