using System.Text.Json;
using JiraGate.Sandbox.Api.SiteDirectory;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;

namespace JiraGate.Sandbox.Api;

/// <summary>
/// Site metadata: /serverInfo (anonymous too), /mypermissions, /field and /field/search, and (in Directory/)
/// priorities, statuses, issue types, resolutions and status categories.
/// </summary>
internal static class MetadataEndpoints
{
    private const string CloudVersion = "1001.0.0-SNAPSHOT";
    private const string CloudScm = "32b43b28d3f0c3ee7f2535b395e90b205ac3bc6f";
    private const string DataCenterVersion = "10.3.24";
    private const int DataCenterBuild = 10030024;
    private static readonly DateTimeOffset BuildDate = new(2026, 6, 10, 0, 0, 0, TimeSpan.Zero);

    public static void Map(IEndpointRouteBuilder app, ApiVersionContext api)
    {
        app.MapGet(api.Prefix + "/serverInfo", (HttpContext http, Site site) => ServerInfo(http, site, api));
        app.MapGet(api.Prefix + "/mypermissions", (HttpContext http, Site site) => MyPermissionsEndpoint.Handle(http, site, api));
        app.MapGet(api.Prefix + "/field", (HttpContext http, Site site) => Fields(http, site, api));
        if (api.IsCloud)
        {
            app.MapGet(api.Prefix + "/field/search", (HttpContext http, Site site) => FieldSearch(http, site, api));
        }
        ConstantEndpoints.Map(app, api);
        StatusEndpoints.Map(app, api);
    }

    /// <summary>Cloud reports deploymentType "Cloud" and the 1001.0.0-SNAPSHOT version; Data Center reports "Server", as it does.</summary>
    private static IResult ServerInfo(HttpContext http, Site site, ApiVersionContext api)
    {
        var rc = RenderContext.For(http, site, api.Version);
        var now = site.Now;
        return JiraResults.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("baseUrl", rc.BaseUrl);
            if (api.IsCloud)
            {
                w.WriteString("displayUrl", rc.BaseUrl);
            }
            w.WriteString("version", api.IsCloud ? CloudVersion : DataCenterVersion);
            w.WriteStartArray("versionNumbers");
            foreach (var n in api.IsCloud ? [1001, 0, 0] : (int[])[10, 3, 24])
            {
                w.WriteNumberValue(n);
            }
            w.WriteEndArray();
            w.WriteString("deploymentType", api.IsCloud ? "Cloud" : "Server");
            w.WriteNumber("buildNumber", api.IsCloud ? 100287 : DataCenterBuild);
            w.WriteString("buildDate", JiraDates.Format(BuildDate));
            if (!api.IsCloud)
            {
                w.WriteNumber("databaseBuildNumber", DataCenterBuild);
            }
            w.WriteString("serverTime", JiraDates.Format(now));
            w.WriteString("scmInfo", api.IsCloud ? CloudScm : "d0a8f2b6c7e3a1f4b5c9d8e7f6a5b4c3d2e1f0a9");
            w.WriteString("serverTitle", "Jira");
            w.WriteEndObject();
        });
    }

    private static IResult Fields(HttpContext http, Site site, ApiVersionContext api) => site.Read(s =>
    {
        var rc = RenderContext.For(http, s, api.Version);
        var fields = FieldCatalog.All(s).ToList();
        return JiraResults.Json(w =>
        {
            w.WriteStartArray();
            foreach (var field in fields)
            {
                WriteFieldDetails(w, rc, field);
            }
            w.WriteEndArray();
        });
    });

    private static IResult FieldSearch(HttpContext http, Site site, ApiVersionContext api)
    {
        var request = http.Request;
        var page = PageRequest.Read(request, 50, 1000);
        if (!page.IsOk)
        {
            return page.Error!;
        }
        var types = RequestReading.QueryList(request, "type");
        if (types.FirstOrDefault(t => t is not ("custom" or "system")) is { } badType)
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, $"Invalid type '{badType}'. Valid values are: custom, system.");
        }
        var order = OrderBy.Read(request, "name", "contextsCount", "lastUsed", "name", "screensCount", "projectsCount");
        if (!order.IsOk)
        {
            return order.Error!;
        }
        var ids = RequestReading.QueryList(request, "id").ToHashSet(StringComparer.OrdinalIgnoreCase);
        var query = request.Query["query"].ToString();
        return site.Read(s =>
        {
            var rc = RenderContext.For(http, s, api.Version);
            var matching = FieldCatalog.All(s).Where(f =>
                (types.Count == 0 || types.Contains(f.Custom ? "custom" : "system"))
                && (ids.Count == 0 || ids.Contains(f.Id))
                && (query.Length == 0 || f.Name.Contains(query, StringComparison.OrdinalIgnoreCase)
                    || DescriptionOf(s, f).Contains(query, StringComparison.OrdinalIgnoreCase)));
            // The site keeps no usage statistics: every order other than name falls back to it.
            var sorted = order.Value.Apply(matching, f => f.Name, StringComparer.OrdinalIgnoreCase).ToList();
            return Paging.PageBean(request, rc, page.Value, sorted, (w, f) =>
            {
                w.WriteStartObject();
                w.WriteString("id", f.Id);
                w.WriteString("key", f.Id);
                w.WriteString("name", f.Name);
                WriteSchema(w, f);
                var description = DescriptionOf(s, f);
                if (description.Length > 0)
                {
                    w.WriteString("description", description);
                }
                w.WriteBoolean("isLocked", false);
                w.WriteEndObject();
            });
        });
    }

    private static string DescriptionOf(Site site, FieldInfo field) =>
        field.Custom ? site.CustomField(field.Id)?.Description ?? "" : "";

    /// <summary>FieldDetails (Cloud) / FieldBean (Data Center, which has no <c>key</c>).</summary>
    private static void WriteFieldDetails(Utf8JsonWriter w, RenderContext rc, FieldInfo field)
    {
        w.WriteStartObject();
        w.WriteString("id", field.Id);
        if (!rc.IsDataCenter)
        {
            w.WriteString("key", field.Id);
        }
        w.WriteString("name", field.Name);
        w.WriteBoolean("custom", field.Custom);
        w.WriteBoolean("orderable", field.Orderable);
        w.WriteBoolean("navigable", field.Navigable);
        w.WriteBoolean("searchable", field.Searchable);
        w.WriteStartArray("clauseNames");
        foreach (var clause in field.ClauseNames)
        {
            w.WriteStringValue(clause);
        }
        w.WriteEndArray();
        WriteSchema(w, field);
        w.WriteEndObject();
    }

    private static void WriteSchema(Utf8JsonWriter w, FieldInfo field)
    {
        w.WriteStartObject("schema");
        w.WriteString("type", field.SchemaType);
        if (field.SchemaItems is { } items)
        {
            w.WriteString("items", items);
        }
        if (field.Custom)
        {
            w.WriteString("custom", field.SystemOrCustom);
            if (field.CustomId is { } customId)
            {
                w.WriteNumber("customId", customId);
            }
        }
        else
        {
            w.WriteString("system", field.SystemOrCustom);
        }
        w.WriteEndObject();
    }
}
