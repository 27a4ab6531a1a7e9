using System.Net.Http.Headers;

namespace JiraGate.Jira;

/// <summary>
/// An attachment's bytes as a stream straight from the connection (not buffered). Dispose it to release the
/// connection; read it once.
/// </summary>
public sealed class AttachmentContent : IDisposable, IAsyncDisposable
{
    private readonly HttpResponseMessage _response;

    internal AttachmentContent(HttpResponseMessage response, Stream content, string? requestId)
    {
        _response = response;
        Content = content;
        RequestId = requestId;
        var headers = response.Content.Headers;
        MediaType = headers.ContentType?.MediaType;
        Length = headers.ContentLength;
        FileName = FileNameOf(headers.ContentDisposition);
    }

    /// <summary>The bytes, read forward once.</summary>
    public Stream Content { get; }

    /// <summary>The media type the server declared.</summary>
    public string? MediaType { get; }

    /// <summary>The byte count the server declared, when it did.</summary>
    public long? Length { get; }

    /// <summary>The file name from Content-Disposition, when sent.</summary>
    public string? FileName { get; }

    /// <summary>Jira's request id for the call (the first hop's, when redirected to a media service).</summary>
    public string? RequestId { get; }

    /// <summary>Copies the bytes to <paramref name="destination"/>.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    /// <returns>A task that completes when every byte is written.</returns>
    public Task CopyToAsync(Stream destination, CancellationToken cancellationToken = default) =>
        Content.CopyToAsync(destination, cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        Content.Dispose();
        _response.Dispose();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        _response.Dispose();
    }

    private static string? FileNameOf(ContentDispositionHeaderValue? disposition)
    {
        var name = disposition?.FileNameStar ?? disposition?.FileName;
        return name?.Trim('"');
    }
}
