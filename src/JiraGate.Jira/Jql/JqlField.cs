using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace JiraGate.Jira.Jql;

/// <summary>
/// A field in a JQL clause or ORDER BY: a field name (<c>status</c>, <c>"Story Points"</c>) or a custom field id
/// (<c>cf[10016]</c>). Names that are not plain identifiers, or that are JQL reserved words, are quoted.
/// </summary>
/// <remarks>https://support.atlassian.com/jira-software-cloud/docs/jql-fields/</remarks>
public sealed partial class JqlField : IEquatable<JqlField>
{
    private JqlField(string name, string jql)
    {
        Name = name;
        Jql = jql;
    }

    /// <summary>The field as given (for a custom field id, <c>cf[NNNNN]</c>).</summary>
    public string Name { get; }

    /// <summary>The field as it appears in JQL: bare, quoted, or <c>cf[NNNNN]</c>.</summary>
    internal string Jql { get; }

    /// <summary>
    /// A field by name or id, e.g. <c>project</c>, <c>Story Points</c>, <c>customfield_10016</c> or <c>cf[10016]</c>
    /// (the last two become <c>cf[10016]</c>). A name is written bare only when it is a plain identifier
    /// (ASCII letters, digits and <c>_</c>, starting with a letter) that is not a reserved word; otherwise it is quoted
    /// with <see cref="JqlText.Quote"/>, exactly like a value.
    /// </summary>
    /// <param name="name">The field's name or id.</param>
    /// <returns>The field.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, only whitespace, or contains a control character.</exception>
    public static JqlField Named(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        foreach (var c in name)
        {
            if (JqlText.IsJqlControl(c))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"A JQL field name cannot contain the control character U+{(int)c:X4}."),
                    nameof(name));
            }
        }
        var custom = CustomFieldPattern().Match(name);
        if (custom.Success && long.TryParse(custom.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return CustomField(id);
        }
        var bare = IdentifierPattern().IsMatch(name) && !JqlText.ReservedWords.Contains(name);
        return new JqlField(name, bare ? name : JqlText.Quote(name));
    }

    /// <summary>A custom field by its numeric id: <c>cf[10016]</c>, the same on every site language.</summary>
    /// <param name="id">The number in <c>customfield_NNNNN</c>.</param>
    /// <returns>The field.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is zero or negative.</exception>
    public static JqlField CustomField(long id)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        var jql = "cf[" + id.ToString(CultureInfo.InvariantCulture) + "]";
        return new JqlField(jql, jql);
    }

    /// <inheritdoc />
    public bool Equals(JqlField? other) => other is not null && string.Equals(Jql, other.Jql, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as JqlField);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Jql);

    /// <summary>The field as written in JQL.</summary>
    /// <returns>The JQL text of the field.</returns>
    public override string ToString() => Jql;

    internal void AppendTo(StringBuilder sb) => sb.Append(Jql);

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex(@"^(?:customfield_(?<id>[0-9]{1,18})|cf\[(?<id>[0-9]{1,18})\])\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CustomFieldPattern();
}
