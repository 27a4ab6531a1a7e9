using System.CommandLine;
using System.Globalization;
using JiraGate.Cli.Admin;
using JiraGate.Governance.Audit;

namespace JiraGate.Cli.Commands;

/// <summary><c>jiragate audit verify | export | list | tail</c>.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var (command, options) = AdminOptions.Create("audit", "Verify, export and read the tamper-evident audit log");
        command.Subcommands.Add(Verify(options));
        command.Subcommands.Add(Export(options));
        command.Subcommands.Add(List(options));
        command.Subcommands.Add(Tail(options));
        return command;
    }

    private static Command Verify(AdminOptions options)
    {
        var command = new Command("verify", "Recompute the hash chain and check signed checkpoints; names the first bad record (exit 7 when broken)");
        AdminRun.SetAction(command, options, async (run, ct) =>
        {
            await using var services = await run.OpenAsync(ct: ct);
            AuditVerifyResult r;
            using (var progress = TerminalProgress.Start(run, "verifying the audit chain"))
            {
                r = await services.Audit.VerifyAsync(progress.For<AuditProgress>(p => (p.Done, p.Total)), ct);
            }
            if (run.Json)
            {
                AdminJsonOutput.Write(run, new AuditVerifyJson(r.IsValid, r.RecordsChecked, r.LastGoodSeq, r.HeadHash, r.CheckpointsVerified,
                    r.Problem?.ToString(), r.FirstBadSeq, r.Message), AdminJsonContext.Default.AuditVerifyJson);
            }
            else if (r.IsValid)
            {
                run.Out.WriteLine($"✓ audit chain intact: {r.RecordsChecked} record(s), {r.CheckpointsVerified} signed checkpoint(s) verified");
                if (r.HeadHash is not null)
                {
                    run.Out.WriteLine("  head: #" + r.LastGoodSeq + " " + r.HeadHash);
                }
            }
            else
            {
                run.Out.WriteLine($"✗ audit chain broken at record #{r.FirstBadSeq} ({r.Problem}): {r.Message}");
                run.Out.WriteLine($"  records up to #{r.LastGoodSeq} are intact; keep this database as evidence and restore the log from an export or backup.");
            }
            return r.IsValid ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        return command;
    }

    private static Command Export(AdminOptions options)
    {
        var output = new Option<string>("--output", "-o") { Description = "Write to this file instead of stdout", HelpName = "file" };
        var command = new Command("export", "Write the whole log, with its checkpoints, as JSON Lines") { output };
        AdminRun.SetAction(command, options, async (run, ct) =>
        {
            await using var services = await run.OpenAsync(ct: ct);
            var file = run.Get(output);
            if (file is not null)
            {
                await using (var stream = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None))
                using (var progress = TerminalProgress.Start(run, "exporting the audit log"))
                {
                    await services.Audit.ExportAsync(stream, progress.For<AuditProgress>(p => (p.Done, p.Total)), ct);
                }
                if (!run.Json)
                {
                    run.Err.WriteLine($"Exported the audit log to {file}.");
                }
                return ExitCodes.Ok;
            }
            // The export is JSON already, so --json changes nothing; stdout is a stream when it is the console.
            using var buffer = new MemoryStream();
            using (var progress = TerminalProgress.Start(run, "exporting the audit log"))
            {
                // Cleared before stdout is written, which may be the same terminal.
                await services.Audit.ExportAsync(buffer, progress.For<AuditProgress>(p => (p.Done, p.Total)), ct);
            }
            buffer.Position = 0;
            using var reader = new StreamReader(buffer);
            await run.Out.WriteAsync(await reader.ReadToEndAsync(ct));
            await run.Out.FlushAsync(ct);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(AdminOptions options)
    {
        var agent = new Option<string>("--agent") { Description = "Only this agent's records" };
        var org = new Option<string>("--org") { Description = "Only this organisation's records" };
        var operation = new Option<string>("--operation") { Description = "Only this operation, e.g. issues:delete" };
        var decision = new Option<string>("--decision") { Description = "Only this decision, e.g. allow, deny, hitl" };
        var since = new Option<string>("--since") { Description = "From this time: ISO 8601 (2025-01-31T12:00Z) or an age (30m, 12h, 7d)" };
        var until = new Option<string>("--until") { Description = "Up to this time: ISO 8601 or an age" };
        var limit = new Option<int>("--limit") { Description = "At most this many records (1–1000)", DefaultValueFactory = _ => 100 };
        var command = new Command("list", "Records filtered by agent, organisation, operation, decision and time") { agent, org, operation, decision, since, until, limit };
        AdminRun.SetAction(command, options, async (run, ct) =>
        {
            var n = run.Get(limit);
            if (n is < 1 or > 1000)
            {
                throw CliError.Usage("--limit must be between 1 and 1000.");
            }
            await using var services = await run.OpenAsync(ct: ct);
            var now = services.Time.GetUtcNow();
            var page = await services.Audit.QueryAsync(new AuditQuery
            {
                Agent = run.Get(agent),
                Org = run.Get(org),
                Operation = run.Get(operation),
                Decision = run.Get(decision),
                From = ParseTime(run.Get(since), now, "--since"),
                To = ParseTime(run.Get(until), now, "--until"),
                Limit = n,
            }, ct);
            Write(run, page.Records);
            if (!run.Json && page.NextAfterSeq is { } next)
            {
                run.Err.WriteLine($"(more records after #{next}: raise --limit or narrow the filters)");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Tail(AdminOptions options)
    {
        var count = new Option<int>("--lines", "-n") { Description = "How many of the last records to show (1–1000)", DefaultValueFactory = _ => 20 };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new records as they are written, until Ctrl+C" };
        var interval = new Option<TimeSpan>("--interval") { Description = "How often --follow polls", DefaultValueFactory = _ => TimeSpan.FromSeconds(1), Hidden = true };
        var command = new Command("tail", "The last records; --follow keeps printing new ones") { count, follow, interval };
        AdminRun.SetAction(command, options, async (run, ct) =>
        {
            var n = run.Get(count);
            if (n is < 1 or > 1000)
            {
                throw CliError.Usage("--lines must be between 1 and 1000.");
            }
            await using var services = await run.OpenAsync(ct: ct);
            var head = await services.AuditStore.GetHeadAsync(ct);
            var page = await services.Audit.QueryAsync(new AuditQuery { AfterSeq = Math.Max(0, head.Seq - n), Limit = n }, ct);
            var following = run.Get(follow);
            Write(run, page.Records, lines: following);
            var after = page.Records.Count > 0 ? page.Records[^1].Seq : head.Seq;
            while (following && !ct.IsCancellationRequested)
            {
                await Task.Delay(run.Get(interval), services.Time, ct);
                var more = await services.Audit.QueryAsync(new AuditQuery { AfterSeq = after, Limit = 1000 }, ct);
                foreach (var record in more.Records)
                {
                    WriteLine(run, record);
                    after = record.Seq;
                }
                await run.Out.FlushAsync(ct);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A table, or a JSON array; with <paramref name="lines"/> (tail --follow) one JSON object per line so a reader can stream it.</summary>
    private static void Write(AdminInvocation run, IReadOnlyList<AuditRecord> records, bool lines = false)
    {
        if (run.Json && !lines)
        {
            AdminJsonOutput.Write<IReadOnlyList<AuditRecordJson>>(run, records.Select(ToJson).ToList(), AdminJsonContext.Default.IReadOnlyListAuditRecordJson);
            return;
        }
        if (run.Json || lines)
        {
            foreach (var record in records)
            {
                WriteLine(run, record);
            }
            return;
        }
        var table = new Table("SEQ", "TIME", "KIND", "AGENT", "ORG", "OPERATION", "DECISION", "POLICY", "OUTCOME");
        foreach (var r in records)
        {
            table.Add(r.Seq.ToString(CultureInfo.InvariantCulture), Table.Time(r.Timestamp), AuditRecord.KindName(r.Kind), r.Agent, r.Org, r.Operation,
                r.Decision, r.Policy, Outcome(r.Outcome));
        }
        table.WriteTo(run.Out, "No audit records match.");
    }

    private static void WriteLine(AdminInvocation run, AuditRecord r)
    {
        if (run.Json)
        {
            run.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(ToJson(r), AdminJsonLines.Default.AuditRecordJson));
            return;
        }
        run.Out.WriteLine($"#{r.Seq}  {Table.Time(r.Timestamp)}  {AuditRecord.KindName(r.Kind),-7}  {r.Agent}@{r.Org}  {r.Operation}  {r.Decision}  {Outcome(r.Outcome)}".TrimEnd());
    }

    private static string Outcome(AuditOutcome? o) => o is null ? "" : o.ErrorCode is null ? $"{o.Status} {o.HttpStatus}".TrimEnd() : $"{o.Status} {o.ErrorCode}";

    private static AuditRecordJson ToJson(AuditRecord r) => new(r.Seq, r.Timestamp, AuditRecord.KindName(r.Kind), r.Agent, r.Org, r.Operation, r.Risk,
        r.Decision, r.Policy, r.ApprovalId, AdminJsonOutput.Parse(r.Parameters), r.IntentSeq,
        r.Outcome is { } o ? new AuditOutcomeJson(o.Status, o.HttpStatus, o.DurationMs, o.JiraRequestId, o.ErrorCode, o.ErrorMessage) : null, r.Hash);

    /// <summary>ISO 8601, or an age before <paramref name="now"/> such as 30m, 12h, 7d.</summary>
    internal static DateTimeOffset? ParseTime(string? text, DateTimeOffset now, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        text = text.Trim();
        if (text.Length >= 2 && long.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            TimeSpan? age = char.ToLowerInvariant(text[^1]) switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                'w' => TimeSpan.FromDays(7 * amount),
                _ => null,
            };
            if (age is { } a)
            {
                return now - a;
            }
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : throw CliError.Usage($"{option} '{text}' is neither a time (2025-01-31T12:00:00Z) nor an age (30m, 12h, 7d).");
    }
}
