using System.Text.Json;
using JiraGate.Sandbox.Api.Search;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Jql;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;

namespace JiraGate.Sandbox.Api;

/// <summary>
/// Search as Jira serves it today. Cloud: GET/POST /search/jql (nextPageToken, no total; fields default
/// to id only; unbounded JQL refused) and POST /search/approximate-count; the old /search answers 410 Gone.
/// Data Center: GET/POST /rest/api/2/search with startAt/maxResults/total.
/// </summary>
internal static class SearchEndpoints
{
    /// <summary>Jira's 410 body for the removed search API (CHANGE-2046).</summary>
    public const string RemovedMessage =
        "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046";

    public const string UnboundedMessage =
        "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.";

    private const int TokenPageDefault = 50, TokenPageCapIds = 5000, TokenPageCapFields = 100;
    private const int OffsetPageDefault = 50, OffsetPageCap = 1000;

    public static void Map(IEndpointRouteBuilder app, ApiVersionContext api)
    {
        var p = api.Prefix;
        if (api.IsCloud)
        {
            app.MapGet(p + "/search/jql", (HttpContext http, Site site) => Token(http, site, api, SearchRequest.FromQuery(http.Request)));
            app.MapPost(p + "/search/jql", async (HttpContext http, Site site) => Token(http, site, api, await FromBodyAsync(http)));
            app.MapPost(p + "/search/approximate-count", ApproximateCountAsync);
            app.MapMethods(p + "/search", ["GET", "POST"], () => JiraResults.Error(StatusCodes.Status410Gone, RemovedMessage));
        }
        else
        {
            app.MapGet(p + "/search", (HttpContext http, Site site) => Offset(http, site, api, SearchRequest.FromQuery(http.Request)));
            app.MapPost(p + "/search", async (HttpContext http, Site site) => Offset(http, site, api, await FromBodyAsync(http)));
        }
    }

    private static async Task<Parsed<SearchRequest>> FromBodyAsync(HttpContext http)
    {
        var body = await RequestReading.ReadJsonObjectAsync(http);
        return body.IsOk ? SearchRequest.FromBody(body.Value!) : Parsed<SearchRequest>.Fail(body.Error!);
    }

    private static IResult Token(HttpContext http, Site site, ApiVersionContext api, Parsed<SearchRequest> parsed)
    {
        if (!parsed.IsOk)
        {
            return parsed.Error!;
        }
        var request = parsed.Value!;
        if (request.Properties.Count > 5)
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, "The number of properties requested exceeds the limit of 5.");
        }
        if (request.ReconcileIssues.Count > 50 || request.ReconcileIssues.Any(id => !long.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out _)))
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, "reconcileIssues takes at most 50 issue ids (numbers).");
        }
        var fields = FieldSelection.Parse(request.Fields, FieldSelection.IdOnly);
        var cap = fields.IsIdOnly ? TokenPageCapIds : TokenPageCapFields;
        // A page of zero would hand back the same token forever: Jira serves at least one issue a page.
        var maxResults = Math.Clamp(request.MaxResults ?? TokenPageDefault, 1, cap);
        var rc = RenderContext.For(http, site, api.Version);
        return site.Read(s =>
        {
            if (!TryRun(s, rc, request.Jql, requireRestriction: true, out var results, out var error))
            {
                return error!;
            }
            var fingerprint = PageToken.Fingerprint("search/jql", request.Jql, rc.Caller.User?.AccountId);
            var offset = PageToken.Read(request.NextPageToken, fingerprint, s.Now);
            if (!offset.IsOk)
            {
                return offset.Error!;
            }
            var page = results.Skip((int)Math.Min(offset.Value, int.MaxValue)).Take(maxResults).ToList();
            var isLast = offset.Value + page.Count >= results.Count;
            var next = isLast ? null : PageToken.Create(fingerprint, offset.Value + page.Count, s.Now);
            return JiraResults.Json(w =>
            {
                w.WriteStartObject();
                WriteIssues(w, rc, page, fields, request);
                if (next is not null)
                {
                    w.WriteString("nextPageToken", next);
                }
                w.WriteBoolean("isLast", isLast);
                WriteNamesAndSchema(w, rc, fields, request.Expand);
                w.WriteEndObject();
            });
        });
    }

    private static IResult Offset(HttpContext http, Site site, ApiVersionContext api, Parsed<SearchRequest> parsed)
    {
        if (!parsed.IsOk)
        {
            return parsed.Error!;
        }
        var request = parsed.Value!;
        var fields = FieldSelection.Parse(request.Fields, FieldSelection.Navigable);
        var startAt = request.StartAt ?? 0;
        // jira.search.views.default.max caps the page; clients must page by the maxResults returned.
        var maxResults = Math.Min(request.MaxResults ?? OffsetPageDefault, OffsetPageCap);
        var rc = RenderContext.For(http, site, api.Version);
        return site.Read(s =>
        {
            if (!TryRun(s, rc, request.Jql, requireRestriction: false, out var results, out var error))
            {
                return error!;
            }
            var page = results.Skip(startAt).Take(maxResults).ToList();
            return JiraResults.Json(w =>
            {
                w.WriteStartObject();
                w.WriteString("expand", "schema,names");
                w.WriteNumber("startAt", startAt);
                w.WriteNumber("maxResults", maxResults);
                w.WriteNumber("total", results.Count);
                WriteIssues(w, rc, page, fields, request);
                WriteNamesAndSchema(w, rc, fields, request.Expand);
                w.WriteEndObject();
            });
        });
    }

    private static async Task<IResult> ApproximateCountAsync(HttpContext http, Site site)
    {
        var body = await RequestReading.ReadJsonObjectAsync(http);
        if (!body.IsOk)
        {
            return body.Error!;
        }
        var jql = RequestReading.String(body.Value!["jql"]) ?? "";
        var rc = RenderContext.For(http, site, 3);
        return site.Read(s =>
        {
            if (!TryRun(s, rc, jql, requireRestriction: true, out var results, out var error))
            {
                return error!;
            }
            return JiraResults.Json(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("count", results.Count);
                w.WriteEndObject();
            });
        });
    }

    private static bool TryRun(Site site, RenderContext rc, string jql, bool requireRestriction, out IReadOnlyList<Issue> results, out IResult? error)
    {
        results = [];
        error = null;
        try
        {
            var query = JqlEngine.Parse(jql);
            if (requireRestriction && !query.HasRestriction)
            {
                error = JiraResults.Error(StatusCodes.Status400BadRequest, UnboundedMessage);
                return false;
            }
            results = SearchExecutor.Run(site, rc.Caller.User, query);
            return true;
        }
        catch (JqlException ex)
        {
            error = JiraResults.Error(StatusCodes.Status400BadRequest, [.. ex.ErrorMessages]);
            return false;
        }
    }

    private static void WriteIssues(Utf8JsonWriter w, RenderContext rc, List<Issue> page, FieldSelection fields, SearchRequest request)
    {
        // names and schema go once at the top level of a search, not into every issue.
        var perIssueExpand = request.Expand.Where(e => e is not ("names" or "schema")).ToList();
        w.WriteStartArray("issues");
        foreach (var issue in page)
        {
            IssueWriter.Write(w, rc, issue, fields, perIssueExpand, request.Properties);
        }
        w.WriteEndArray();
    }

    private static void WriteNamesAndSchema(Utf8JsonWriter w, RenderContext rc, FieldSelection fields, IReadOnlyList<string> expand)
    {
        if (expand.Contains("names"))
        {
            w.WriteStartObject("names");
            foreach (var f in FieldCatalog.All(rc.Site).Where(f => fields.Includes(f.Id)))
            {
                w.WriteString(f.Id, f.Name);
            }
            w.WriteEndObject();
        }
        if (expand.Contains("schema"))
        {
            w.WriteStartObject("schema");
            foreach (var f in FieldCatalog.All(rc.Site).Where(f => fields.Includes(f.Id)))
            {
                w.WritePropertyName(f.Id);
                IssueWriter.WriteSchema(w, f);
            }
            w.WriteEndObject();
        }
    }
}
