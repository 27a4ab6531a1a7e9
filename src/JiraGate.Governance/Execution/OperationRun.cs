using System.Text.Json;
using JiraGate.Governance.Pipeline;
using JiraGate.Jira;
using JiraGate.Jira.Tickets;

namespace JiraGate.Governance.Execution;

/// <summary>Carries out one operation: arguments valid against its schema in, normalised JSON out.</summary>
internal delegate Task<OperationOutput> OperationHandler(OperationRun run, JsonElement args, CancellationToken cancellationToken);

/// <summary>What one execution needs: the client, the limits, the scope and the deployment.</summary>
internal sealed class OperationRun
{
    private readonly FieldCatalogCache _fields;

    public OperationRun(JiraClient jira, JiraTickets tickets, JiraOperationExecutorOptions options, FieldCatalogCache fields, ExecutionScope scope, bool cloud)
    {
        Jira = jira;
        Tickets = tickets;
        Options = options;
        _fields = fields;
        Scope = scope;
        Cloud = cloud;
    }

    public JiraClient Jira { get; }

    /// <summary>The client's ticket helpers (create with createmeta checks, transition by name, users by email).</summary>
    public JiraTickets Tickets { get; }

    public JiraOperationExecutorOptions Options { get; }

    public ExecutionScope Scope { get; }

    /// <summary>Cloud (account ids, ADF, cursors) or Data Center (usernames, wiki markup, offsets).</summary>
    public bool Cloud { get; }

    public Task<FieldCatalog> FieldsAsync(CancellationToken cancellationToken) => _fields.GetAsync(cancellationToken);

    /// <summary>An object result.</summary>
    public OperationOutput Result(string? requestId, Action<JsonResult> write) => JsonResult.Object(Options, requestId, write);

    /// <summary>A new result writer within the byte budget (for lists).</summary>
    public JsonResult NewResult() => new(Options.MaxResultBytes, Options.MaxTextChars);
}

/// <summary>The site's field catalog, read once per <see cref="JiraOperationExecutorOptions.FieldCatalogLifetime"/>.</summary>
internal sealed class FieldCatalogCache(JiraClient jira, JiraOperationExecutorOptions options)
{
    private (FieldCatalog Catalog, DateTimeOffset Expires)? _current;

    public async Task<FieldCatalog> GetAsync(CancellationToken cancellationToken)
    {
        var now = options.TimeProvider.GetUtcNow();
        if (_current is { } current && current.Expires > now)
        {
            return current.Catalog;
        }
        var catalog = await jira.Metadata.GetFieldCatalogAsync(cancellationToken).ConfigureAwait(false);
        _current = (catalog, now + options.FieldCatalogLifetime);
        return catalog;
    }
}
