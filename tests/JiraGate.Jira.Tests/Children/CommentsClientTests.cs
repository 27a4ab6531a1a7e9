using System.Text.Json;
using JiraGate.Jira.Models;
using SandboxFlavor = JiraGate.Sandbox.Model.SandboxFlavor;

namespace JiraGate.Jira.Tests.Children;

/// <summary>Comments against the sandbox in both flavours: Markdown in, ADF (Cloud) or wiki (Data Center) on the wire, the same Markdown out.</summary>
public sealed class CommentsClientTests
{
    private const string Markdown = "Found **two** sessions from `203.0.113.7`:\n\n- one at 09:14\n- one at 09:20\n\nSee [the runbook](https://example.com/runbook).";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task AddCommentAsync_Markdown_ReadsBackAsTheSameMarkdown(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        var added = await sandbox.Alice.Comments.AddCommentAsync(ChildrenSandbox.Issue, Markdown, cancellationToken: Ct);

        var read = await sandbox.Alice.Comments.GetCommentAsync(ChildrenSandbox.Issue, added.Id, cancellationToken: Ct);
        Assert.Equal(Markdown, read.BodyAsMarkdown());
        Assert.Equal(sandbox.IsCloud ? JsonValueKind.Object : JsonValueKind.String, read.Body!.Value.ValueKind);
        Assert.Equal("Alice Analyst", read.Author!.DisplayName);
        Assert.NotNull(read.Created);
        Assert.NotNull(read.RequestId);
        var listed = await sandbox.Alice.Comments.ListCommentsAsync(ChildrenSandbox.Issue, cancellationToken: Ct).ToListAsync(Ct);
        Assert.Equal(Markdown, Assert.Single(listed, c => c.Id == added.Id).BodyAsMarkdown());
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task AddCommentAsync_RoleVisibility_KeptAndReadBack(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        var added = await sandbox.Alice.Comments.AddCommentAsync(ChildrenSandbox.Issue, "Team only.",
            new AddCommentOptions { Visibility = Visibility.Role("Developers") }, Ct);

        var read = await sandbox.Alice.Comments.GetCommentAsync(ChildrenSandbox.Issue, added.Id, cancellationToken: Ct);
        Assert.Equal("role", read.Visibility!.Type);
        Assert.Equal("Developers", read.Visibility.Value);
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task AddCommentAsync_GroupTheCallerIsNotIn_Refused(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        var ex = await Assert.ThrowsAsync<JiraValidationException>(() => sandbox.Alice.Comments.AddCommentAsync(ChildrenSandbox.Issue, "x",
            new AddCommentOptions { Visibility = Visibility.Group("hr-team") }, Ct));
        Assert.Contains("commentLevel", ex.Errors.Keys);
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task AddCommentAsync_MissingIssue_NotFound(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        await Assert.ThrowsAsync<JiraNotFoundException>(() => sandbox.Alice.Comments.AddCommentAsync("SEC-99999", "Hello", cancellationToken: Ct));
    }

    [Fact]
    public async Task AddCommentAsync_BlankText_RefusedBeforeSending()
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(SandboxFlavor.Cloud);
        await Assert.ThrowsAsync<ArgumentException>(() => sandbox.Alice.Comments.AddCommentAsync(ChildrenSandbox.Issue, "  ", cancellationToken: Ct));
        Assert.DoesNotContain(sandbox.Wire.Attempts, a => a.Method == "POST");
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task GetCommentAsync_MissingComment_NotFound(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        await Assert.ThrowsAsync<JiraNotFoundException>(() => sandbox.Alice.Comments.GetCommentAsync(ChildrenSandbox.Issue, "99999", cancellationToken: Ct));
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task GetCommentAsync_RenderedBody_ReturnedWhenExpanded(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        var added = await sandbox.Alice.Comments.AddCommentAsync(ChildrenSandbox.Issue, "Plain words", cancellationToken: Ct);
        var read = await sandbox.Alice.Comments.GetCommentAsync(ChildrenSandbox.Issue, added.Id, new GetCommentOptions { Expand = ["renderedBody"] }, Ct);
        Assert.Contains("Plain words", read.RenderedBody, StringComparison.Ordinal);
        Assert.Null(added.RenderedBody);
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task UpdateCommentAsync_Own_NewMarkdownReadBack(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        var added = await sandbox.Alice.Comments.AddCommentAsync(ChildrenSandbox.Issue, "First draft", cancellationToken: Ct);

        var updated = await sandbox.Alice.Comments.UpdateCommentAsync(ChildrenSandbox.Issue, added.Id, "Final *wording*", cancellationToken: Ct);

        Assert.Equal("Final *wording*", updated.BodyAsMarkdown());
        var read = await sandbox.Bob.Comments.GetCommentAsync(ChildrenSandbox.Issue, added.Id, cancellationToken: Ct);
        Assert.Equal("Final *wording*", read.BodyAsMarkdown());
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task UpdateCommentAsync_SomeoneElses_RefusedAndUnchanged(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        var bobs = await sandbox.Bob.Comments.AddCommentAsync(ChildrenSandbox.Issue, "Bob's note", cancellationToken: Ct);

        await Assert.ThrowsAsync<JiraValidationException>(() =>
            sandbox.Alice.Comments.UpdateCommentAsync(ChildrenSandbox.Issue, bobs.Id, "Alice was here", cancellationToken: Ct));

        Assert.Equal("Bob's note", (await sandbox.Bob.Comments.GetCommentAsync(ChildrenSandbox.Issue, bobs.Id, cancellationToken: Ct)).BodyAsMarkdown());
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task DeleteCommentAsync_Own_Gone(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        var added = await sandbox.Alice.Comments.AddCommentAsync(ChildrenSandbox.Issue, "Temporary", cancellationToken: Ct);

        await sandbox.Alice.Comments.DeleteCommentAsync(ChildrenSandbox.Issue, added.Id, Ct);

        await Assert.ThrowsAsync<JiraNotFoundException>(() => sandbox.Alice.Comments.GetCommentAsync(ChildrenSandbox.Issue, added.Id, cancellationToken: Ct));
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task DeleteCommentAsync_SomeoneElses_400AndStillThere(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        var bobs = await sandbox.Bob.Comments.AddCommentAsync(ChildrenSandbox.Issue, "Keep me", cancellationToken: Ct);

        var ex = await Assert.ThrowsAsync<JiraValidationException>(() => sandbox.Alice.Comments.DeleteCommentAsync(ChildrenSandbox.Issue, bobs.Id, Ct));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("Keep me", (await sandbox.Alice.Comments.GetCommentAsync(ChildrenSandbox.Issue, bobs.Id, cancellationToken: Ct)).BodyAsMarkdown());
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task ListCommentsAsync_Limit_HonouredExactlyAcrossPages(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        var before = (await sandbox.Alice.Comments.ListCommentsPageAsync(ChildrenSandbox.Issue, cancellationToken: Ct)).Total!.Value;
        for (var i = 1; i <= 5; i++)
        {
            await sandbox.Alice.Comments.AddCommentAsync(ChildrenSandbox.Issue, "Note " + i, cancellationToken: Ct);
        }

        var all = await sandbox.Alice.Comments.ListCommentsAsync(ChildrenSandbox.Issue, new ListCommentsOptions { PageSize = 2 }, Ct).ToListAsync(Ct);
        var limited = await sandbox.Alice.Comments.ListCommentsAsync(ChildrenSandbox.Issue, new ListCommentsOptions { PageSize = 2, Limit = 3 }, Ct).ToListAsync(Ct);

        Assert.Equal(before + 5, all.Count);
        Assert.Equal(all.Select(c => c.Id).Distinct().Count(), all.Count);
        Assert.Equal(["Note 1", "Note 2", "Note 3", "Note 4", "Note 5"], all.TakeLast(5).Select(c => c.BodyAsMarkdown()));
        Assert.Equal(all.Take(3).Select(c => c.Id), limited.Select(c => c.Id));
        // The second page of the limited walk asks only for the one comment still wanted.
        Assert.Contains(sandbox.Wire.Attempts, a => a.Uri.AbsolutePath.EndsWith("/comment", StringComparison.Ordinal)
            && a.Uri.Query.Contains("startAt=2&maxResults=1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task ListCommentsPageAsync_NewestFirst_OneOffsetPageWithTotal(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        await sandbox.Alice.Comments.AddCommentAsync(ChildrenSandbox.Issue, "Latest", cancellationToken: Ct);

        var page = await sandbox.Alice.Comments.ListCommentsPageAsync(ChildrenSandbox.Issue,
            new ListCommentsOptions { OrderBy = "-created", PageSize = 1 }, Ct);

        Assert.Equal("Latest", Assert.Single(page.Items).BodyAsMarkdown());
        Assert.False(page.IsLast);
        Assert.Equal(0, page.StartAt);
        Assert.True(page.Total >= 2);
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task ListCommentsPageAsync_MissingIssue_NotFound(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        await Assert.ThrowsAsync<JiraNotFoundException>(() => sandbox.Alice.Comments.ListCommentsPageAsync("SEC-99999", cancellationToken: Ct));
    }
}
