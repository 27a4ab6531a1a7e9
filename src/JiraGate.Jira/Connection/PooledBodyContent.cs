using System.Buffers;
using System.Net;

namespace JiraGate.Jira.Connection;

/// <summary>
/// A response body read whole into a buffer rented from the client's own <see cref="ArrayPool{T}"/>, returned when the
/// content is disposed (with its response). It replaces <see cref="HttpContent.LoadIntoBufferAsync()"/> in
/// <see cref="ResponseBufferingHandler"/>: a page of 100 issues is ≈110 KB, which that method copies into a
/// fresh array per response (a large-object-heap allocation, ≈1.1 KB per issue), and which the deserialiser
/// then copied once more through a stream. Here the connection deserialises straight from <see cref="Memory"/>.
/// </summary>
internal sealed class PooledBodyContent : HttpContent
{
    // Not ArrayPool.Shared: its per-thread slots strand buffers on whichever thread-pool thread returned them, and
    // under load (rent and return on ever different threads) ≈1 page in 10 got a fresh 128 KB array. A shared,
    // locked pool reuses them from any thread; bounded: bodies over 1 MB are not pooled, at most 8 kept a size.
    private static readonly ArrayPool<byte> Pool = ArrayPool<byte>.Create(maxArrayLength: 1024 * 1024, maxArraysPerBucket: 8);

    /// <summary>Start size when Content-Length is unknown (chunked answers); the buffer doubles from there.</summary>
    internal const int InitialSize = 16 * 1024;

    private byte[]? _buffer;
    private readonly int _length;

    private PooledBodyContent(byte[] buffer, int length, HttpContent original)
    {
        _buffer = buffer;
        _length = length;
        foreach (var header in original.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        Headers.ContentLength = length;
    }

    /// <summary>The body; only valid until the content (or its response) is disposed.</summary>
    public ReadOnlyMemory<byte> Memory => _buffer is { } buffer
        ? buffer.AsMemory(0, _length)
        : throw new ObjectDisposedException(nameof(PooledBodyContent));

    /// <summary>Reads <paramref name="original"/> to its end and disposes it.</summary>
    public static async Task<PooledBodyContent> LoadAsync(HttpContent original, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(original);
        var expected = original.Headers.ContentLength;
        var buffer = Pool.Rent(expected is > 0 and <= int.MaxValue ? (int)expected.Value : InitialSize);
        var length = 0;
        try
        {
            var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        buffer = Grow(buffer, length);
                    }
                    var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }
                    length += read;
                }
            }
            var content = new PooledBodyContent(buffer, length, original);
            original.Dispose();
            return content;
        }
        catch
        {
            Pool.Return(buffer);
            throw;
        }
    }

    private static byte[] Grow(byte[] buffer, int length)
    {
        if (length >= Array.MaxLength)
        {
            throw new HttpRequestException(HttpRequestError.ConfigurationLimitExceeded, "The response body is larger than 2 GB.");
        }
        var bigger = Pool.Rent((int)Math.Min((long)buffer.Length * 2, Array.MaxLength));
        buffer.AsSpan(0, length).CopyTo(bigger);
        Pool.Return(buffer);
        return bigger;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await stream.WriteAsync(Memory, cancellationToken).ConfigureAwait(false);
    }

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(Memory.Span);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    // A view of the pooled array is safe: HttpContent hands out one read stream and closes it when disposed,
    // which happens (in Dispose below) before the array goes back to the pool.
    protected override Task<Stream> CreateContentReadStreamAsync()
    {
        var buffer = _buffer ?? throw new ObjectDisposedException(nameof(PooledBodyContent));
        return Task.FromResult<Stream>(new MemoryStream(buffer, 0, _length, writable: false));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            Pool.Return(buffer);
        }
    }
}
