using System.Text.Json.Nodes;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Api.Children;

/// <summary>
/// A worklog request body: <c>timeSpentSeconds</c> or <c>timeSpent</c> ("1h 30m"), <c>started</c>
/// ("2021-01-17T12:34:00.000+0000"), <c>comment</c> (ADF on v3, wiki on v2) and <c>visibility</c>.
/// On update every field is optional and only what is sent changes.
/// </summary>
internal sealed class WorklogInput
{
    /// <summary>What Jira Cloud answers when a v3 rich-text field receives something that is not a document.</summary>
    public const string NotADocumentMessage = "Operation value must be an Atlassian Document (see the Atlassian Document Format)";

    private const string NoTimeSpent = "You must indicate the time spent working.";

    public long? TimeSpentSeconds { get; private init; }
    public DateTimeOffset? Started { get; private init; }
    public bool HasComment { get; private init; }
    public RichText? Comment { get; private init; }
    public bool HasVisibility { get; private init; }
    public JsonNode? VisibilityNode { get; private init; }

    public static Parsed<WorklogInput> Read(JsonObject body, bool adf, bool creating)
    {
        long? seconds = null;
        if (body["timeSpentSeconds"] is { } secondsNode)
        {
            if (!RequestReading.TryLong(secondsNode, out var s) || s < 60)
            {
                return TimeLogged(NoTimeSpent);
            }
            seconds = s;
        }
        else if (body["timeSpent"] is { } textNode)
        {
            if (!JiraDuration.TryParse(RequestReading.String(textNode), out var s))
            {
                return TimeLogged("Invalid time duration entered.");
            }
            if (s < 60)
            {
                return TimeLogged(NoTimeSpent);
            }
            seconds = s;
        }
        else if (creating)
        {
            return TimeLogged(NoTimeSpent);
        }

        DateTimeOffset? started = null;
        if (body["started"] is { } startedNode)
        {
            if (!JiraDates.TryParse(RequestReading.String(startedNode), out var parsed))
            {
                return Parsed<WorklogInput>.Fail(RichTextInput.FieldError("startDate",
                    "Invalid date format. Please enter the date in the format \"yyyy-MM-dd'T'HH:mm:ss.SSSZ\"."));
            }
            started = parsed;
        }
        else if (creating)
        {
            return Parsed<WorklogInput>.Fail(RichTextInput.FieldError("startDate", "You must specify a date on which the work occurred."));
        }

        RichText? comment = null;
        if (body["comment"] is { } commentNode)
        {
            var text = RichTextInput.Read(commentNode, adf, "comment", adf ? NotADocumentMessage : "The worklog comment must be a string.");
            if (!text.IsOk)
            {
                return Parsed<WorklogInput>.Fail(text.Error!);
            }
            comment = string.IsNullOrWhiteSpace(text.Value!.PlainText) ? null : text.Value;
        }
        return Parsed<WorklogInput>.Ok(new WorklogInput
        {
            TimeSpentSeconds = seconds,
            Started = started,
            HasComment = body.ContainsKey("comment"),
            Comment = comment,
            HasVisibility = body.ContainsKey("visibility"),
            VisibilityNode = body["visibility"],
        });
    }

    /// <summary>Jira's answer to a worklog without usable time (recorded: "Worklog must not be null." + timeLogged).</summary>
    private static Parsed<WorklogInput> TimeLogged(string message) =>
        Parsed<WorklogInput>.Fail(JiraResults.FieldErrors(StatusCodes.Status400BadRequest,
            new Dictionary<string, string> { ["timeLogged"] = message }, "Worklog must not be null."));
}
