namespace JiraGate.Jira.RichText;

/// <summary>How <see cref="AdfConverter.FromMarkdown"/> reads Markdown.</summary>
public sealed class AdfOptions
{
    /// <summary>
    /// When <see langword="true"/>, a single newline inside a paragraph becomes an ADF <c>hardBreak</c>
    /// (as in GitHub comments); when <see langword="false"/> (the default, as CommonMark says) it becomes a space.
    /// </summary>
    public bool SoftLineBreaksAsHardBreaks { get; init; }
}
