using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Api.Children;

/// <summary>
/// The <c>adjustEstimate</c> query of worklog writes (auto | new | manual | leave, with <c>newEstimate</c> and
/// <c>reduceBy</c>/<c>increaseBy</c>) and how it moves the remaining estimate.
/// </summary>
internal sealed record EstimateAdjustment(string Mode, long Amount)
{
    /// <summary>Reads the query; <paramref name="manualParameter"/> is reduceBy (create) or increaseBy (delete), null where manual is not offered.</summary>
    public static Parsed<EstimateAdjustment> Read(HttpRequest request, string? manualParameter)
    {
        var mode = request.Query["adjustEstimate"].ToString();
        mode = mode.Length == 0 ? "auto" : mode;
        switch (mode)
        {
            case "auto":
            case "leave":
            case "manual" when manualParameter is null:
                return Parsed<EstimateAdjustment>.Ok(new EstimateAdjustment(mode == "manual" ? "leave" : mode, 0));
            case "new":
                var text = request.Query["newEstimate"].ToString();
                return JiraDuration.TryParse(text, out var estimate)
                    ? Parsed<EstimateAdjustment>.Ok(new EstimateAdjustment(mode, estimate))
                    : Parsed<EstimateAdjustment>.Fail(RichTextInput.FieldError("newEstimate", "You must supply a valid new estimate."));
            case "manual":
                var amount = request.Query[manualParameter!].ToString();
                if (amount.Length == 0)
                {
                    return Parsed<EstimateAdjustment>.Fail(RichTextInput.FieldError("adjustmentAmount",
                        "You must supply a valid amount of time to adjust the estimate by."));
                }
                return JiraDuration.TryParse(amount, out var seconds)
                    ? Parsed<EstimateAdjustment>.Ok(new EstimateAdjustment(mode, seconds))
                    : Parsed<EstimateAdjustment>.Fail(RichTextInput.FieldError("adjustmentAmount", "Invalid time entered for adjusting the estimate."));
            default:
                return Parsed<EstimateAdjustment>.Fail(JiraResults.Error(StatusCodes.Status400BadRequest,
                    $"The adjustEstimate value '{mode}' is not valid; use one of auto, new, manual, leave."));
        }
    }

    /// <summary>
    /// The remaining estimate after logging <paramref name="spentDelta"/> seconds (negative when work is removed).
    /// auto moves it by the time logged (never below zero, and an unset estimate stays unset when work is added);
    /// manual moves it by the amount in the direction of the change; new sets it.
    /// </summary>
    public long? Apply(long? remaining, long spentDelta) => Mode switch
    {
        "new" => Amount,
        "manual" => Math.Max(0, (remaining ?? 0) - (spentDelta >= 0 ? Amount : -Amount)),
        "auto" when remaining is null && spentDelta >= 0 => null,
        "auto" => Math.Max(0, (remaining ?? 0) - spentDelta),
        _ => remaining,
    };

    /// <summary>Change items for the time tracking fields, as Jira writes them to the history.</summary>
    public static IEnumerable<ChangeItem> TimeTrackingItems(long oldSpent, long newSpent, long? oldEstimate, long? newEstimate)
    {
        if (oldSpent != newSpent)
        {
            yield return Item("timespent", oldSpent == 0 ? null : oldSpent, newSpent == 0 ? null : newSpent);
        }
        if (oldEstimate != newEstimate)
        {
            yield return Item("timeestimate", oldEstimate, newEstimate);
        }
    }

    public static ChangeItem Item(string field, long? from, long? to) => new()
    {
        Field = field,
        FieldId = field is "timespent" or "timeestimate" ? field : null,
        From = from?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        FromString = from?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        To = to?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ToString_ = to?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
