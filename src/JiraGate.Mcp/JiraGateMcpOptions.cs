namespace JiraGate.Mcp;

/// <summary>How much of a result an MCP tool returns by default (the <c>profile</c> argument overrides it per call).</summary>
public enum ResultProfile
{
    /// <summary>Identifying fields only: nested objects collapse to their key or name, long text is shortened.</summary>
    Minimal = 0,

    /// <summary>Everything that carries information: nulls, empty values, self links and avatar URLs are dropped.</summary>
    Standard = 1,

    /// <summary>The operation's answer as the pipeline returned it.</summary>
    Full = 2,
}

/// <summary>Options of JiraGate's MCP server.</summary>
public sealed class JiraGateMcpOptions
{
    /// <summary>The most UTF-8 bytes one tool result carries (TARGETS.md: 8 KB); a longer result is split into pages reached through a cursor.</summary>
    public int MaxResultBytes { get; set; } = 8 * 1024;

    /// <summary>The profile used when a call names none.</summary>
    public ResultProfile DefaultProfile { get; set; } = ResultProfile.Standard;

    /// <summary>How long the rest of a split result can be collected with its cursor.</summary>
    public TimeSpan CursorLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How many split results are kept at once; the oldest go first.</summary>
    public int MaxStoredResults { get; set; } = 1000;

    /// <summary>The server name announced to MCP clients.</summary>
    public string ServerName { get; set; } = "jiragate";

    /// <summary>The server version announced to MCP clients.</summary>
    public string ServerVersion { get; set; } = typeof(JiraGateMcpOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
