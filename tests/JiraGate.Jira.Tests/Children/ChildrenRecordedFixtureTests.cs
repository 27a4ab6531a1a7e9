using JiraGate.Jira.Serialization;
using JiraGate.Jira.Tests.Infrastructure;

namespace JiraGate.Jira.Tests.Children;

/// <summary>Recorded Data Center responses for comments, worklogs and attachments parse and write back with nothing lost.</summary>
public sealed class ChildrenRecordedFixtureTests
{
    [Fact]
    public void CommentsGet_RoundTripsAndReadsAsMarkdown()
    {
        var page = RecordedFixtures.AssertRoundTrips("jira-ruby/dc-v2-comments-get.json", JiraJsonContext.Default.CommentsPageResponse);
        Assert.Equal(2, page.Total);
        Assert.Equal("This is a comment. Creative.", page.Comments![0].BodyAsMarkdown());
        Assert.Equal("admin", page.Comments[0].Author!.Name);
        Assert.Equal(new DateTimeOffset(2012, 1, 11, 10, 2, 14, 430, TimeSpan.FromHours(13)), page.Comments[0].Created);
    }

    [Theory]
    [InlineData("jira-ruby/dc-v2-comment-post.json", "new comment")]
    [InlineData("jira-ruby/dc-v2-comment-put.json", "new body")]
    public void CommentWrite_RoundTrips(string fixture, string body)
    {
        var comment = RecordedFixtures.AssertRoundTrips(fixture, JiraJsonContext.Default.Comment);
        Assert.Equal(body, comment.BodyAsMarkdown());
        Assert.NotNull(comment.UpdateAuthor);
    }

    [Fact]
    public void WorklogsGet_RoundTrips()
    {
        var page = RecordedFixtures.AssertRoundTrips("jira-ruby/dc-v2-worklogs-get.json", JiraJsonContext.Default.WorklogsPageResponse);
        Assert.Equal(3, page.Worklogs!.Count);
        Assert.Equal("18w 2d", page.Worklogs[0].TimeSpent);
        Assert.Equal("Some epic work.", page.Worklogs[0].CommentAsMarkdown());
    }

    [Fact]
    public void WorklogPost_RoundTrips()
    {
        var worklog = RecordedFixtures.AssertRoundTrips("jira-ruby/dc-v2-worklog-post.json", JiraJsonContext.Default.Worklog);
        Assert.Equal("10001", worklog.Id);
        Assert.Equal("2d", worklog.TimeSpent);
        Assert.NotNull(worklog.Started);
    }

    [Fact]
    public void AttachmentGet_RoundTrips()
    {
        var attachment = RecordedFixtures.AssertRoundTrips("jira-ruby/dc-v2-attachment-get.json", JiraJsonContext.Default.Attachment);
        Assert.Equal("ballmer.png", attachment.FileName);
        Assert.Equal(15360, attachment.Size);
        Assert.Equal("image/png", attachment.MimeType);
        Assert.Equal("/jira/secure/attachment/10000/ballmer.png", attachment.Content!.AbsolutePath);
    }
}
