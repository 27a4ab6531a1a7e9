using System.CommandLine;
using System.Globalization;
using JiraGate.Cli.Admin;
using JiraGate.Governance.Vault;

namespace JiraGate.Cli.Commands;

/// <summary><c>jiragate vault set | get | list | rm</c>: the encrypted secrets JiraGate uses on the agents' behalf.</summary>
internal static class VaultCommand
{
    private static readonly string[] Kinds = ["api-token", "scoped-token", "pat", "basic", "oauth-client", "secret"];

    public static Command Create()
    {
        var (command, options) = AdminOptions.Create("vault", "Store, inspect and remove the secrets JiraGate uses (encrypted at rest)");
        command.Subcommands.Add(Set(options));
        command.Subcommands.Add(Get(options));
        command.Subcommands.Add(List(options));
        command.Subcommands.Add(Remove(options));
        return command;
    }

    private static Command Set(AdminOptions options)
    {
        var path = new Argument<string>("path") { Description = "Where to store it, e.g. jira/acme" };
        var kind = new Option<string>("--kind") { Description = "api-token | scoped-token | pat | basic | oauth-client | secret", Required = true };
        kind.AcceptOnlyFromAmong(Kinds);
        var email = new Option<string>("--email") { Description = "The account's email (api-token, scoped-token)" };
        var username = new Option<string>("--username") { Description = "The user name (basic)" };
        var clientId = new Option<string>("--client-id") { Description = "The OAuth client id (oauth-client)" };
        var cloudId = new Option<string>("--cloud-id") { Description = "The Atlassian cloud id (scoped-token, oauth-client)" };
        var description = new Option<string>("--description") { Description = "What the secret is (secret)" };
        var expires = new Option<string>("--expires") { Description = "When it expires: a date (2026-03-31) or a lifetime from now (90d)", HelpName = "when" };
        var fromEnv = new Option<string>("--from-env") { Description = "Read the secret from this environment variable (else stdin, else a hidden prompt)", HelpName = "var" };
        var command = new Command("set", "Create or replace an entry; the secret is read from stdin, a hidden prompt or --from-env, never from an argument")
        {
            path, kind, email, username, clientId, cloudId, description, expires, fromEnv,
        };
        AdminRun.SetAction(command, options, async (run, ct) =>
        {
            var p = run.Get(path)!;
            var k = run.Get(kind)!;
            string Required(Option<string> o) => run.Get(o) is { Length: > 0 } v ? v : throw CliError.Usage($"--kind {k} needs {o.Name}.");
            // Check the plain fields before asking for the secret, so a mistake does not cost a paste.
            var plain = k switch
            {
                "api-token" or "scoped-token" => Required(email),
                "basic" => Required(username),
                "oauth-client" => Required(clientId),
                _ => "",
            };
            await using var services = await run.OpenAsync(create: true, ct: ct);
            var expiresAt = ParseExpiry(run.Get(expires), services.Time.GetUtcNow());
            var secret = new SecretValue(SecretInput.Read(run, run.Get(fromEnv), k switch
            {
                "basic" => "Password",
                "oauth-client" => "Client secret",
                "secret" => "Secret value",
                _ => "Token",
            }));
            VaultEntry entry = k switch
            {
                "api-token" => new ApiTokenEntry { Email = plain, ApiToken = secret, ExpiresAt = expiresAt },
                "scoped-token" => new ScopedApiTokenEntry { Email = plain, ApiToken = secret, CloudId = run.Get(cloudId), ExpiresAt = expiresAt },
                "pat" => new PersonalAccessTokenEntry { Token = secret, ExpiresAt = expiresAt },
                "basic" => new BasicPasswordEntry { Username = plain, Password = secret, ExpiresAt = expiresAt },
                "oauth-client" => new OAuthClientEntry { ClientId = plain, ClientSecret = secret, CloudId = run.Get(cloudId), ExpiresAt = expiresAt },
                _ => new GenericSecretEntry { Value = secret, Description = run.Get(description), ExpiresAt = expiresAt },
            };
            try
            {
                await services.Vault.SetAsync(p, entry, ct);
            }
            catch (ArgumentException e)
            {
                throw CliError.Usage(e.Message);
            }
            if (run.Json)
            {
                AdminJsonOutput.Write(run, new VaultChangeJson(p, "set", VaultEntryKinds.ToName(entry.Kind)), AdminJsonContext.Default.VaultChangeJson);
            }
            else
            {
                run.Out.WriteLine($"✓ stored {p}: {entry.Describe()}" + (expiresAt is { } at ? $", expires {Table.Time(at)}" : ""));
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Get(AdminOptions options)
    {
        var path = new Argument<string>("path") { Description = "The entry, e.g. jira/acme" };
        var reveal = new Option<bool>("--reveal") { Description = "Show the secret values (redacted otherwise)" };
        var command = new Command("get", "One entry's fields; secrets are redacted unless --reveal") { path, reveal };
        AdminRun.SetAction(command, options, async (run, ct) =>
        {
            await using var services = await run.OpenAsync(ct: ct);
            var p = run.Get(path)!;
            var entry = await services.Vault.TryGetAsync(p, ct)
                ?? throw CliError.Usage($"The vault has no entry '{p}'; 'jiragate vault list' shows them.");
            var show = run.Get(reveal);
            var state = (await services.Vault.ListAsync(ct)).FirstOrDefault(e => e.Path == p)?.ExpiryState ?? VaultExpiryState.NoExpiry;
            var fields = Fields(entry).Select(f => new VaultFieldJson(f.Name, f.Secret is { } s ? (show ? s.Reveal() : SecretValue.Redacted) : f.Value ?? "", f.Secret is not null)).ToList();
            if (run.Json)
            {
                AdminJsonOutput.Write(run, new VaultEntryJson(p, VaultEntryKinds.ToName(entry.Kind), entry.Describe(), entry.ExpiresAt, StateName(state), show, fields),
                    AdminJsonContext.Default.VaultEntryJson);
                return ExitCodes.Ok;
            }
            run.Out.WriteLine($"{p}: {entry.Describe()} ({VaultEntryKinds.ToName(entry.Kind)})" + (entry.ExpiresAt is { } at ? $", expires {Table.Time(at)} [{StateName(state)}]" : ""));
            var table = new Table("FIELD", "VALUE");
            foreach (var f in fields)
            {
                table.Add(f.Name, f.Value);
            }
            table.WriteTo(run.Out);
            if (!show && fields.Any(f => f.Secret))
            {
                run.Err.WriteLine("(secrets redacted; add --reveal to show them)");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(AdminOptions options)
    {
        var command = new Command("list", "Every entry (no secrets), with expiry warnings");
        AdminRun.SetAction(command, options, async (run, ct) =>
        {
            await using var services = await run.OpenAsync(ct: ct);
            var entries = await services.Vault.ListAsync(ct);
            if (run.Json)
            {
                AdminJsonOutput.Write<IReadOnlyList<VaultListItemJson>>(run, entries.Select(e => new VaultListItemJson(e.Path, VaultEntryKinds.ToName(e.Kind),
                    e.Description, e.ExpiresAt, StateName(e.ExpiryState), e.UpdatedAt)).ToList(), AdminJsonContext.Default.IReadOnlyListVaultListItemJson);
                return ExitCodes.Ok;
            }
            var table = new Table("PATH", "KIND", "DESCRIPTION", "EXPIRES", "STATE");
            foreach (var e in entries)
            {
                table.Add(e.Path, VaultEntryKinds.ToName(e.Kind), e.Description, Table.Time(e.ExpiresAt), StateName(e.ExpiryState));
            }
            table.WriteTo(run.Out, "The vault is empty: 'jiragate vault set PATH --kind api-token --email …' adds an entry.");
            foreach (var e in entries.Where(e => e.ExpiryState is VaultExpiryState.Expired or VaultExpiryState.ExpiringSoon))
            {
                run.Err.WriteLine(e.ExpiryState == VaultExpiryState.Expired
                    ? $"warning: {e.Path} expired on {Table.Time(e.ExpiresAt)}; replace it with 'jiragate vault set {e.Path} …'."
                    : $"warning: {e.Path} expires on {Table.Time(e.ExpiresAt)}; rotate it soon.");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Remove(AdminOptions options)
    {
        var path = new Argument<string>("path") { Description = "The entry to delete" };
        var command = new Command("rm", "Delete an entry") { path };
        AdminRun.SetAction(command, options, async (run, ct) =>
        {
            await using var services = await run.OpenAsync(ct: ct);
            var p = run.Get(path)!;
            if (!await services.Vault.DeleteAsync(p, ct))
            {
                throw CliError.Usage($"The vault has no entry '{p}'.");
            }
            if (run.Json)
            {
                AdminJsonOutput.Write(run, new VaultChangeJson(p, "removed", null), AdminJsonContext.Default.VaultChangeJson);
            }
            else
            {
                run.Out.WriteLine($"✓ removed {p}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static IEnumerable<(string Name, string? Value, SecretValue? Secret)> Fields(VaultEntry entry)
    {
        switch (entry)
        {
            case ApiTokenEntry e:
                yield return (VaultFields.Email, e.Email, null);
                yield return (VaultFields.Token, null, e.ApiToken);
                break;
            case ScopedApiTokenEntry e:
                yield return (VaultFields.Email, e.Email, null);
                yield return (VaultFields.Token, null, e.ApiToken);
                yield return (VaultFields.CloudId, e.CloudId, null);
                break;
            case PersonalAccessTokenEntry e:
                yield return (VaultFields.Token, null, e.Token);
                break;
            case BasicPasswordEntry e:
                yield return (VaultFields.Username, e.Username, null);
                yield return (VaultFields.Password, null, e.Password);
                break;
            case OAuthClientEntry e:
                yield return (VaultFields.ClientId, e.ClientId, null);
                yield return (VaultFields.ClientSecret, null, e.ClientSecret);
                if (e.RefreshToken is not null)
                {
                    yield return (VaultFields.RefreshToken, null, e.RefreshToken);
                }
                if (e.AccessToken is not null)
                {
                    yield return (VaultFields.AccessToken, null, e.AccessToken);
                }
                yield return (VaultFields.Scopes, string.Join(' ', e.Scopes), null);
                yield return (VaultFields.CloudId, e.CloudId, null);
                break;
            case GenericSecretEntry e:
                yield return (VaultFields.Description, e.Description, null);
                yield return (VaultFields.Value, null, e.Value);
                break;
        }
    }

    private static DateTimeOffset? ParseExpiry(string? text, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (char.IsLetter(text.Trim()[^1]))
        {
            return now + Durations.Parse(text, "--expires");
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : throw CliError.Usage($"--expires '{text}' is neither a date (2026-03-31) nor a lifetime (90d).");
    }

    private static string StateName(VaultExpiryState state) => state switch
    {
        VaultExpiryState.NoExpiry => "no_expiry",
        VaultExpiryState.Valid => "valid",
        VaultExpiryState.ExpiringSoon => "expiring_soon",
        _ => "expired",
    };
}
