using System.Text.Json.Nodes;
using JiraGate.Jira.RichText;

namespace JiraGate.Jira.Tests.RichText;

/// <summary>ADF nodes Markdown cannot express come through as visible placeholders that keep their text.</summary>
public sealed class AdfPlaceholderTests
{
    private static string Render(string blocksJson) =>
        AdfConverter.ToMarkdown(JsonNode.Parse($$"""{"type":"doc","version":1,"content":[{{blocksJson}}]}"""));

    private static string Inline(string inlineJson) =>
        Render($$"""{"type":"paragraph","content":[{"type":"text","text":"before "},{{inlineJson}},{"type":"text","text":" after"}]}""");

    [Fact]
    public void ToMarkdown_Panel_ShowsMarkersAroundItsContent() =>
        Assert.Equal("\\[panel: warning\\]\n\nCareful **now**\n\n\\[/panel\\]", Render(
            """{"type":"panel","attrs":{"panelType":"warning"},"content":[{"type":"paragraph","content":[{"type":"text","text":"Careful "},{"type":"text","text":"now","marks":[{"type":"strong"}]}]}]}"""));

    [Fact]
    public void ToMarkdown_Expand_ShowsTitleAndContent() =>
        Assert.Equal("\\[expand: Details\\]\n\n- hidden item\n\n\\[/expand\\]", Render(
            """{"type":"expand","attrs":{"title":"Details"},"content":[{"type":"bulletList","content":[{"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"hidden item"}]}]}]}]}"""));

    [Fact]
    public void ToMarkdown_MediaSingle_ShowsTheMedia() =>
        Assert.Equal("\\[mediaSingle\\] \\[media: diagram.png\\]", Render(
            """{"type":"mediaSingle","attrs":{"layout":"center"},"content":[{"type":"media","attrs":{"id":"f0","type":"file","collection":"c","alt":"diagram.png"}}]}"""));

    [Fact]
    public void ToMarkdown_MediaGroup_ShowsEveryFile() =>
        Assert.Equal("\\[mediaGroup\\] \\[media: a-id\\] \\[media: b-id\\]", Render(
            """{"type":"mediaGroup","content":[{"type":"media","attrs":{"id":"a-id","type":"file"}},{"type":"media","attrs":{"id":"b-id","type":"file"}}]}"""));

    [Fact]
    public void ToMarkdown_DecisionList_ShowsStateAndText() =>
        Assert.Equal("\\[decisionList\\]\n\n\\[decisionItem: DECIDED\\] Ship *it*\n\n\\[/decisionList\\]", Render(
            """{"type":"decisionList","attrs":{"localId":"l"},"content":[{"type":"decisionItem","attrs":{"localId":"i","state":"DECIDED"},"content":[{"type":"text","text":"Ship "},{"type":"text","text":"it","marks":[{"type":"em"}]}]}]}"""));

    [Fact]
    public void ToMarkdown_TaskList_ShowsEachTask() =>
        Assert.Equal("\\[taskList\\]\n\n\\[taskItem: DONE\\] buy milk\n\n\\[taskItem: TODO\\] bake\n\n\\[/taskList\\]", Render(
            """{"type":"taskList","content":[{"type":"taskItem","attrs":{"state":"DONE"},"content":[{"type":"text","text":"buy milk"}]},{"type":"taskItem","attrs":{"state":"TODO"},"content":[{"type":"text","text":"bake"}]}]}"""));

    [Fact]
    public void ToMarkdown_BlockCard_ShowsTheUrl() =>
        Assert.Equal("\\[blockCard: https://x.example/page\\]", Render("""{"type":"blockCard","attrs":{"url":"https://x.example/page"}}"""));

    [Fact]
    public void ToMarkdown_Status_ShowsItsText() =>
        Assert.Equal("before \\[status: IN PROGRESS\\] after", Inline("""{"type":"status","attrs":{"text":"IN PROGRESS","color":"blue"}}"""));

    [Fact]
    public void ToMarkdown_Emoji_ShowsTheCharacter() =>
        Assert.Equal("before \\[emoji: 😀\\] after", Inline("""{"type":"emoji","attrs":{"shortName":":grinning:","text":"😀"}}"""));

    [Fact]
    public void ToMarkdown_EmojiWithoutText_ShowsTheShortName() =>
        Assert.Equal("before \\[emoji: :party:\\] after", Inline("""{"type":"emoji","attrs":{"shortName":":party:"}}"""));

    [Fact]
    public void ToMarkdown_Date_ShowsTheDay() =>
        Assert.Equal("before \\[date: 2024-03-01\\] after", Inline("""{"type":"date","attrs":{"timestamp":"1709251200000"}}"""));

    [Fact]
    public void ToMarkdown_InlineCard_ShowsTheUrl() =>
        Assert.Equal("before \\[inlineCard: https://x.example/browse/A-1\\] after", Inline("""{"type":"inlineCard","attrs":{"url":"https://x.example/browse/A-1"}}"""));

    [Fact]
    public void ToMarkdown_UnknownInlineNode_ShowsTypeAndText() =>
        Assert.Equal("before \\[sparkle: shiny\\] after", Inline("""{"type":"sparkle","content":[{"type":"text","text":"shiny"}]}"""));

    [Fact]
    public void ToMarkdown_UnknownBlockNodeWithoutAttrs_ShowsItsType() =>
        Assert.Equal("\\[futureBlock\\]", Render("""{"type":"futureBlock"}"""));

    [Fact]
    public void ToMarkdown_UnknownNodeInsideList_KeepsItsText() =>
        Assert.Contains("\\[status: DONE\\]", Render(
            """{"type":"bulletList","content":[{"type":"listItem","content":[{"type":"paragraph","content":[{"type":"status","attrs":{"text":"DONE"}}]}]}]}"""), StringComparison.Ordinal);

    [Fact]
    public void ToMarkdown_PanelInTableCell_KeepsItsText() =>
        Assert.Contains("\\[panel: note\\]", Render(
            """{"type":"table","content":[{"type":"tableRow","content":[{"type":"tableCell","content":[{"type":"panel","attrs":{"panelType":"note"},"content":[{"type":"paragraph","content":[{"type":"text","text":"in cell"}]}]}]}]}]}"""), StringComparison.Ordinal);

    [Fact]
    public void ToMarkdown_Placeholder_ReadsBackAsVisibleText()
    {
        var markdown = Inline("""{"type":"status","attrs":{"text":"DONE"}}""");
        var text = AdfConverter.FromMarkdown(markdown)["content"]![0]!["content"]![0]!["text"]!.GetValue<string>();
        Assert.Equal("before [status: DONE] after", text);
    }
}
