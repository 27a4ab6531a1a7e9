using System.Text.Json;
using JiraGate.Jira.Models;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira.Tests.SiteDirectory;

/// <summary>The field catalog and the user/group references, without a server.</summary>
public sealed class DirectoryUnitTests
{
    private static Field F(string id, string name) => new() { Id = id, Name = name };

    [Fact]
    public void Resolve_DuplicateDisplayName_AmbiguousNamingEveryId()
    {
        var catalog = new FieldCatalog([F("customfield_1", "Team"), F("customfield_2", "team"), F("summary", "Summary")]);
        var ex = Assert.Throws<FieldResolutionException>(() => catalog.Resolve("TEAM"));
        Assert.Contains("ambiguous", ex.Message, StringComparison.Ordinal);
        Assert.Contains("customfield_1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("customfield_2", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, ex.Candidates.Count);
        Assert.False(catalog.TryResolve("Team", out _));
        // An id still names one of them exactly.
        Assert.Equal("Team", catalog.Resolve("customfield_1").Name);
    }

    [Fact]
    public void Resolve_IdWinsOverAnotherFieldsName()
    {
        var catalog = new FieldCatalog([F("summary", "Summary"), F("customfield_9", "summary")]);
        Assert.Equal("Summary", catalog.Resolve("summary").Name);
        Assert.True(catalog.TryResolve("cf[9]", out var byClause));
        Assert.Equal("customfield_9", byClause.Id);
    }

    [Fact]
    public void Resolve_Unknown_SuggestsCloseNames()
    {
        var catalog = new FieldCatalog([F("customfield_10016", "Story Points"), F("customfield_10017", "Story point estimate")]);
        var ex = Assert.Throws<FieldResolutionException>(() => catalog.Resolve("Story"));
        Assert.Contains("'Story Points'", ex.Message, StringComparison.Ordinal);
        Assert.Null(catalog.FindById("cf[abc]"));
    }

    [Fact]
    public void UserRef_From_KeepsEveryIdentifier()
    {
        var user = JsonSerializer.Deserialize("""{"accountId":"abc","name":"alice","key":"JIRAUSER1"}""", JiraJsonContext.Default.JiraUser)!;
        var reference = UserRef.From(user);
        Assert.Equal(("abc", "alice", "JIRAUSER1"), (reference.AccountId, reference.Username, reference.Key));
        Assert.Equal("accountId abc, username alice, key JIRAUSER1", reference.ToString());
        Assert.Throws<ArgumentException>(() => UserRef.From(new JiraUser { DisplayName = "No Id" }));
        Assert.Throws<ArgumentException>(() => UserRef.ByAccountId(" "));
    }

    [Fact]
    public void GroupRef_From_NeedsAnIdOrName()
    {
        Assert.Equal("group sec-team (g1)", GroupRef.From(new JiraGroup { Name = "sec-team", GroupId = "g1" }).ToString());
        Assert.Throws<ArgumentException>(() => GroupRef.From(new JiraGroup()));
        Assert.Throws<ArgumentException>(() => GroupRef.ByName(""));
    }
}
