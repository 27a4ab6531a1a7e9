using System.Text.Json;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.Issues;

/// <summary>POST /issue/bulk (create up to 50) and POST /issue/bulkfetch (read up to 100).</summary>
internal static class IssueBulkHandlers
{
    public const int MaxBulkCreate = 50;
    public const int MaxBulkFetch = 100;
    public const int MaxBulkFetchProperties = 5;

    /// <summary>
    /// Each element is created independently: 201 with the created issues and per-element errors when any
    /// succeeded, 400 in the same CreatedIssues shape when all failed.
    /// </summary>
    public static async Task<IResult> Create(HttpContext http, Site site, ApiVersionContext api)
    {
        var body = await RequestReading.ReadJsonObjectAsync(http);
        if (!body.IsOk)
        {
            return body.Error!;
        }
        if (body.Value!["issueUpdates"] is not JsonArray updates)
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, "Issue updates must be provided as an 'issueUpdates' array.");
        }
        if (updates.Count > MaxBulkCreate)
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, $"The maximum number of issues that can be created in one request is {MaxBulkCreate}.");
        }
        var caller = http.Caller().User!;
        return site.Write(s =>
        {
            var rc = IssueHttp.Render(http, s, api);
            var created = new List<CreateOutcome>();
            var failed = new List<(int Index, CreateOutcome Outcome)>();
            for (var i = 0; i < updates.Count; i++)
            {
                var outcome = updates[i] is JsonObject element
                    ? IssueCreation.Create(rc, caller, element)
                    : new CreateOutcome(null, ["Each element of 'issueUpdates' must be a JSON object."], new Dictionary<string, string>());
                if (outcome.Succeeded)
                {
                    created.Add(outcome);
                }
                else
                {
                    failed.Add((i, outcome));
                }
            }
            var status = created.Count > 0 || updates.Count == 0 ? StatusCodes.Status201Created : StatusCodes.Status400BadRequest;
            return IssueHttp.Rendered(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("issues");
                foreach (var outcome in created)
                {
                    IssueCrudHandlers.WriteCreated(w, rc, outcome);
                }
                w.WriteEndArray();
                w.WriteStartArray("errors");
                foreach (var (index, outcome) in failed)
                {
                    w.WriteStartObject();
                    w.WriteNumber("status", StatusCodes.Status400BadRequest);
                    w.WritePropertyName("elementErrors");
                    JiraResults.WriteErrorCollection(w, outcome.ErrorMessages, outcome.Errors, null);
                    w.WriteNumber("failedElementNumber", index);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }, status);
        });
    }

    /// <summary>
    /// BulkIssueResults in ascending id order. Issues that do not exist or are hidden are left out (the spec: they
    /// are not listed in issueErrors either).
    /// </summary>
    public static async Task<IResult> Fetch(HttpContext http, Site site, ApiVersionContext api)
    {
        var parsed = await RequestReading.ReadJsonObjectAsync(http);
        if (!parsed.IsOk)
        {
            return parsed.Error!;
        }
        var body = parsed.Value!;
        if (body["issueIdsOrKeys"] is not JsonArray ids || ids.Count == 0 || ids.Any(n => IssueInput.IdText(n) is null))
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, "At least one issue id or key must be given in 'issueIdsOrKeys'.");
        }
        if (ids.Count > MaxBulkFetch)
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, $"The number of issues requested exceeds the maximum of {MaxBulkFetch}.");
        }
        var properties = RequestReading.BodyList(body, "properties");
        if (properties.Count > MaxBulkFetchProperties)
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, $"A maximum of {MaxBulkFetchProperties} issue property keys can be specified.");
        }
        if (body["fieldsByKeys"] is { } byKeys && byKeys.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, "The 'fieldsByKeys' value must be true or false.");
        }
        var fields = FieldSelection.Parse(RequestReading.BodyList(body, "fields"), FieldSelection.Navigable);
        var expand = RequestReading.BodyList(body, "expand");
        var keys = ids.Select(n => IssueInput.IdText(n)!).ToList();
        var caller = http.Caller().User;
        return site.Read(s =>
        {
            var rc = IssueHttp.Render(http, s, api);
            var issues = keys.Select(k => IssueHttp.FindBrowsable(s, caller, k)).OfType<Issue>().DistinctBy(i => i.Id).OrderBy(i => i.Id).ToList();
            return IssueHttp.Rendered(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("issues");
                foreach (var issue in issues)
                {
                    IssueView.Write(w, rc, issue, fields, expand, IssueHttp.PropertyKeys(issue, properties));
                }
                w.WriteEndArray();
                w.WriteStartArray("issueErrors");
                w.WriteEndArray();
                w.WriteEndObject();
            });
        });
    }
}
