using System.Text.Json.Nodes;

namespace JiraGate.Jira.Tests.Issues;

/// <summary>The body an <see cref="IssueWrite"/> renders for each deployment (no server).</summary>
public sealed class IssueWriteTests
{
    private static IssueWrite Sample() => new IssueWrite()
        .Project("SEC").IssueType("Bug").Summary("Login fails").Description("**Steps**: open `/login`")
        .Priority("2").Labels("auth", "login").Assignee("alice-id").Components("Detection").Parent("SEC-1")
        .DueDate(new DateOnly(2026, 7, 1)).Field("customfield_10030", new JsonObject { ["value"] = "High" });

    [Fact]
    public void ToJson_Cloud_AdfDescriptionAndAccountIds()
    {
        var fields = Sample().ToJson(cloud: true)["fields"]!.AsObject();
        Assert.Equal("doc", fields["description"]!["type"]!.GetValue<string>());
        Assert.Equal("alice-id", fields["assignee"]!["accountId"]!.GetValue<string>());
        Assert.Null(fields["assignee"]!["name"]);
        Assert.Equal("SEC", fields["project"]!["key"]!.GetValue<string>());
        Assert.Equal("Bug", fields["issuetype"]!["name"]!.GetValue<string>());
        Assert.Equal("2", fields["priority"]!["id"]!.GetValue<string>());
        Assert.Equal("Detection", fields["components"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("SEC-1", fields["parent"]!["key"]!.GetValue<string>());
        Assert.Equal("2026-07-01", fields["duedate"]!.GetValue<string>());
        Assert.Equal("High", fields["customfield_10030"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void ToJson_DataCenter_WikiDescriptionAndUsernames()
    {
        var fields = Sample().ToJson(cloud: false)["fields"]!.AsObject();
        var description = fields["description"]!.GetValue<string>();
        Assert.Contains("*Steps*", description, StringComparison.Ordinal);
        Assert.Contains("{{/login}}", description, StringComparison.Ordinal);
        Assert.Equal("alice-id", fields["assignee"]!["name"]!.GetValue<string>());
        Assert.Null(fields["assignee"]!["accountId"]);
    }

    [Fact]
    public void ToJson_OnlyWhatWasSet()
    {
        var body = new IssueWrite().Summary("x").ToJson(cloud: true);
        Assert.Equal(["fields"], body.Select(p => p.Key));
        Assert.Equal(["summary"], body["fields"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void ToJson_NullAssigneeAndDescription_SentAsJsonNull()
    {
        var fields = new IssueWrite().Assignee(null).Description(null).ToJson(cloud: false)["fields"]!.AsObject();
        Assert.True(fields.ContainsKey("description"));
        Assert.Null(fields["description"]);
        Assert.Null(fields["assignee"]!["name"]);
    }

    [Fact]
    public void ToJson_UpdateOperationsAndProperties()
    {
        var write = new IssueWrite().AddLabels("a", "b").RemoveLabels("c").Comment("hi").Property("ci", new JsonObject { ["run"] = 7 });
        var body = write.ToJson(cloud: true);
        Assert.Equal(3, body["update"]!["labels"]!.AsArray().Count);
        Assert.Equal("remove", body["update"]!["labels"]![2]!.AsObject().Single().Key);
        Assert.Equal("doc", body["update"]!["comment"]![0]!["add"]!["body"]!["type"]!.GetValue<string>());
        Assert.Equal(7, body["properties"]![0]!["value"]!["run"]!.GetValue<int>());
        Assert.Equal(["labels", "comment"], write.UpdatedFieldIds);
        Assert.Empty(write.FieldIds);
        // Rendering twice works (nodes are cloned, never re-parented).
        Assert.Equal(body.ToJsonString(), write.ToJson(cloud: true).ToJsonString());
    }

    [Fact]
    public void Setters_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => new IssueWrite().Project(" "));
        Assert.Throws<ArgumentNullException>(() => new IssueWrite().Summary(null!));
        Assert.Throws<ArgumentException>(() => new IssueWrite().Labels("ok", ""));
        Assert.True(new IssueWrite().IsEmpty);
    }
}
