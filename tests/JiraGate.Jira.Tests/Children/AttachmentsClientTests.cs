using System.Security.Cryptography;
using JiraGate.Sandbox.Model;

namespace JiraGate.Jira.Tests.Children;

/// <summary>Attachments against the sandbox in both flavours: multipart upload, metadata, streamed download, delete.</summary>
public sealed class AttachmentsClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static async Task<byte[]> DownloadAsync(JiraClient jira, string id, DownloadAttachmentOptions? options = null)
    {
        await using var content = await jira.Attachments.DownloadAttachmentAsync(id, options, Ct);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, Ct);
        return buffer.ToArray();
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task UploadAttachmentsAsync_ThenDownload_SameBytes(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        var bytes = Bytes(300_000, 1);
        using var stream = new MemoryStream(bytes);

        var uploaded = Assert.Single(await sandbox.Alice.Attachments.UploadAttachmentsAsync(ChildrenSandbox.Issue,
            [new AttachmentUpload { Content = stream, FileName = "capture.pcap", ContentType = "application/vnd.tcpdump.pcap" }], cancellationToken: Ct));

        Assert.Equal("capture.pcap", uploaded.FileName);
        Assert.Equal(bytes.Length, uploaded.Size);
        Assert.True(stream.CanRead, "the caller's stream stays open");
        var downloaded = await DownloadAsync(sandbox.Alice, uploaded.Id!);
        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(downloaded));
        var listed = await sandbox.Alice.Attachments.ListAttachmentsAsync(ChildrenSandbox.Issue, Ct);
        Assert.Contains(listed, a => a.Id == uploaded.Id && a.MimeType == "application/vnd.tcpdump.pcap");
        Assert.Contains(sandbox.Wire.Attempts, a => a.Method == "GET" && a.Uri.AbsolutePath.Contains("/attachment/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task UploadAttachmentsAsync_SeveralFilesAndAnUnseekableStream_AllAttachedInOrder(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        var first = Bytes(1000, 2);
        var second = Bytes(5000, 3);
        using var a = new MemoryStream(first);
        using var b = new ForwardOnlyStream(second);

        var uploaded = await sandbox.Alice.Attachments.UploadAttachmentsAsync(ChildrenSandbox.Issue,
        [
            new AttachmentUpload { Content = a, FileName = "a.txt", ContentType = "text/plain" },
            new AttachmentUpload { Content = b, FileName = "Bericht März.bin" },
        ], cancellationToken: Ct);

        Assert.Equal(["a.txt", "Bericht März.bin"], uploaded.Select(x => x.FileName));
        Assert.Equal(SHA256.HashData(second), SHA256.HashData(await DownloadAsync(sandbox.Alice, uploaded[1].Id!)));
        var metadata = await sandbox.Bob.Attachments.GetAttachmentAsync(uploaded[0].Id!, Ct);
        Assert.Equal(1000, metadata.Size);
        Assert.Equal("text/plain", metadata.MimeType);
        Assert.Equal("Alice Analyst", metadata.Author!.DisplayName);
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task UploadAttachmentsAsync_OverTheSiteLimit_RefusedBeforeSending(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        var limit = (await sandbox.Alice.Attachments.GetAttachmentSettingsAsync(Ct)).UploadLimit!.Value;
        using var huge = new UnreadableStream(limit + 1);

        var ex = await Assert.ThrowsAsync<JiraAttachmentRejectedException>(() => sandbox.Alice.Attachments.UploadAttachmentsAsync(ChildrenSandbox.Issue,
            [new AttachmentUpload { Content = huge, FileName = "disk.img" }], cancellationToken: Ct));

        Assert.Equal("disk.img", ex.FileName);
        Assert.Equal(limit + 1, ex.Size);
        Assert.Equal(limit, ex.UploadLimit);
        Assert.Contains("Nothing was sent", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, sandbox.Wire.Count("POST", "/attachments"));
        Assert.Empty(await sandbox.Alice.Attachments.ListAttachmentsAsync(ChildrenSandbox.Issue, Ct));
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task UploadAttachmentsAsync_MissingIssue_NotFound(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        using var stream = new MemoryStream([1, 2, 3]);
        await Assert.ThrowsAsync<JiraNotFoundException>(() => sandbox.Alice.Attachments.UploadAttachmentsAsync("SEC-99999",
            [new AttachmentUpload { Content = stream, FileName = "x.bin" }], cancellationToken: Ct));
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task GetAttachmentSettingsAsync_Sandbox_EnabledWithTenMegabytes(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        var settings = await sandbox.Alice.Attachments.GetAttachmentSettingsAsync(Ct);
        Assert.True(settings.Enabled);
        Assert.Equal(10 * 1024 * 1024, settings.UploadLimit);
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task GetAttachmentAsync_Missing_NotFound(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        await Assert.ThrowsAsync<JiraNotFoundException>(() => sandbox.Alice.Attachments.GetAttachmentAsync("99999", Ct));
        await Assert.ThrowsAsync<JiraNotFoundException>(() => sandbox.Alice.Attachments.DownloadAttachmentAsync("99999", cancellationToken: Ct));
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task ListAttachmentsAsync_MissingIssue_NotFound(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        await Assert.ThrowsAsync<JiraNotFoundException>(() => sandbox.Alice.Attachments.ListAttachmentsAsync("SEC-99999", Ct));
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task DeleteAttachmentAsync_Own_Gone(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        using var stream = new MemoryStream(Bytes(100, 4));
        var uploaded = Assert.Single(await sandbox.Alice.Attachments.UploadAttachmentsAsync(ChildrenSandbox.Issue,
            [new AttachmentUpload { Content = stream, FileName = "tmp.bin" }], cancellationToken: Ct));

        await sandbox.Alice.Attachments.DeleteAttachmentAsync(uploaded.Id!, Ct);

        await Assert.ThrowsAsync<JiraNotFoundException>(() => sandbox.Alice.Attachments.GetAttachmentAsync(uploaded.Id!, Ct));
        Assert.Empty(await sandbox.Alice.Attachments.ListAttachmentsAsync(ChildrenSandbox.Issue, Ct));
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task DeleteAttachmentAsync_SomeoneElses_ForbiddenAndStillThere(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        using var stream = new MemoryStream(Bytes(100, 5));
        var bobs = Assert.Single(await sandbox.Bob.Attachments.UploadAttachmentsAsync(ChildrenSandbox.Issue,
            [new AttachmentUpload { Content = stream, FileName = "bob.bin" }], cancellationToken: Ct));

        await Assert.ThrowsAsync<JiraForbiddenException>(() => sandbox.Alice.Attachments.DeleteAttachmentAsync(bobs.Id!, Ct));

        Assert.Equal("bob.bin", (await sandbox.Alice.Attachments.GetAttachmentAsync(bobs.Id!, Ct)).FileName);
    }

    [Fact]
    public async Task DownloadAttachmentAsync_Cloud_NotBufferedAndRedirectFalse()
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(SandboxFlavor.Cloud);
        var bytes = Bytes(2_000_000, 6);
        using var stream = new MemoryStream(bytes);
        var uploaded = Assert.Single(await sandbox.Alice.Attachments.UploadAttachmentsAsync(ChildrenSandbox.Issue,
            [new AttachmentUpload { Content = stream, FileName = "big.bin" }], cancellationToken: Ct));

        await using var content = await sandbox.Alice.Attachments.DownloadAttachmentAsync(uploaded.Id!, cancellationToken: Ct);

        // A buffered body would be a seekable memory stream; this one comes off the socket as it is read.
        Assert.False(content.Content.CanSeek);
        Assert.Equal(bytes.Length, content.Length);
        Assert.Equal("big.bin", content.FileName);
        Assert.Contains(sandbox.Wire.Attempts, a => a.Uri.AbsolutePath == "/rest/api/3/attachment/content/" + uploaded.Id && a.Uri.Query == "?redirect=false");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DownloadAttachmentAsync_CloudMediaRedirect_FollowedWhetherOrNotTheHandlerDoes(bool handlerFollows)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(SandboxFlavor.Cloud,
            b => b.HttpClient.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = handlerFollows }));
        var bytes = Bytes(50_000, 7);
        using var stream = new MemoryStream(bytes);
        var uploaded = Assert.Single(await sandbox.Alice.Attachments.UploadAttachmentsAsync(ChildrenSandbox.Issue,
            [new AttachmentUpload { Content = stream, FileName = "r.bin" }], cancellationToken: Ct));

        var downloaded = await DownloadAsync(sandbox.Alice, uploaded.Id!, new DownloadAttachmentOptions { FollowMediaRedirect = true });

        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(downloaded));
        // Followed by the client itself only when the handler does not: then the media hop is on the wire here.
        Assert.Equal(handlerFollows ? 0 : 1, sandbox.Wire.Count("GET", "/_media/attachment/"));
    }

    /// <summary>Claims a length but must never be read: proves the size check happens before sending.</summary>
    private sealed class UnreadableStream(long length) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get; set; }
        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("The oversize stream was read.");
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>A stream that can only be read forward (like a network or pipe stream).</summary>
internal sealed class ForwardOnlyStream(byte[] bytes) : Stream
{
    private readonly MemoryStream _inner = new(bytes);
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        _inner.Dispose();
        base.Dispose(disposing);
    }
}
