using System.Buffers.Text;
using System.Globalization;
using System.Text;
using JiraGate.Governance.Pipeline;

namespace JiraGate.Governance.Execution;

/// <summary>
/// The <c>next_page_token</c> JiraGate hands out for searches: Jira's own cursor (Cloud) plus how many issues of that
/// page the agent has already seen, or the offset (Data Center). A result cut to stay under the byte budget can then
/// go on exactly where it stopped, which Jira's token alone cannot say.
/// </summary>
internal readonly record struct SearchCursor(string? JiraToken, int Skip)
{
    private const string Prefix = "jg1.";

    public static SearchCursor Start => new(null, 0);

    public string Encode()
    {
        var text = Skip.ToString(CultureInfo.InvariantCulture) + "|" + JiraToken;
        return Prefix + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    /// <exception cref="OperationArgumentException">Not a token this gateway issued.</exception>
    public static SearchCursor Parse(string? token, string argument)
    {
        if (string.IsNullOrEmpty(token))
        {
            return Start;
        }
        if (token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            try
            {
                var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.AsSpan(Prefix.Length)));
                var bar = text.IndexOf('|', StringComparison.Ordinal);
                if (bar > 0 && int.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var skip) && skip <= 10_000)
                {
                    var jira = text[(bar + 1)..];
                    return new SearchCursor(jira.Length == 0 ? null : jira, skip);
                }
            }
            catch (FormatException)
            {
                // fall through to the error below
            }
        }
        throw new OperationArgumentException(argument,
            $"The {argument} is not one this gateway issued. Pass the next_page_token of the previous result unchanged, or leave it out to start again.");
    }
}
