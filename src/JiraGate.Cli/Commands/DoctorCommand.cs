using System.CommandLine;
using JiraGate.Cli.Admin;
using JiraGate.Cli.Hosting;
using JiraGate.Governance.Vault;
using JiraGate.Jira;

namespace JiraGate.Cli.Commands;

/// <summary>
/// <c>jiragate doctor</c>: the data directory (database, audit chain, vault expiry) and the Jira connection
/// (reachable, authenticated, permitted, clocks agree); one ✓/✗ line per check with the fix; exit 7 when any fails.
/// </summary>
internal static class DoctorCommand
{
    /// <summary>More skew than this breaks approval expiry, audit timestamps and OAuth token lifetimes.</summary>
    internal static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(2);

    /// <summary>What an agent's everyday operations need; missing one fails the check.</summary>
    internal static readonly string[] RequiredPermissions =
        [PermissionKeys.BrowseProjects, PermissionKeys.CreateIssues, PermissionKeys.EditIssues, PermissionKeys.TransitionIssues, PermissionKeys.AddComments];

    /// <summary>Needed only by some policies (delete, assign); missing one is a warning.</summary>
    internal static readonly string[] OptionalPermissions = [PermissionKeys.DeleteIssues, PermissionKeys.AssignIssues];

    /// <summary>How many checks a full run makes (database, audit chain, token expiry; connectivity, auth, permissions, clock): the progress bar's total.</summary>
    internal const int CheckCount = 7;

    public static Command Create()
    {
        var (command, options) = AdminOptions.Create("doctor", "Check the data directory and the Jira connection; prints the fix for each problem (exit 7 when any check fails)");
        var jira = new JiraConnectionOptions();
        jira.AddTo(command);
        var config = ConfigStartup.Option();
        var connectionName = new Option<string>("--connection") { Description = "With --config: the connection to check (default: the only one)", HelpName = "name" };
        command.Options.Add(config);
        command.Options.Add(connectionName);
        AdminRun.SetAction(command, options, async (run, ct) =>
        {
            var checks = new List<DoctorCheckJson>();
            var site = jira.Resolve(run);
            var configured = await DoctorConfig.ResolveAsync(run, run.Get(config), run.Get(connectionName), site is not null, ct);
            var time = AdminClock.Current;
            AdminServices? services = null;
            using var progress = TerminalProgress.Start(run, "doctor", CheckCount);
            try
            {
                progress.Report(0, "data directory");
                services = await DataDirChecksAsync(run, configured?.DataDir ?? run.DataDir, checks, progress, ct);
                // Fewer data-directory checks run when there is no directory or database yet; the four Jira checks follow.
                progress.SetTotal(checks.Count + 4);
                progress.Report(checks.Count, "connecting to Jira");
                JiraConnection? connection = null;
                try
                {
                    if (configured?.Site is { } named)
                    {
                        if (services is null)
                        {
                            throw new CliError(ExitCodes.Unavailable, $"The connection's credentials are in the vault of {configured.DataDir}, which does not exist yet.");
                        }
                        connection = JiraConnection.Open(named, services.Vault);
                    }
                    else if (site is { } s)
                    {
                        if (services is null)
                        {
                            throw new CliError(ExitCodes.Unavailable, $"--jira-credential needs the vault in {Path.GetFullPath(run.DataDir)}, which does not exist yet.");
                        }
                        connection = await JiraConnection.OpenAsync(s.Url, s.Credential, services.Vault, ct);
                    }
                    else
                    {
                        connection = await JiraConnection.StartSandboxAsync(ct);
                    }
                    await JiraChecksAsync(connection, time, checks, progress, ct);
                    // The line goes before the report: stdout may be the same terminal.
                    progress.Complete();
                    return Report(run, connection.Target, checks);
                }
                finally
                {
                    if (connection is not null)
                    {
                        await connection.DisposeAsync();
                    }
                }
            }
            finally
            {
                if (services is not null)
                {
                    await services.DisposeAsync();
                }
            }
        });
        return command;
    }

    private static async Task<AdminServices?> DataDirChecksAsync(AdminInvocation run, string dataDir, List<DoctorCheckJson> checks, TerminalProgress progress, CancellationToken ct)
    {
        var dir = Path.GetFullPath(dataDir);
        if (!Directory.Exists(dir))
        {
            checks.Add(new("database", "skip", $"no data directory yet at {dir}", "'jiragate serve' creates it on first start (or pass --data-dir)"));
            return null;
        }
#pragma warning disable CA2000 // returned to the caller, which disposes it in its finally
        var services = await AdminServices.OpenAsync(dir, run.PolicyFiles, create: false, ct);
#pragma warning restore CA2000
        if (!File.Exists(services.DatabasePath))
        {
            // Opening the stores would create the database: doctor only looks.
            checks.Add(new("database", "skip", $"no database yet in {dir}", "'jiragate serve' creates it on first start"));
        }
        else if (await DatabaseAndAuditAsync(services, checks, progress, ct) is false)
        {
            await services.DisposeAsync();
            return null;
        }

        progress.Report(checks.Count, "vault");
        try
        {
            var entries = await services.Vault.ListAsync(ct);
            var expired = entries.Where(e => e.ExpiryState == VaultExpiryState.Expired).ToList();
            var soon = entries.Where(e => e.ExpiryState == VaultExpiryState.ExpiringSoon).ToList();
            checks.Add(expired.Count > 0
                ? new("token expiry", "fail", "expired: " + string.Join(", ", expired.Select(e => $"{e.Path} ({Table.Time(e.ExpiresAt)})")),
                    "create new tokens and store them with 'jiragate vault set PATH …'")
                : soon.Count > 0
                    ? new("token expiry", "warn", "expiring soon: " + string.Join(", ", soon.Select(e => $"{e.Path} ({Table.Time(e.ExpiresAt)})")), "rotate them before they expire")
                    : new("token expiry", "ok", $"{entries.Count} vault entr{(entries.Count == 1 ? "y" : "ies")}, none expiring within 14 days", null));
        }
        catch (VaultException e)
        {
            checks.Add(new("token expiry", "fail", e.Message, "use the master key this vault was created with (JIRAGATE_MASTER_KEY or <data-dir>/master.key)"));
        }
        return services;
    }

    private static async Task<bool> DatabaseAndAuditAsync(AdminServices services, List<DoctorCheckJson> checks, TerminalProgress progress, CancellationToken ct)
    {
        try
        {
            _ = await services.AuditStore.GetHeadAsync(ct);
            checks.Add(new("database", "ok", $"{services.DatabasePath} opens, schema up to date", null));
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            checks.Add(new("database", "fail", e.Message, "check the file's permissions and free disk space; restore from a backup if it is corrupt"));
            return false;
        }
        progress.Report(checks.Count, "audit chain");
        var audit = await services.Audit.VerifyAsync(ct);
        checks.Add(audit.IsValid
            ? new("audit chain", "ok", $"{audit.RecordsChecked} record(s), {audit.CheckpointsVerified} checkpoint(s) verified", null)
            : new("audit chain", "fail", $"broken at record #{audit.FirstBadSeq} ({audit.Problem}): {audit.Message}",
                "keep the database as evidence; 'jiragate audit verify' shows the first bad record"));
        return true;
    }

    private static async Task JiraChecksAsync(JiraConnection connection, TimeProvider time, List<DoctorCheckJson> checks, TerminalProgress progress, CancellationToken ct)
    {
        var jira = connection.Client;
        progress.Report(checks.Count, "connectivity");
        try
        {
            var info = await jira.Metadata.GetServerInfoAsync(ct);
            checks.Add(new("connectivity", "ok", $"{connection.Target}: {info.ServerTitle ?? "Jira"} {info.Version} ({info.Deployment})", null));
        }
        catch (Exception e) when (e is HttpRequestException or JiraException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            checks.Add(new("connectivity", "fail", $"{connection.Target}: {e.Message}", "check the URL, DNS, proxy and firewall; the site must answer /rest/api/*/serverInfo"));
            return;
        }

        progress.Report(checks.Count, "auth");
        try
        {
            var me = await jira.Users.GetMyselfAsync(ct);
            checks.Add(new("auth", "ok", $"signed in as {me.DisplayName} <{me.EmailAddress}>", null));
        }
        catch (JiraException e)
        {
            checks.Add(new("auth", "fail", $"/myself answered {(int?)e.StatusCode}: {e.Message}",
                "store a valid token with 'jiragate vault set PATH --kind api-token --email …' (tokens: id.atlassian.com → Security → API tokens)"));
            return;
        }

        progress.Report(checks.Count, "permissions");
        try
        {
            var permissions = await jira.Users.GetMyPermissionsAsync(new MyPermissionsOptions { Permissions = [.. RequiredPermissions, .. OptionalPermissions] }, ct);
            var missing = RequiredPermissions.Where(p => !permissions.Has(p)).ToList();
            var missingOptional = OptionalPermissions.Where(p => !permissions.Has(p)).ToList();
            checks.Add(missing.Count > 0
                ? new("permissions", "fail", "missing " + string.Join(", ", missing), "grant the account these in the projects' permission schemes (Project settings → Permissions)")
                : missingOptional.Count > 0
                    ? new("permissions", "warn", $"has {string.Join(", ", RequiredPermissions)}; missing {string.Join(", ", missingOptional)}",
                        "only needed if a policy grants issues:delete or assignment")
                    : new("permissions", "ok", "has " + string.Join(", ", RequiredPermissions.Concat(OptionalPermissions)), null));
        }
        catch (JiraException e)
        {
            checks.Add(new("permissions", "fail", $"/mypermissions answered {(int?)e.StatusCode}: {e.Message}", "the account needs to be able to read its own permissions"));
        }

        if (connection.Dates.Last is { } jiraTime)
        {
            var skew = time.GetUtcNow() - jiraTime;
            var abs = skew.Duration();
            checks.Add(abs <= MaxClockSkew
                ? new("clock", "ok", $"within {Math.Ceiling(abs.TotalSeconds)}s of Jira's clock", null)
                : new("clock", "fail", $"this machine is {Durations.Format(TimeSpan.FromSeconds(Math.Round(abs.TotalSeconds)))} {(skew > TimeSpan.Zero ? "ahead of" : "behind")} Jira",
                    "enable time synchronisation (e.g. 'timedatectl set-ntp true'); approvals, audit timestamps and OAuth tokens depend on it"));
        }
        else
        {
            checks.Add(new("clock", "warn", "Jira's answers carried no Date header", "nothing to fix here; the skew could not be measured"));
        }
    }

    private static int Report(AdminInvocation run, string target, List<DoctorCheckJson> checks)
    {
        var healthy = checks.All(c => c.Status != "fail");
        if (run.Json)
        {
            AdminJsonOutput.Write(run, new DoctorJson(healthy, target, checks), AdminJsonContext.Default.DoctorJson);
        }
        else
        {
            foreach (var c in checks)
            {
                var mark = c.Status switch { "ok" => "✓", "fail" => "✗", "warn" => "!", _ => "-" };
                run.Out.WriteLine($"{mark} {c.Name,-13} {c.Detail}");
                if (c.Fix is not null && c.Status != "ok")
                {
                    run.Out.WriteLine($"  {"",-13} fix: {c.Fix}");
                }
            }
            run.Out.WriteLine(healthy ? "All checks passed." : $"{checks.Count(c => c.Status == "fail")} check(s) failed.");
        }
        return healthy ? ExitCodes.Ok : ExitCodes.CheckFailed;
    }
}
