using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using JiraGate.Jira.RichText;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;

namespace JiraGate.Jira.Tests.RichText;

/// <summary>One in-process sandbox (Cloud flavour) for the class; it validates comment bodies against the ADF schema.</summary>
public sealed class AdfSandboxFixture : IAsyncLifetime
{
    private SandboxHost? _host;

    public HttpClient Alice { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await SandboxHost.StartAsync(new());
        Alice = _host.CreateClient(DemoCredentials.Alice);
    }

    public async ValueTask DisposeAsync()
    {
        Alice.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

/// <summary>
/// Every ADF the client produces is accepted by the sandbox, which answers 400 with the location of the first
/// schema problem for an invalid document and 201 for a valid one.
/// </summary>
public sealed class AdfSandboxTests(AdfSandboxFixture sandbox) : IClassFixture<AdfSandboxFixture>
{
    private const string CommentPath = "/rest/api/3/issue/SEC-456/comment";

    public static TheoryData<int> CorpusIndexes() => AdfCorpusTests.Indexes();

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1000; seed < 1150; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusIndexes))]
    public async Task AddComment_CorpusSampleAsAdf_IsCreated(int index) =>
        await AssertAcceptedAsync(MarkdownCorpus.Samples[index]);

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task AddComment_GeneratedMarkdownAsAdf_IsCreated(int seed) =>
        await AssertAcceptedAsync(new MarkdownGenerator(seed).Document());

    [Fact]
    public async Task AddComment_HeadingInsideQuote_IsRejectedByTheSandbox()
    {
        // The control: what FromMarkdown avoids producing (a heading inside a blockquote) is refused.
        var invalid = JsonNode.Parse("""
            {"type":"doc","version":1,"content":[{"type":"blockquote","content":[
              {"type":"heading","attrs":{"level":1},"content":[{"type":"text","text":"x"}]}]}]}
            """)!;
        using var response = await PostAsync(invalid);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(AdfSchema.Problems(invalid));
    }

    private async Task AssertAcceptedAsync(string markdown)
    {
        var adf = AdfConverter.FromMarkdown(markdown);

        // Jira refuses a comment without visible text ("Comment body can not be empty!") before any schema check;
        // a trailing paragraph keeps samples such as "---" or "```\n```" about the schema.
        var posted = (JsonObject)adf.DeepClone();
        posted["content"]!.AsArray().Add(JsonNode.Parse("""{"type":"paragraph","content":[{"type":"text","text":"sample"}]}"""));
        using var response = await PostAsync(posted);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created,
            $"{(int)response.StatusCode}: {AdfTestKit.Shorten(body)}\nfor:\n{AdfTestKit.Shorten(markdown)}\n{AdfTestKit.Shorten(adf.ToJsonString())}");
    }

    private async Task<HttpResponseMessage> PostAsync(JsonNode adf)
    {
        var payload = new JsonObject { ["body"] = adf.DeepClone() }.ToJsonString();
        using var content = new StringContent(payload, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await sandbox.Alice.PostAsync(CommentPath, content, TestContext.Current.CancellationToken);
    }
}
