using JiraGate.Governance.Catalog;

namespace JiraGate.Governance.Policies;

/// <summary>Operation globs: <c>*</c> matches any run of characters (including none and <c>:</c>); all else is literal.</summary>
public static class OperationGlob
{
    /// <summary>Whether <paramref name="glob"/> matches <paramref name="operation"/> (ordinal, case-sensitive).</summary>
    public static bool IsMatch(string glob, string operation)
    {
        ArgumentNullException.ThrowIfNull(glob);
        ArgumentNullException.ThrowIfNull(operation);
        return IsMatch(glob.AsSpan(), operation.AsSpan());
    }

    /// <summary>The operations of <paramref name="catalog"/> that <paramref name="glob"/> matches, in catalog order.</summary>
    public static IReadOnlyList<OperationDescriptor> Matches(string glob, OperationCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.All.Where(o => IsMatch(glob, o.Name)).ToArray();
    }

    // Greedy wildcard match with one backtrack point: linear-ish, no regex, no allocation.
    private static bool IsMatch(ReadOnlySpan<char> glob, ReadOnlySpan<char> text)
    {
        int g = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (g < glob.Length && glob[g] == '*')
            {
                star = g++;
                mark = t;
            }
            else if (g < glob.Length && glob[g] == text[t])
            {
                g++;
                t++;
            }
            else if (star >= 0)
            {
                g = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (g < glob.Length && glob[g] == '*')
        {
            g++;
        }

        return g == glob.Length;
    }
}
