using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace JiraGate.Gateway.ApprovalsPage.Views;

/// <summary>
/// Builds a page. Every hole of an interpolated <see cref="Append(ref HtmlInterpolatedStringHandler)"/> is HTML-encoded; only the literal parts of the
/// template and already-built <see cref="HtmlFragment"/>s go out as they are, so user data cannot reach the page unencoded.
/// </summary>
internal sealed class Html
{
    // All of Unicode may pass as is (readable output); <, >, &, quotes and the like are always encoded.
    internal static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _builder = new(4096);

    /// <summary>Appends the template; literal text raw, every hole encoded.</summary>
    public Html Append([InterpolatedStringHandlerArgument("")] ref HtmlInterpolatedStringHandler handler)
    {
        _ = handler;
        return this;
    }

    /// <summary>Appends a fragment built by another <see cref="Html"/>.</summary>
    public Html Append(HtmlFragment fragment)
    {
        _builder.Append(fragment.Value);
        return this;
    }

    /// <summary>Appends encoded text.</summary>
    public Html Text(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            _builder.Append(Encoder.Encode(text));
        }
        return this;
    }

    /// <summary>The page (or fragment) built so far.</summary>
    public HtmlFragment ToFragment() => new(_builder.ToString());

    /// <inheritdoc />
    public override string ToString() => _builder.ToString();

    internal void AppendRaw(string value) => _builder.Append(value);
}

/// <summary>Markup already built (and encoded) by <see cref="Html"/>; the one kind of value a hole does not encode.</summary>
internal readonly record struct HtmlFragment(string Value)
{
    public static HtmlFragment Empty { get; } = new("");

    public override string ToString() => Value;
}

/// <summary>The interpolation handler behind <see cref="Html.Append(ref HtmlInterpolatedStringHandler)"/>.</summary>
[InterpolatedStringHandler]
internal readonly ref struct HtmlInterpolatedStringHandler
{
    private readonly Html _html;

#pragma warning disable IDE0060 // the compiler passes the lengths; the builder grows by itself
    public HtmlInterpolatedStringHandler(int literalLength, int formattedCount, Html html) => _html = html;
#pragma warning restore IDE0060

    /// <summary>The template's own text: markup written by us, passed through.</summary>
    public void AppendLiteral(string literal) => _html.AppendRaw(literal);

    /// <summary>A fragment built (and encoded) earlier.</summary>
    public void AppendFormatted(HtmlFragment fragment) => _html.AppendRaw(fragment.Value);

    /// <summary>Any other value: formatted invariantly, then encoded.</summary>
    public void AppendFormatted<T>(T value) =>
        _html.Text(value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString());

    /// <summary>A formatted value (e.g. a date with a format), then encoded.</summary>
    public void AppendFormatted<T>(T value, string? format)
        where T : IFormattable => _html.Text(value.ToString(format, CultureInfo.InvariantCulture));
}
