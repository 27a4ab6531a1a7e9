namespace JiraGate.Cli;

/// <summary>The jiragate command's exit codes: stable, documented in the README, relied on by scripts.</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>Something went wrong that is not one of the cases below (a bug, an unexpected failure).</summary>
    public const int Error = 1;

    /// <summary>The command line was wrong (unknown command, missing or bad option).</summary>
    public const int Usage = 2;

    /// <summary>A policy denied the call.</summary>
    public const int Denied = 3;

    /// <summary>The call waits for a human approval.</summary>
    public const int PendingApproval = 4;

    /// <summary>Jira refused the call.</summary>
    public const int JiraError = 5;

    /// <summary>Jira, the database or the audit log could not be reached.</summary>
    public const int Unavailable = 6;

    /// <summary>A check failed, e.g. <c>audit verify</c> found a broken chain or <c>doctor</c> a problem.</summary>
    public const int CheckFailed = 7;
}
