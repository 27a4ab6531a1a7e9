using JiraGate.Sandbox.Model;
using static JiraGate.Sandbox.Jql.JqlOperatorSet;

namespace JiraGate.Sandbox.Jql;

/// <summary>
/// Text fields searched with ~ and !~. A clause matches a field when one of its texts (one comment is one text)
/// matches the whole query; !~ needs the field to have text and none of it to match.
/// </summary>
internal abstract class TextSearchField(JqlOperatorSet supported, bool supportsEmpty) : JqlFieldHandler(supported, supportsEmpty)
{
    private static readonly Func<string, bool> HasText = t => !string.IsNullOrWhiteSpace(t);

    /// <summary>Whether <paramref name="test"/> holds for one of the issue's texts in this field (absent texts are skipped).</summary>
    protected abstract bool AnyText(Issue issue, JqlCompiler compiler, Func<string, bool> test);

    public override Func<Issue, bool>? Build(JqlClauseInput input)
    {
        var c = input.Compiler;
        if (!c.AcceptFunctions(input, null, _ => { }, JqlMessages.FunctionValueInvalid))
        {
            return null;
        }
        if (input.Operator.IsEmptyCheck() || input.HasEmpty)
        {
            // "summary ~ EMPTY" is "summary IS EMPTY", as Jira reads it.
            return input.Operator is JqlOperator.Is or JqlOperator.Like
                ? i => !AnyText(i, c, HasText)
                : i => AnyText(i, c, HasText);
        }
        var value = input.Literals[0].Text;
        if (string.IsNullOrWhiteSpace(value))
        {
            c.Error(JqlMessages.EmptyString(input.Field));
            return null;
        }
        if (JqlTextQuery.TryParse(value, input.Field, out var error) is not { } query)
        {
            c.Error(error!);
            return null;
        }
        Func<string, bool> matches = query.Matches;
        return input.Positive
            ? i => AnyText(i, c, matches)
            : i => AnyText(i, c, HasText) && !AnyText(i, c, matches);
    }
}

/// <summary>summary, description, environment: one text each.</summary>
internal sealed class TextField(Func<Issue, string?> text, bool sortable) : TextSearchField(Text | Emptiness, supportsEmpty: true)
{
    protected override bool AnyText(Issue issue, JqlCompiler compiler, Func<string, bool> test) =>
        text(issue) is { } t && test(t);

    public override JqlSortKey? SortKey(JqlCompiler compiler) => sortable ? new(i => JqlSortValue.Of(text(i))) : null;
}

/// <summary>comment: each comment body on its own; Jira cannot search comments for EMPTY.</summary>
internal sealed class CommentField() : TextSearchField(Text | Emptiness, supportsEmpty: false)
{
    protected override bool AnyText(Issue issue, JqlCompiler compiler, Func<string, bool> test) => AnyComment(issue, test);

    public static bool AnyComment(Issue issue, Func<string, bool> test)
    {
        foreach (var comment in issue.Comments)
        {
            if (test(comment.Body.PlainText))
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>text: summary, description, environment, comments and every text custom field; only ~ is allowed.</summary>
internal sealed class AllTextField() : TextSearchField(Of(JqlOperator.Like), supportsEmpty: false)
{
    protected override bool AnyText(Issue issue, JqlCompiler compiler, Func<string, bool> test)
    {
        if (test(issue.Summary)
            || (issue.Description?.PlainText is { } description && test(description))
            || (issue.Environment?.PlainText is { } environment && test(environment))
            || CommentField.AnyComment(issue, test))
        {
            return true;
        }
        foreach (var field in compiler.TextCustomFields)
        {
            if (issue.CustomFields.Count > 0 && JqlCustomFields.Text(JqlCustomFields.Raw(issue, field)) is { } value && test(value))
            {
                return true;
            }
        }
        return false;
    }
}
