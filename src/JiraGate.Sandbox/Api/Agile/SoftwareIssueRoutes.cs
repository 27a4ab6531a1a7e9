using System.Globalization;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.Agile;

/// <summary>
/// Jira Software Cloud's token-paged issue lists (RFC-127): /rest/software/1.0/board/{id}/backlog,
/// /board/{id}/issue and /sprint/{id}/issue, answering SoftwareIssueResults
/// <c>{expand,issues,nextPageToken?,isLast}</c> with issues in the REST v3 (ADF) representation.
/// </summary>
internal static class SoftwareIssueRoutes
{
    /// <summary>Page cap when only ids/keys are asked for (spec: "It returns max 5000 issues").</summary>
    public const int IdOnlyCap = 5000;

    /// <summary>Page cap with fields, as /search/jql shrinks pages that carry fields.</summary>
    public const int WithFieldsCap = 100;

    /// <summary>reconcileIssues "Accepts max 50 IDs".</summary>
    public const int MaxReconcileIssues = 50;

    public static IResult List(HttpContext http, Site site, AgileListKind kind, long id)
    {
        var query = AgileIssueQuery.Read(http.Request);
        if (!query.IsOk)
        {
            return query.Error!;
        }
        var q = query.Value!;
        var maxResults = AgilePaging.ReadMaxResults(http.Request, q.Fields.IsIdOnly ? IdOnlyCap : WithFieldsCap);
        if (!maxResults.IsOk)
        {
            return maxResults.Error!;
        }
        // A page of zero would hand back the same token forever: serve at least one issue a page, as /search/jql does.
        var pageSize = Math.Max(1, maxResults.Value);
        var reconcile = ReadReconcileIssues(http.Request);
        if (reconcile is not null)
        {
            return reconcile;
        }
        var user = http.Caller().User;
        var token = http.Request.Query["nextPageToken"].ToString();
        var rc = RenderContext.For(http, site, 3);
        return site.Read(s =>
        {
            var scope = AgileIssueScope.Resolve(s, user, kind, id);
            if (!scope.IsOk)
            {
                return scope.Error!;
            }
            var fingerprint = PageToken.Fingerprint(scope.Value!.Fingerprint, q.Jql, user?.AccountId);
            var offset = PageToken.Read(token, fingerprint, s.Now);
            if (!offset.IsOk)
            {
                return offset.Error!;
            }
            var jql = AgileJql.Compile(s, user, q.Jql, q.ValidateQuery);
            if (!jql.IsOk)
            {
                return jql.Error!;
            }
            var issues = scope.Value.Issues(s, user, jql.Value?.Filter, jql.Value?.Order);
            var (items, isLast) = new AgilePage(offset.Value, pageSize).Slice(issues);
            return JiraResults.Json(w =>
            {
                w.WriteStartObject();
                w.WriteString("expand", "names,schema");
                w.WriteStartArray("issues");
                foreach (var issue in items)
                {
                    AgileIssueWriter.Write(w, rc, issue, q.Fields, q.Expand, agileSelf: false);
                }
                w.WriteEndArray();
                if (!isLast)
                {
                    w.WriteString("nextPageToken", PageToken.Create(fingerprint, offset.Value + items.Count, s.Now));
                }
                w.WriteBoolean("isLast", isLast);
                w.WriteEndObject();
            });
        });
    }

    /// <summary>Validates reconcileIssues (int64 ids, at most 50); the sandbox is always consistent, so nothing else is needed.</summary>
    private static IResult? ReadReconcileIssues(HttpRequest request)
    {
        var ids = RequestReading.QueryList(request, "reconcileIssues");
        var bad = ids.FirstOrDefault(i => !long.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out _));
        if (bad is not null)
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest,
                $"The value '{bad}' is not valid for the parameter 'reconcileIssues'; it must be an issue id.");
        }
        return ids.Distinct(StringComparer.Ordinal).Count() > MaxReconcileIssues
            ? JiraResults.Error(StatusCodes.Status400BadRequest,
                $"The 'reconcileIssues' parameter accepts at most {MaxReconcileIssues} issue ids.")
            : null;
    }
}
