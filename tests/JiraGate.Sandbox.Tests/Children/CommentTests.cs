using System.Net;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Tests.Infrastructure;
using static JiraGate.Sandbox.Tests.Children.ChildTestSupport;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;

namespace JiraGate.Sandbox.Tests.Children;

public sealed class CommentTests(SandboxFixture sandbox)
{
    private const string Comments = "/rest/api/3/issue/" + SecIssue + "/comment";

    [Fact]
    public async Task AddComment_AdfBody_Returns201AndListsIt()
    {
        var (host, events) = await StartAsync();
        await using var _ = host;
        using var alice = host.CreateClient(DemoCredentials.Alice);
        var before = Issue(host, SecIssue).Updated;

        var created = (await (await alice.PostJsonAsync(Comments, new JsonObject { ["body"] = Doc("Escalated to IR.") }))
            .ExpectAsync(HttpStatusCode.Created))!;

        Assert.Equal("doc", created["body"]!["type"]!.GetValue<string>());
        Assert.Equal(SiteSeeder.AccountIdFor("alice"), created["author"]!["accountId"]!.GetValue<string>());
        Assert.True(created["jsdPublic"]!.GetValue<bool>());
        var page = (await (await alice.GetAsync(Comments, Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(100, page["maxResults"]!.GetValue<int>());
        Assert.Contains(page["comments"]!.AsArray(), c => c!["id"]!.GetValue<string>() == created["id"]!.GetValue<string>());
        Assert.True(Issue(host, SecIssue).Updated >= before);
        Assert.Contains("comment_created", events.Names);
        Assert.Contains("jira:issue_updated:issue_commented", events.Names);
    }

    [Fact]
    public async Task AddComment_PlainStringOnV3_Gets400CommentBodyNotValid()
    {
        using var alice = sandbox.Client(DemoCredentials.Alice);
        var response = await alice.PostJsonAsync(Comments, new JsonObject { ["body"] = "just text" });
        var error = await response.ExpectJiraErrorAsync(HttpStatusCode.BadRequest, "Comment body is not valid!");
        Assert.NotNull(error["errors"]!["comment"]);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"body\":null}")]
    [InlineData("{\"body\":{\"type\":\"doc\",\"version\":1,\"content\":[]}}")]
    public async Task AddComment_EmptyBody_Gets400(string json)
    {
        using var alice = sandbox.Client(DemoCredentials.Alice);
        var response = await alice.PostAsync(Comments, JsonBody(json), Ct);
        await response.ExpectJiraErrorAsync(HttpStatusCode.BadRequest, "Comment body can not be empty!");
    }

    [Fact]
    public async Task AddComment_TooLong_Gets400WithJirasLimitMessage()
    {
        using var alice = sandbox.Client(DemoCredentials.Alice);
        var response = await alice.PostJsonAsync(Comments, new JsonObject { ["body"] = Doc(new string('x', 33000)) });
        await response.ExpectJiraErrorAsync(HttpStatusCode.BadRequest, "It exceeds the allowed limit of 32,767 characters.");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public async Task AddComment_MalformedJson_Gets400(string json)
    {
        using var alice = sandbox.Client(DemoCredentials.Alice);
        var response = await alice.PostAsync(Comments, JsonBody(json), Ct);
        await response.ExpectErrorAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/rest/api/3/issue/SEC-999999/comment")]
    [InlineData("/rest/api/3/issue/..%2F..%2Fetc/comment")]
    public async Task Comments_UnknownIssue_Get404(string path)
    {
        using var alice = sandbox.Client(DemoCredentials.Alice);
        await (await alice.GetAsync(path, Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound, "Issue does not exist or you do not have permission to see it.");
    }

    [Fact]
    public async Task Comments_IssueTheCallerCannotBrowse_Get404NotForbidden()
    {
        using var carol = sandbox.Client(DemoCredentials.Carol);
        await (await carol.GetAsync(Comments, Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound, "Issue does not exist");
        await (await carol.PostJsonAsync(Comments, new JsonObject { ["body"] = Doc("hi") }))
            .ExpectJiraErrorAsync(HttpStatusCode.NotFound, "Issue does not exist");
    }

    [Fact]
    public async Task AddComment_WithoutAddCommentsPermission_Gets400WithJirasMessage()
    {
        var (host, _) = await StartAsync();
        await using var _h = host;
        host.Site.Write(s => s.Data.PermissionSchemes.ForEach(p => p.Grants.RemoveAll(g => g.Permission == Permissions.AddComments)));
        using var alice = host.CreateClient(DemoCredentials.Alice);
        await (await alice.PostJsonAsync(Comments, new JsonObject { ["body"] = Doc("hi") }))
            .ExpectJiraErrorAsync(HttpStatusCode.BadRequest, "Alice Analyst, you do not have the permission to comment on this issue.");
    }

    [Fact]
    public async Task RestrictedComment_IsHiddenFromNonMembers()
    {
        var (host, _) = await StartAsync();
        await using var _h = host;
        using var alice = host.CreateClient(DemoCredentials.Alice);
        using var ada = host.CreateClient(DemoCredentials.Ada);
        var body = new JsonObject { ["body"] = Doc("for developers"), ["visibility"] = new JsonObject { ["type"] = "role", ["value"] = "Developers" } };
        var created = (await (await alice.PostJsonAsync(Comments, body)).ExpectAsync(HttpStatusCode.Created))!;
        Assert.Equal("Developers", created["visibility"]!["value"]!.GetValue<string>());
        var id = created["id"]!.GetValue<string>();

        // ada administers SEC but is not a Developer there.
        var adaPage = (await (await ada.GetAsync(Comments, Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.DoesNotContain(adaPage["comments"]!.AsArray(), c => c!["id"]!.GetValue<string>() == id);
        var alicePage = (await (await alice.GetAsync(Comments, Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(adaPage["total"]!.GetValue<int>() + 1, alicePage["total"]!.GetValue<int>());
        await (await ada.GetAsync($"{Comments}/{id}", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound, $"Can not find a comment for the id: {id}.");
    }

    [Theory]
    [InlineData("group", "hr-team", "You are currently not a member of the group: hr-team.")]
    [InlineData("group", "no-such-group", "Group: no-such-group does not exist.")]
    [InlineData("role", "Administrators", "You are currently not a member of the project role: Administrators.")]
    public async Task AddComment_VisibilityTheCallerIsNotIn_Gets400(string type, string value, string message)
    {
        using var alice = sandbox.Client(DemoCredentials.Alice);
        var body = new JsonObject { ["body"] = Doc("secret"), ["visibility"] = new JsonObject { ["type"] = type, ["value"] = value } };
        var error = await (await alice.PostJsonAsync(Comments, body)).ExpectJiraErrorAsync(HttpStatusCode.BadRequest, message);
        Assert.NotNull(error["errors"]!["commentLevel"]);
    }

    [Fact]
    public async Task ListComments_PagingOrderAndRenderedBody()
    {
        var (host, _) = await StartAsync();
        await using var _h = host;
        using var alice = host.CreateClient(DemoCredentials.Alice);
        for (var i = 0; i < 3; i++)
        {
            await (await alice.PostJsonAsync(Comments, new JsonObject { ["body"] = Doc("note " + i) })).ExpectAsync(HttpStatusCode.Created);
        }
        var all = (await (await alice.GetAsync(Comments, Ct)).ExpectAsync(HttpStatusCode.OK))!;
        var total = all["total"]!.GetValue<int>();
        var newestFirst = (await (await alice.GetAsync($"{Comments}?orderBy=-created&maxResults=2&expand=renderedBody", Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(2, newestFirst["comments"]!.AsArray().Count);
        Assert.Equal(total, newestFirst["total"]!.GetValue<int>());
        Assert.Equal("<p>note 2</p>", newestFirst["comments"]![0]!["renderedBody"]!.GetValue<string>());
        var tail = (await (await alice.GetAsync($"{Comments}?startAt={total - 1}", Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Single(tail["comments"]!.AsArray());
        Assert.Equal(total - 1, tail["startAt"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("?orderBy=updated")]
    [InlineData("?startAt=abc")]
    [InlineData("?maxResults=-1")]
    public async Task ListComments_BadParameters_Get400(string query)
    {
        using var alice = sandbox.Client(DemoCredentials.Alice);
        await (await alice.GetAsync(Comments + query, Ct)).ExpectJiraErrorAsync(HttpStatusCode.BadRequest, "");
    }

    [Fact]
    public async Task UpdateComment_OwnWithEditOwn_Returns200_OthersWithoutEditAll_Gets400()
    {
        var (host, events) = await StartAsync();
        await using var _h = host;
        using var alice = host.CreateClient(DemoCredentials.Alice);
        using var bob = host.CreateClient(DemoCredentials.Bob);
        using var ada = host.CreateClient(DemoCredentials.Ada);
        var id = (await (await alice.PostJsonAsync(Comments, new JsonObject { ["body"] = Doc("v1") })).ExpectAsync(HttpStatusCode.Created))!["id"]!.GetValue<string>();

        var updated = (await (await alice.PutJsonAsync($"{Comments}/{id}", new JsonObject { ["body"] = Doc("v2") })).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal("v2", updated["body"]!["content"]![0]!["content"]![0]!["text"]!.GetValue<string>());
        Assert.Contains("comment_updated", events.Names);

        await (await bob.PutJsonAsync($"{Comments}/{id}", new JsonObject { ["body"] = Doc("hijack") }))
            .ExpectJiraErrorAsync(HttpStatusCode.BadRequest, "You do not have the permission to edit this comment.");
        var byAdmin = (await (await ada.PutJsonAsync($"{Comments}/{id}", new JsonObject { ["body"] = Doc("moderated") })).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(SiteSeeder.AccountIdFor("ada"), byAdmin["updateAuthor"]!["accountId"]!.GetValue<string>());
        Assert.Equal(SiteSeeder.AccountIdFor("alice"), byAdmin["author"]!["accountId"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeleteComment_OthersWithoutDeleteAll_Gets400_OwnGets204()
    {
        var (host, events) = await StartAsync();
        await using var _h = host;
        using var alice = host.CreateClient(DemoCredentials.Alice);
        using var bob = host.CreateClient(DemoCredentials.Bob);
        var id = (await (await alice.PostJsonAsync(Comments, new JsonObject { ["body"] = Doc("bye") })).ExpectAsync(HttpStatusCode.Created))!["id"]!.GetValue<string>();

        await (await bob.DeleteAsync($"{Comments}/{id}", Ct)).ExpectJiraErrorAsync(HttpStatusCode.BadRequest, "You do not have the permission to delete this comment.");
        await (await alice.DeleteAsync($"{Comments}/{id}", Ct)).ExpectAsync(HttpStatusCode.NoContent);
        await (await alice.GetAsync($"{Comments}/{id}", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound, "Can not find a comment");
        await (await alice.DeleteAsync($"{Comments}/{id}", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound, "Can not find a comment");
        Assert.Contains("comment_deleted", events.Names);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("99999999")]
    public async Task GetComment_UnknownId_Gets404(string id)
    {
        using var alice = sandbox.Client(DemoCredentials.Alice);
        await (await alice.GetAsync($"{Comments}/{id}", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound, $"Can not find a comment for the id: {id}.");
    }

    [Fact]
    public async Task CloudV2_WikiBody_IsAcceptedAndReturnedAsString()
    {
        var (host, _) = await StartAsync();
        await using var _h = host;
        using var alice = host.CreateClient(DemoCredentials.Alice);
        var created = (await (await alice.PostJsonAsync($"/rest/api/2/issue/{SecIssue}/comment", new JsonObject { ["body"] = "plain wiki" }))
            .ExpectAsync(HttpStatusCode.Created))!;
        Assert.Equal("plain wiki", created["body"]!.GetValue<string>());
        var v3 = (await (await alice.GetAsync($"{Comments}/{created["id"]}", Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal("doc", v3["body"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task DataCenter_Comments_UseNamesAndWikiStrings()
    {
        var (host, events) = await StartAsync(SandboxFlavor.DataCenter);
        await using var _h = host;
        using var alice = host.CreateClient(DemoCredentials.Alice);
        var path = $"/rest/api/2/issue/{SecIssue}/comment";
        var created = (await (await alice.PostJsonAsync(path, new JsonObject { ["body"] = "DC *note*" })).ExpectAsync(HttpStatusCode.Created))!;
        Assert.Equal("alice", created["author"]!["name"]!.GetValue<string>());
        Assert.Null(created["author"]!["accountId"]);
        Assert.Null(created["jsdPublic"]);
        Assert.IsType<string>(created["body"]!.GetValue<string>());
        var page = (await (await alice.GetAsync(path, Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(50, page["maxResults"]!.GetValue<int>());
        await (await alice.PostJsonAsync(path, new JsonObject { ["body"] = Doc("adf on v2") }))
            .ExpectJiraErrorAsync(HttpStatusCode.BadRequest, "Comment body is not valid!", Conformance.SpecKind.DataCenter);
        await (await alice.GetAsync($"/rest/api/3/issue/{SecIssue}/comment", Ct)).ExpectErrorAsync(HttpStatusCode.NotFound);
        Assert.Contains("comment_created", events.Names);
    }

    [Fact]
    public async Task DataCenter_NoCommentPermission_MessageHasNoName()
    {
        var (host, _) = await StartAsync(SandboxFlavor.DataCenter);
        await using var _h = host;
        host.Site.Write(s => s.Data.PermissionSchemes.ForEach(p => p.Grants.RemoveAll(g => g.Permission == Permissions.AddComments)));
        using var alice = host.CreateClient(DemoCredentials.Alice);
        var error = await (await alice.PostJsonAsync($"/rest/api/2/issue/{SecIssue}/comment", new JsonObject { ["body"] = "x" }))
            .ExpectJiraErrorAsync(HttpStatusCode.BadRequest, "You do not have the permission to comment on this issue.", Conformance.SpecKind.DataCenter);
        Assert.DoesNotContain("Alice", error.ToJsonString(), StringComparison.Ordinal);
    }
}
