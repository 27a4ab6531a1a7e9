using System.Net;

namespace JiraGate.Jira;

/// <summary>
/// One multipart file part over a caller's stream: streamed (never buffered), never disposing the stream, sent
/// again from the same start when the stream can seek (a retry after 429), and cut off past <c>maxBytes</c> when
/// the length could not be known up front.
/// </summary>
internal sealed class AttachmentUploadContent : HttpContent
{
    private readonly Stream _stream;
    private readonly string _fileName;
    private readonly long _start;
    private readonly long? _length;
    private readonly long? _maxBytes;
    private bool _sent;

    public AttachmentUploadContent(Stream stream, string fileName, long? length, long? maxBytes)
    {
        _stream = stream;
        _fileName = fileName;
        _start = stream.CanSeek ? stream.Position : 0;
        _length = length;
        _maxBytes = maxBytes;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (_sent)
        {
            if (!_stream.CanSeek)
            {
                throw new InvalidOperationException("The upload stream cannot seek, so it cannot be sent again (Jira asked for a retry). Pass a seekable stream to allow retries.");
            }
            _stream.Position = _start;
        }
        _sent = true;
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await _stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
            if (_maxBytes is { } max && total > max)
            {
                // Surfaces wrapped in the send's exception; AttachmentsClient unwraps it.
                throw JiraAttachmentRejectedException.StreamTooLarge(_fileName, max);
            }
            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _length ?? -1;
        return _length is not null;
    }

    // The caller owns the stream: nothing to dispose here.
    protected override void Dispose(bool disposing) => base.Dispose(disposing);
}
