using System.CommandLine;
using System.Security.Cryptography;
using JiraGate.Governance.Audit;
using JiraGate.Governance.Vault;
using Microsoft.Data.Sqlite;

namespace JiraGate.Cli.Admin;

/// <summary>What a command's body gets: the parse result, its output writers and the shared options' values.</summary>
internal sealed class AdminInvocation
{
    public required ParseResult Parse { get; init; }

    public required AdminOptions Options { get; init; }

    public TextWriter Out => Parse.InvocationConfiguration.Output;

    public TextWriter Err => Parse.InvocationConfiguration.Error;

    public bool Json => Parse.GetValue(Options.Json);

    public string DataDir => Parse.GetValue(Options.DataDir) ?? AdminOptions.DefaultDataDir;

    public IReadOnlyList<string> PolicyFiles => (Parse.GetValue(Options.PolicyFiles) ?? [])
        .SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    public T? Get<T>(Option<T> option) => Parse.GetValue(option);

    public T? Get<T>(Argument<T> argument) => Parse.GetValue(argument);

    /// <summary>Opens the data directory's services; <paramref name="create"/> makes the directory when missing.</summary>
    public Task<AdminServices> OpenAsync(bool create = false, CancellationToken ct = default) =>
        AdminServices.OpenAsync(DataDir, PolicyFiles, create, ct);

    /// <summary>Writes a line to stdout unless --json is on (then stdout carries only the JSON document).</summary>
    public void Say(string line)
    {
        if (!Json)
        {
            Out.WriteLine(line);
        }
    }
}

/// <summary>Runs a command body: turns the failures the user can act on into one stderr line and an exit code.</summary>
internal static class AdminRun
{
    public static void SetAction(Command command, AdminOptions options, Func<AdminInvocation, CancellationToken, Task<int>> body) =>
        command.SetAction((parse, ct) => RunAsync(new AdminInvocation { Parse = parse, Options = options }, body, ct));

    private static async Task<int> RunAsync(AdminInvocation invocation, Func<AdminInvocation, CancellationToken, Task<int>> body, CancellationToken ct)
    {
        try
        {
            return await body(invocation, ct);
        }
        catch (CliError e)
        {
            return Fail(invocation, e.ExitCode, e.Message);
        }
        catch (VaultKeyMismatchException e)
        {
            return Fail(invocation, ExitCodes.CheckFailed, e.Message + " Use the master key this vault was created with (JIRAGATE_MASTER_KEY or <data-dir>/master.key).");
        }
        catch (VaultException e)
        {
            return Fail(invocation, ExitCodes.Error, e.Message);
        }
        catch (AuditUnavailableException e)
        {
            return Fail(invocation, ExitCodes.Unavailable, e.Message);
        }
        catch (SqliteException e)
        {
            return Fail(invocation, ExitCodes.Unavailable, $"The database in {invocation.DataDir} could not be used: {e.Message}");
        }
        catch (CryptographicException e)
        {
            return Fail(invocation, ExitCodes.CheckFailed, "A key or signature could not be read: " + e.Message);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return ExitCodes.Ok;
        }
    }

    private static int Fail(AdminInvocation invocation, int code, string message)
    {
        invocation.Err.WriteLine("error: " + message);
        return code;
    }
}
