using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace JiraGate.Jira.Connection;

/// <summary>
/// Answers that are data although their status is an error: bulk create answers 400 in its own CreatedIssues
/// shape when every element of a call failed, and the caller needs the per-element errors in it.
/// </summary>
internal sealed partial class JiraConnection
{
    /// <summary>
    /// Sends a request and reads a JSON answer, also when Jira answers <paramref name="accepted"/> with a body that
    /// <paramref name="isAnswer"/> recognises; any other failure becomes the usual <see cref="JiraException"/>.
    /// </summary>
    public async Task<JiraResponse<T>> SendAcceptingAsync<T>(JiraRequest request, JsonTypeInfo<T> typeInfo, HttpStatusCode accepted,
        Func<JsonElement, bool> isAnswer, CancellationToken cancellationToken)
    {
        var profile = await GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var (response, requestId) = await SendMessageAsync(profile.ApiBase, request, cancellationToken).ConfigureAwait(false);
        using (response)
        {
            if (!response.IsSuccessStatusCode && response.StatusCode != accepted)
            {
                throw await ErrorAsync(request, response, requestId, cancellationToken).ConfigureAwait(false);
            }
            // Buffered: ErrorAsync can read the same body again when it is not the accepted shape.
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            JsonElement root;
            try
            {
                root = JsonSerializer.Deserialize(body, Serialization.JiraJsonContext.Default.JsonElement);
            }
            catch (JsonException ex) when (response.IsSuccessStatusCode)
            {
                throw Unreadable(request, response, requestId, ex);
            }
            catch (JsonException)
            {
                throw await ErrorAsync(request, response, requestId, cancellationToken).ConfigureAwait(false);
            }
            if (!response.IsSuccessStatusCode && !isAnswer(root))
            {
                throw await ErrorAsync(request, response, requestId, cancellationToken).ConfigureAwait(false);
            }
            T? value;
            try
            {
                value = root.Deserialize(typeInfo);
            }
            catch (JsonException ex)
            {
                throw Unreadable(request, response, requestId, ex);
            }
            return value is null ? throw Unreadable(request, response, requestId, null) : new(value, response.StatusCode, requestId);
        }
    }
}
