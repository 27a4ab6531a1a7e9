using JiraGate.Sandbox.Model;
using static JiraGate.Sandbox.Jql.JqlOperatorSet;

namespace JiraGate.Sandbox.Jql;

/// <summary>
/// Text fields searched with ~ and !~. A clause matches a field when one of its texts (one comment is one text)
/// matches the whole query; !~ needs the field to have text and none of it to match.
/// </summary>
internal abstract class TextSearchField(JqlOperatorSet supported, bool supportsEmpty) : JqlFieldHandler(supported, supportsEmpty)
{
    /// <summary>The texts of one issue for this field.</summary>
    protected abstract IEnumerable<string?> Texts(Issue issue, JqlCompiler compiler);

    public override Func<Issue, bool>? Build(JqlClauseInput input)
    {
        var c = input.Compiler;
        if (!c.AcceptFunctions(input, null, _ => { }, JqlMessages.FunctionValueInvalid))
        {
            return null;
        }
        var compiled = Texts(c);
        Func<Issue, bool> hasText = i => compiled(i).Any(t => !string.IsNullOrWhiteSpace(t));
        if (input.Operator.IsEmptyCheck() || input.HasEmpty)
        {
            // "summary ~ EMPTY" is "summary IS EMPTY", as Jira reads it.
            var wantEmpty = input.Operator is JqlOperator.Is or JqlOperator.Like or JqlOperator.Equals;
            return wantEmpty ? i => !hasText(i) : hasText;
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
        return input.Positive
            ? i => compiled(i).Any(query.Matches)
            : i => hasText(i) && !compiled(i).Any(query.Matches);
    }

    private Func<Issue, IEnumerable<string?>> Texts(JqlCompiler compiler) => i => Texts(i, compiler);
}

/// <summary>summary, description, environment: one text each.</summary>
internal sealed class TextField(Func<Issue, string?> text, bool sortable) : TextSearchField(Text | Emptiness, supportsEmpty: true)
{
    protected override IEnumerable<string?> Texts(Issue issue, JqlCompiler compiler) => [text(issue)];

    public override JqlSortKey? SortKey(JqlCompiler compiler) => sortable ? new(i => JqlSortValue.Of(text(i))) : null;
}

/// <summary>comment: each comment body on its own; Jira cannot search comments for EMPTY.</summary>
internal sealed class CommentField() : TextSearchField(Text | Emptiness, supportsEmpty: false)
{
    protected override IEnumerable<string?> Texts(Issue issue, JqlCompiler compiler) => issue.Comments.Select(c => c.Body.PlainText);
}

/// <summary>text: summary, description, environment, comments and every text custom field; only ~ is allowed.</summary>
internal sealed class AllTextField() : TextSearchField(Of(JqlOperator.Like), supportsEmpty: false)
{
    protected override IEnumerable<string?> Texts(Issue issue, JqlCompiler compiler)
    {
        yield return issue.Summary;
        yield return issue.Description?.PlainText;
        yield return issue.Environment?.PlainText;
        foreach (var comment in issue.Comments)
        {
            yield return comment.Body.PlainText;
        }
        foreach (var field in compiler.TextCustomFields)
        {
            yield return JqlCustomFields.Text(JqlCustomFields.Raw(issue, field));
        }
    }
}
