using System.Net.Http.Headers;
using System.Text;
using JiraGate.Jira.Connection;

namespace JiraGate.Jira.Tests.HotPath;

/// <summary>The buffering handler's pooled body: the same bytes and headers as the original, readable every usual way, released on dispose.</summary>
public sealed class PooledBodyContentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] Body(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)('a' + i % 26))];

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(PooledBodyContent.InitialSize)]
    [InlineData(PooledBodyContent.InitialSize * 5 + 3)]
    public async Task LoadAsync_UnknownLength_ReadsEveryByte(int length)
    {
        var body = Body(length);
        // StreamContent over a non-seekable stream has no Content-Length, like a chunked answer.
        using var original = new StreamContent(new OneByteAtATimeStream(body));
        Assert.Null(original.Headers.ContentLength);

        using var pooled = await PooledBodyContent.LoadAsync(original, Ct);

        Assert.Equal(body, pooled.Memory.ToArray());
        Assert.Equal(length, pooled.Headers.ContentLength);
    }

    [Fact]
    public async Task LoadAsync_KnownLength_KeepsContentHeaders()
    {
        using var original = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"a":1}"""));
        original.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        original.Headers.ContentLanguage.Add("en");

        using var pooled = await PooledBodyContent.LoadAsync(original, Ct);

        Assert.Equal("application/json", pooled.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", pooled.Headers.ContentType.CharSet);
        Assert.Equal(["en"], pooled.Headers.ContentLanguage);
        Assert.Equal(7, pooled.Headers.ContentLength);
        Assert.Equal("""{"a":1}""", await pooled.ReadAsStringAsync(Ct));
        Assert.Equal("""{"a":1}"""u8.ToArray(), await pooled.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task ReadAsStream_ReadsTheBody_ClosedWithTheContent()
    {
        var pooled = await PooledBodyContent.LoadAsync(new ByteArrayContent(Body(100)), Ct);
        var stream = await pooled.ReadAsStreamAsync(Ct);
        using (var copy = new MemoryStream())
        {
            await stream.CopyToAsync(copy, Ct);
            Assert.Equal(Body(100), copy.ToArray());
        }

        pooled.Dispose();

        // As with any HttpContent, its stream is closed with it: nothing can read the array once it is back in the pool.
        Assert.Throws<ObjectDisposedException>(() => stream.ReadByte());
    }

    [Fact]
    public async Task Dispose_ReleasesTheBuffer_MemoryThrows()
    {
        var pooled = await PooledBodyContent.LoadAsync(new ByteArrayContent(Body(100)), Ct);
        pooled.Dispose();
        pooled.Dispose(); // twice is harmless: the buffer goes back to the pool once
        Assert.Throws<ObjectDisposedException>(() => pooled.Memory);
    }

    [Fact]
    public async Task LoadAsync_StreamFailsMidBody_ThrowsAndKeepsNothing()
    {
        using var original = new StreamContent(new FailingStream(Body(PooledBodyContent.InitialSize * 2)));
        await Assert.ThrowsAsync<IOException>(() => PooledBodyContent.LoadAsync(original, Ct));
    }

    /// <summary>Hands out one byte per read, and is not seekable (so no length is known up front).</summary>
    private sealed class OneByteAtATimeStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer.Length > 0 ? buffer[..Math.Min(buffer.Length, 997)] : buffer, cancellationToken);
    }

    /// <summary>Fails after the first read: a connection reset mid-body.</summary>
    private sealed class FailingStream(byte[] data) : MemoryStream(data)
    {
        private int _reads;

        public override bool CanSeek => false;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ++_reads > 1 ? throw new IOException("reset") : base.ReadAsync(buffer[..Math.Min(buffer.Length, 1000)], cancellationToken);
    }
}
