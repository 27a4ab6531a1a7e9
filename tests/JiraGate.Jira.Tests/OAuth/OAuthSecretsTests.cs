using JiraGate.Jira.Authentication;
using JiraGate.Jira.Authentication.OAuth;
using JiraGate.Sandbox.Data;
using static JiraGate.Jira.Tests.OAuth.OAuthSandbox;

namespace JiraGate.Jira.Tests.OAuth;

/// <summary>Every secret of a whole OAuth life cycle, checked against everything the library prints.</summary>
public sealed class OAuthSecretsTests
{
    [Fact]
    public async Task FullLifeCycle_NoSecretInToStringExceptionsOrLogs()
    {
        await using var sandbox = await StartAsync();
        var secrets = new List<string> { DemoCredentials.OAuthClientSecret };
        var printed = new List<string> { sandbox.Client.ToString() };

        var code = await sandbox.AuthorizeAsync();
        secrets.Add(code);
        var tokens = await sandbox.Client.ExchangeCodeAsync(code, Ct);
        secrets.Add(tokens.AccessToken);
        secrets.Add(tokens.RefreshToken!);
        printed.Add(tokens.ToString());
        printed.Add((await Assert.ThrowsAsync<JiraOAuthException>(() => sandbox.Client.ExchangeCodeAsync(code, Ct))).ToString());

        var saved = new List<OAuthTokenSet>();
        var source = new OAuthTokenSource(sandbox.Client, tokens, (t, _) =>
        {
            saved.Add(t);
            return ValueTask.CompletedTask;
        });
        await source.GetAccessTokenAsync(true, Ct);
        sandbox.Time.Advance(TimeSpan.FromHours(1));
        await source.GetAccessTokenAsync(false, Ct);
        foreach (var set in saved)
        {
            secrets.Add(set.AccessToken);
            secrets.Add(set.RefreshToken!);
            printed.Add(set.ToString());
        }
        printed.Add(source.ToString());
        printed.Add(new OAuthCredentials(source).ToString());

        var stale = new OAuthTokenSource(sandbox.Client, tokens, (_, _) => ValueTask.CompletedTask);
        printed.Add((await Assert.ThrowsAsync<JiraOAuthException>(() => stale.GetAccessTokenAsync(true, Ct).AsTask())).ToString());

        var service = new ClientCredentialsTokenSource(sandbox.Client);
        secrets.Add(await service.GetAccessTokenAsync(false, Ct));
        printed.Add(service.ToString());
        printed.AddRange((await sandbox.Client.GetAccessibleResourcesAsync(saved[^1].AccessToken, Ct)).Select(r => r.ToString()));

        printed.AddRange(sandbox.Logs.Lines);
        Assert.Contains(sandbox.Logs.Lines, l => l.StartsWith("3101 ", StringComparison.Ordinal)); // refusals were logged
        Assert.Contains(sandbox.Logs.Lines, l => l.StartsWith("3102 ", StringComparison.Ordinal)); // rotations were logged
        Assert.Equal(9, secrets.Distinct(StringComparer.Ordinal).Count());
        foreach (var secret in secrets)
        {
            Assert.All(printed, text => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
        }
    }
}
