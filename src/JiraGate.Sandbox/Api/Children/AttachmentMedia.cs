using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Api.Children;

/// <summary>
/// Cloud's attachment download: <c>GET …/attachment/content/{id}</c> answers 303 to a short-lived media URL,
/// as Jira Cloud sends clients to its media service. The sandbox's media URL is <c>/_media/attachment/{id}/{name}</c>
/// with a signed, expiring token, so it works for clients that drop the Authorization header on redirect
/// (as .NET and most HTTP clients do) while granting nothing the authenticated request did not.
/// </summary>
internal static class AttachmentMedia
{
    public const string RoutePrefix = "/_media/attachment";

    /// <summary>How long a media link stays valid.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    // Per process: links from a previous run are rightly dead.
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    public static string Location(HttpRequest request, Site site, Attachment attachment)
    {
        var expires = (site.Now + Lifetime).ToUnixTimeSeconds();
        var token = Sign(site, attachment.Id, expires);
        return Rendering.RenderContext.BaseUrlOf(request)
            + FormattableString.Invariant($"{RoutePrefix}/{attachment.Id}/{Uri.EscapeDataString(attachment.Filename)}?exp={expires}&token={token}");
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(RoutePrefix + "/{id}/{name}", (HttpContext http, Site site, string id) => Serve(http, site, id));

    private static IResult Serve(HttpContext http, Site site, string rawId)
    {
        var query = http.Request.Query;
        if (!ChildAccess.TryChildId(rawId, out var id)
            || !long.TryParse(query["exp"], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(site, id, expires)), Encoding.ASCII.GetBytes(query["token"].ToString())))
        {
            return JiraResults.Error(StatusCodes.Status403Forbidden, "The media link is not valid.");
        }
        return site.Read(s =>
        {
            if (s.Now.ToUnixTimeSeconds() > expires)
            {
                return JiraResults.Error(StatusCodes.Status403Forbidden, "The media link has expired; request the attachment content again.");
            }
            var attachment = s.Issues.SelectMany(i => i.Attachments).FirstOrDefault(a => a.Id == id);
            return attachment is null ? AttachmentAccess.NotFound(rawId) : Download(attachment);
        });
    }

    /// <summary>The bytes with their type and name; Range requests get 206/416 as the spec lists.</summary>
    public static IResult Download(Attachment attachment) =>
        Results.File(attachment.Content, attachment.MimeType, attachment.Filename, enableRangeProcessing: true);

    private static string Sign(Site site, long id, long expires)
    {
        var message = Encoding.UTF8.GetBytes(FormattableString.Invariant($"{site.Read(s => s.Data.CloudId)}|{id}|{expires}"));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Key, message));
    }
}
