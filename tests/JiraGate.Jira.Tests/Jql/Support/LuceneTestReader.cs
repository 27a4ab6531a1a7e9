using System.Text;

namespace JiraGate.Jira.Tests.Jql.Support;

/// <summary>
/// Reads the value of a <c>~</c> clause the way Lucene's classic query parser splits it, for the tests only:
/// returns the literal text when the value has no query syntax left in it (every special character escaped,
/// no bare AND/OR/NOT), and throws otherwise.
/// </summary>
internal static class LuceneTestReader
{
    private const string Special = "+-&|!(){}[]^~*?:\\\"/";

    public static string ReadLiteral(string query)
    {
        var sb = new StringBuilder();
        var wordStart = true;
        for (var i = 0; i < query.Length; i++)
        {
            var c = query[i];
            if (c == '\\')
            {
                if (i + 1 >= query.Length)
                {
                    throw new FormatException("dangling backslash");
                }
                sb.Append(query[++i]);
                wordStart = false;
                continue;
            }
            if (Special.Contains(c, StringComparison.Ordinal))
            {
                throw new FormatException($"unescaped Lucene operator '{c}' at {i}");
            }
            if (wordStart && (IsWord(query, i, "AND") || IsWord(query, i, "OR") || IsWord(query, i, "NOT")))
            {
                throw new FormatException($"bare boolean operator at {i}");
            }
            sb.Append(c);
            wordStart = char.IsWhiteSpace(c);
        }
        return sb.ToString();
    }

    private static bool IsWord(string text, int at, string word) =>
        string.CompareOrdinal(text, at, word, 0, word.Length) == 0
        && (at + word.Length == text.Length || char.IsWhiteSpace(text[at + word.Length]) || Special.Contains(text[at + word.Length], StringComparison.Ordinal));
}
