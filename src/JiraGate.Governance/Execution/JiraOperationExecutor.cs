using System.Collections.Frozen;
using System.Text.Json;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Pipeline;
using JiraGate.Jira;
using JiraGate.Jira.Tickets;

namespace JiraGate.Governance.Execution;

/// <summary>
/// Carries out the 36 operations of the catalog with a <see cref="JiraClient"/>: one handler per operation, each
/// mapped to its client call, answering normalised JSON for agents (snake_case, rich text as Markdown, users as
/// <c>{account_id | name, display_name, email?}</c>, lists as <c>{items, next_page_token | start_at/total, is_last}</c>,
/// each result kept under <see cref="JiraOperationExecutorOptions.MaxResultBytes"/> with a cursor for the rest).
/// The shapes are documented on each family: <see cref="IssueView"/>, <see cref="IssueReadOperations"/>,
/// <see cref="IssueWriteOperations"/>, <see cref="CommentOperations"/>, <see cref="AttachmentOperations"/>,
/// <see cref="ProjectOperations"/>, <see cref="UserOperations"/>, <see cref="AgileOperations"/>,
/// <see cref="MetadataOperations"/>, <see cref="WebhookOperations"/>.
/// </summary>
/// <remarks>
/// A restricted <see cref="ExecutionScope"/> is enforced here: JQL is wrapped as
/// <c>(&lt;scope&gt;) AND (&lt;agent's JQL&gt;) ORDER BY …</c>, and an issue named by key is read first and refused
/// with <see cref="ExecutionScopeException"/> when its project or type is outside every grant.
/// Errors: <see cref="OperationArgumentException"/> for an argument Jira cannot use (unknown email, transition,
/// issue type, field); <see cref="ExecutionScopeException"/> for a scope violation; Jira's failures propagate as
/// <see cref="JiraException"/> subclasses, never swallowed.
/// </remarks>
public sealed class JiraOperationExecutor : IOperationExecutor
{
    private static readonly FrozenDictionary<string, OperationHandler> Handlers = BuildHandlers();

    private readonly JiraClient _jira;
    private readonly JiraOperationExecutorOptions _options;
    private readonly FieldCatalogCache _fields;
    private readonly JiraTickets _tickets;

    /// <summary>Creates an executor over one Jira connection.</summary>
    /// <param name="jira">The client (from <c>services.AddJiraClient(…)</c>).</param>
    /// <param name="options">Result size, attachment size, field catalog lifetime.</param>
    public JiraOperationExecutor(JiraClient jira, JiraOperationExecutorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(jira);
        _jira = jira;
        _options = options ?? new JiraOperationExecutorOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxResultBytes, 1024, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxTextChars, 16, nameof(options));
        ArgumentNullException.ThrowIfNull(_options.TimeProvider, nameof(options));
        _fields = new FieldCatalogCache(jira, _options);
        _tickets = new JiraTickets(jira, new JiraTicketsOptions { TimeProvider = _options.TimeProvider, FieldCatalogLifetime = _options.FieldCatalogLifetime });
    }

    /// <summary>The operations this executor can carry out (all 36 of <see cref="OperationCatalog.Default"/>).</summary>
    public static IReadOnlyCollection<string> SupportedOperations => Handlers.Keys;

    /// <inheritdoc />
    public async Task<OperationOutput> ExecuteAsync(OperationDescriptor operation, JsonElement arguments, ExecutionScope scope,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(scope);
        if (!Handlers.TryGetValue(operation.Name, out var handler))
        {
            throw new NotSupportedException($"The operation {operation.Name} has no executor.");
        }
        var cloud = await _jira.GetDeploymentAsync(cancellationToken).ConfigureAwait(false) == JiraDeployment.Cloud;
        var run = new OperationRun(_jira, _tickets, _options, _fields, scope, cloud);
        try
        {
            return await handler(run, arguments, cancellationToken).ConfigureAwait(false);
        }
        catch (JiraTicketException ex)
        {
            // A handler maps the helper's errors to its own argument names; this is the net under them.
            throw TicketErrors.Map(ex, null);
        }
    }

    private static FrozenDictionary<string, OperationHandler> BuildHandlers()
    {
        var handlers = new Dictionary<string, OperationHandler>(StringComparer.Ordinal);
        IssueReadOperations.Register(handlers);
        IssueWriteOperations.Register(handlers);
        CommentOperations.Register(handlers);
        AttachmentOperations.Register(handlers);
        ProjectOperations.Register(handlers);
        UserOperations.Register(handlers);
        AgileOperations.Register(handlers);
        MetadataOperations.Register(handlers);
        WebhookOperations.Register(handlers);
        return handlers.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
