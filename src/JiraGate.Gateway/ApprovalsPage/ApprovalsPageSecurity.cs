using Microsoft.AspNetCore.Http;

namespace JiraGate.Gateway.ApprovalsPage;

/// <summary>Response headers every page carries, and the embedded stylesheet.</summary>
internal static class ApprovalsPageSecurity
{
    // No script at all, styles from this page only, forms post only here, never framed.
    private const string Csp = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static readonly byte[] Css = System.Text.Encoding.UTF8.GetBytes(ApprovalsStylesheet.Css);

    public static void AddHeaders(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = Csp;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
    }

    public static IResult Stylesheet(HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Bytes(Css, "text/css; charset=utf-8");
    }
}
