using System.Text.Json.Nodes;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Security;
using JiraGate.Sandbox.Tests.Infrastructure;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;

namespace JiraGate.Sandbox.Tests.Agile;

/// <summary>What the demo site should answer, computed straight from its data, and paging walks over the routes.</summary>
internal static class AgileTestData
{
    public const long SecBoard = 42, EngBoard = 43, OpsKanban = 44;
    public const long SecClosed = 1, SecActive = 2, SecFuture = 3, EngClosed = 4, EngActive = 5, EngFuture = 6;

    public static User User(Site site, DemoCredentials.DemoUser cred) => site.Read(s => s.UserByName(cred.Name)!);

    /// <summary>Keys of a sprint's issues the user may browse, in rank order (created, then id).</summary>
    public static List<string> SprintKeys(Site site, DemoCredentials.DemoUser cred, long sprintId) =>
        Visible(site, cred, i => i.SprintIds.Contains(sprintId));

    public static List<string> Visible(Site site, DemoCredentials.DemoUser cred, Func<Issue, bool> member)
    {
        var user = User(site, cred);
        return site.Read(s => s.Issues
            .Where(member)
            .Where(i => PermissionService.CanBrowse(s, user, i))
            .OrderBy(i => i.Created).ThenBy(i => i.Id)
            .Select(i => i.Key)
            .ToList());
    }

    /// <summary>Walks an offset-paged issue list to its end; asserts each page's envelope on the way.</summary>
    public static async Task<List<string>> WalkOffsetAsync(HttpClient client, string path, int pageSize)
    {
        var keys = new List<string>();
        long startAt = 0;
        for (var guard = 0; guard < 10_000; guard++)
        {
            var sep = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var body = (await (await client.GetAsync($"{path}{sep}startAt={startAt}&maxResults={pageSize}", Ct))
                .ExpectAsync(System.Net.HttpStatusCode.OK))!;
            Assert.Equal(startAt, body["startAt"]!.GetValue<long>());
            Assert.Equal(pageSize, body["maxResults"]!.GetValue<int>());
            var issues = body["issues"]!.AsArray();
            keys.AddRange(issues.Select(i => i!["key"]!.GetValue<string>()));
            var total = body["total"]!.GetValue<int>();
            Assert.True(issues.Count <= pageSize);
            if (startAt + issues.Count >= total)
            {
                return keys;
            }
            Assert.Equal(pageSize, issues.Count);
            startAt += issues.Count;
        }
        throw new InvalidOperationException("The walk did not end.");
    }

    /// <summary>Walks a token-paged Software 1.0 list to its end; asserts isLast/nextPageToken agree on every page.</summary>
    public static async Task<List<string>> WalkTokenAsync(HttpClient client, string path, int pageSize)
    {
        var keys = new List<string>();
        string? token = null;
        for (var guard = 0; guard < 10_000; guard++)
        {
            var sep = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var url = $"{path}{sep}maxResults={pageSize}" + (token is null ? "" : "&nextPageToken=" + Uri.EscapeDataString(token));
            var body = (await (await client.GetAsync(url, Ct)).ExpectAsync(System.Net.HttpStatusCode.OK))!.AsObject();
            Assert.False(body.ContainsKey("total"));
            Assert.False(body.ContainsKey("startAt"));
            var issues = body["issues"]!.AsArray();
            Assert.True(issues.Count <= pageSize);
            keys.AddRange(issues.Select(i => i!["key"]!.GetValue<string>()));
            var isLast = body["isLast"]!.GetValue<bool>();
            if (isLast)
            {
                Assert.False(body.ContainsKey("nextPageToken"));
                return keys;
            }
            Assert.Equal(pageSize, issues.Count);
            token = body["nextPageToken"]!.GetValue<string>();
            Assert.False(string.IsNullOrEmpty(token));
        }
        throw new InvalidOperationException("The walk did not end.");
    }

    public static List<long> Ids(JsonNode body, string array = "values") =>
        [.. body[array]!.AsArray().Select(v => v!["id"]!.GetValue<long>())];
}
