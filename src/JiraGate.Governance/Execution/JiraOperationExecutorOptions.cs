namespace JiraGate.Governance.Execution;

/// <summary>Limits and caches of <see cref="JiraOperationExecutor"/>.</summary>
public sealed class JiraOperationExecutorOptions
{
    /// <summary>
    /// The size a result aims to stay under (TARGETS.md: 8 KB per tool result). Lists stop adding items before they
    /// would pass it and carry a cursor for the rest; long text is cut (and marked <c>truncated</c>).
    /// </summary>
    public int MaxResultBytes { get; init; } = 8 * 1024;

    /// <summary>The largest attachment <c>attachments:upload</c> sends, after base64 decoding (default 10 MB).</summary>
    public long MaxAttachmentBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>The longest Markdown text (description, comment body) put in a result before it is cut.</summary>
    public int MaxTextChars { get; init; } = 4000;

    /// <summary>How long the site's field catalog (ids ⇄ display names) is reused before it is read again.</summary>
    public TimeSpan FieldCatalogLifetime { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The clock for the field catalog's lifetime.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The name given to admin webhooks that <c>webhooks:create</c> registers (Jira requires one).</summary>
    public string WebhookName { get; init; } = "JiraGate";
}
