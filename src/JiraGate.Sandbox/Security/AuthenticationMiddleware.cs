using System.Text;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Security;

/// <summary>
/// Authenticates every REST call as Jira does: Basic email:api-token (Cloud), Basic username:password
/// and Bearer PAT (Data Center), Bearer OAuth access tokens through /ex/jira/{cloudId} (Cloud).
/// Missing or wrong credentials get Jira's 401. The gateway prefix is stripped into PathBase.
/// </summary>
internal sealed class AuthenticationMiddleware(RequestDelegate next, Site site, OAuthServer oauth)
{
    private const string GatewayPrefix = "/ex/jira/";

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var viaGateway = false;
        if (path.StartsWith(GatewayPrefix, StringComparison.Ordinal))
        {
            var rest = path[GatewayPrefix.Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var cloudId = slash < 0 ? rest : rest[..slash];
            if (site.Flavor != SandboxFlavor.Cloud || !string.Equals(cloudId, site.Read(s => s.Data.CloudId), StringComparison.Ordinal))
            {
                await JiraResults.WriteErrorAsync(context, StatusCodes.Status404NotFound, "Site not found for cloudId '" + cloudId + "'.");
                return;
            }
            context.Request.PathBase = context.Request.PathBase.Add(GatewayPrefix + cloudId);
            context.Request.Path = slash < 0 ? "/" : rest[slash..];
            viaGateway = true;
        }
        if (!RequiresAuthentication(context.Request.Path))
        {
            await next(context);
            return;
        }
        var header = context.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            // serverInfo answers anonymous callers, as Jira does.
            if (IsAnonymousAllowed(context.Request.Path))
            {
                await next(context);
                return;
            }
            await Reject(context);
            return;
        }
        var caller = Authenticate(header, viaGateway);
        if (caller is null)
        {
            await Reject(context);
            return;
        }
        context.SetCaller(caller);
        await next(context);
    }

    private Caller? Authenticate(string header, bool viaGateway)
    {
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            }
            catch (FormatException)
            {
                return null;
            }
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return null;
            }
            var login = decoded[..colon];
            var secret = decoded[(colon + 1)..];
            return site.Read(s =>
            {
                if (s.Flavor == SandboxFlavor.DataCenter)
                {
                    var user = s.UserByName(login);
                    return user is { Active: true, Password: not null } && FixedTimeEquals(user.Password, secret)
                        ? new Caller(user, AuthKind.Password)
                        : null;
                }
                // Cloud: email + API token, on the site URL or (scoped tokens) through the gateway.
                var cloudUser = s.UserByEmail(login);
                return cloudUser is { Active: true } && cloudUser.ApiTokens.Any(t => FixedTimeEquals(t, secret))
                    ? new Caller(cloudUser, AuthKind.ApiToken)
                    : null;
            });
        }
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = header[7..].Trim();
            if (site.Flavor == SandboxFlavor.DataCenter)
            {
                return site.Read(s =>
                {
                    var user = s.Data.Users.FirstOrDefault(u => u.Active && u.PersonalAccessTokens.Any(t => FixedTimeEquals(t, token)));
                    return user is null ? null : new Caller(user, AuthKind.PersonalAccessToken);
                });
            }
            // OAuth access tokens are only valid against api.atlassian.com/ex/jira/{cloudId}.
            return viaGateway ? oauth.AuthenticateAccessToken(token) : null;
        }
        return null;
    }

    private static bool FixedTimeEquals(string expected, string actual) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));

    private static bool RequiresAuthentication(PathString path) =>
        path.StartsWithSegments("/rest", StringComparison.Ordinal);

    private static bool IsAnonymousAllowed(PathString path) =>
        path.StartsWithSegments("/rest/api/2/serverInfo", StringComparison.Ordinal)
        || path.StartsWithSegments("/rest/api/3/serverInfo", StringComparison.Ordinal);

    private static Task Reject(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Basic realm=\"protected-area\"";
        return JiraResults.WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "Client must be authenticated to access this resource.");
    }
}
