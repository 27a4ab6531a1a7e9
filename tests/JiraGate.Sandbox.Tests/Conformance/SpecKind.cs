namespace JiraGate.Sandbox.Tests.Conformance;

/// <summary>The three Atlassian OpenAPI documents kept under <c>shared/reference/openapi</c>.</summary>
internal enum SpecKind
{
    /// <summary>Jira Cloud platform REST API v3 (<c>jira-platform-v3.json</c>, paths <c>/rest/api/3/…</c>).</summary>
    Platform,

    /// <summary>Jira Software Cloud (<c>jira-software.json</c>, paths <c>/rest/agile/1.0/…</c>, <c>/rest/software/1.0/…</c>).</summary>
    Software,

    /// <summary>
    /// Jira Software Data Center 10.3 (<c>jira-software-dc-10.3-openapi.json</c>). Its server URL ends in
    /// <c>/rest</c>, so the document's paths read <c>/api/2/…</c> and <c>/agile/1.0/…</c>.
    /// </summary>
    DataCenter,
}
