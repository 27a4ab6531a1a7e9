using System.Net;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Tests.Infrastructure;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;

namespace JiraGate.Sandbox.Tests.SiteDirectory;

/// <summary>Hostile or malformed input on the directory routes gets a Jira-shaped 4xx, never a 500.</summary>
public sealed class DirectoryBadInputTests(SandboxFixture sandbox)
{
    [Theory]
    [InlineData("/rest/api/3/project/search?maxResults=99999999999", 400)]
    [InlineData("/rest/api/3/project/search?startAt=1e3", 400)]
    [InlineData("/rest/api/3/project/search?keys=" + "%00", 200)]
    [InlineData("/rest/api/3/project/..%2F..%2Fsecret", 404)]
    [InlineData("/rest/api/3/project/SEC/role/-1", 404)]
    [InlineData("/rest/api/3/project/SEC/role/99999999999999999999", 404)]
    [InlineData("/rest/api/3/permissionscheme/-5", 404)]
    [InlineData("/rest/api/3/issuesecurityschemes/%2E%2E", 404)]
    [InlineData("/rest/api/3/user?accountId=%27%22%3C", 404)]
    [InlineData("/rest/api/3/user/assignable/search?issueKey=..%2FSEC-1", 404)]
    [InlineData("/rest/api/3/user/assignable/search?project=SEC&maxResults=-1", 400)]
    [InlineData("/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&issueId=12%2F34", 404)]
    [InlineData("/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&commentId=abc", 404)]
    [InlineData("/rest/api/3/mypermissions?permissions=EDIT_ISSUES&commentId=10000", 400)]
    [InlineData("/rest/api/3/group/member?groupname=sec-team&includeInactiveUsers=maybe", 400)]
    [InlineData("/rest/api/3/status/%2F%2F", 404)]
    [InlineData("/rest/api/3/statuscategory/-1", 404)]
    [InlineData("/rest/api/3/priority/search?startAt=x", 400)]
    [InlineData("/rest/api/3/project/SEC/version?orderBy=%2B", 400)]
    [InlineData("/rest/api/3/field/search?orderBy=-", 400)]
    public async Task MalformedInput_GetsJiraShaped4xx(string url, int status)
    {
        using var client = sandbox.Client(DemoCredentials.Ada);
        var response = await client.GetAsync(url, Ct);
        if (status == 200)
        {
            await response.ExpectAsync(HttpStatusCode.OK);
            return;
        }
        await response.ExpectErrorAsync((HttpStatusCode)status);
    }
}
