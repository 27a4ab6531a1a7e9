using System.Globalization;
using System.Text.Json;

namespace JiraGate.Jira.Bench;

/// <summary>What one pass over the search returned: the issue count and a checksum the JIT cannot drop.</summary>
internal readonly record struct StreamResult(int Issues, long Checksum);

/// <summary>One way of streaming every issue of the query.</summary>
internal interface IStreamSide
{
    string Name { get; }

    Task<StreamResult> RunAsync(CancellationToken cancellationToken);
}

/// <summary>The query every side runs: the same JQL, fields, page size and limit.</summary>
internal sealed record SearchSpec(string Jql, IReadOnlyList<string> Fields, int PageSize, int Limit)
{
    /// <summary>The GET the client sends for a page (same parameters, same order), for the baseline and the recorder.</summary>
    public string PagePath(string? nextPageToken, int yielded)
    {
        var ask = Math.Min(PageSize, Limit - yielded);
        var path = "/rest/api/3/search/jql?jql=" + Uri.EscapeDataString(Jql);
        if (nextPageToken is not null)
        {
            path += "&nextPageToken=" + Uri.EscapeDataString(nextPageToken);
        }
        return path + "&maxResults=" + ask.ToString(CultureInfo.InvariantCulture) + "&fields=" + Uri.EscapeDataString(string.Join(',', Fields));
    }
}

/// <summary>The typed client's auto-pager: <c>JiraClient.Issues.SearchAsync</c>.</summary>
internal sealed class ClientSide(JiraClient client, SearchSpec spec) : IStreamSide
{
    private readonly SearchOptions _options = new() { Fields = spec.Fields, PageSize = spec.PageSize, Limit = spec.Limit };

    public const string DisplayName = "JiraClient.Issues.SearchAsync";

    public string Name => DisplayName;

    public async Task<StreamResult> RunAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        long checksum = 0;
        await foreach (var issue in client.Issues.SearchAsync(spec.Jql, _options, cancellationToken).ConfigureAwait(false))
        {
            var f = issue.Fields;
            checksum += issue.Id.Length + issue.Key.Length + (f.Summary?.Length ?? 0) + (f.Status?.Name?.Length ?? 0)
                + (f.Assignee?.DisplayName?.Length ?? 0) + (f.Updated?.Minute ?? 0);
            count++;
        }
        return new(count, checksum);
    }
}

/// <summary>
/// The baseline: raw HttpClient + JsonDocument over the same cursor-paged GETs, reading each issue's id, key,
/// summary, status name, assignee display name and updated (as the string Jira sent; the client parses it).
/// </summary>
internal sealed class BaselineSide(HttpClient http, SearchSpec spec) : IStreamSide
{
    public const string DisplayName = "HttpClient + JsonDocument";

    public string Name => DisplayName;

    public async Task<StreamResult> RunAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        long checksum = 0;
        string? token = null;
        while (count < spec.Limit)
        {
            using var response = await http.GetAsync(new Uri(spec.PagePath(token, count), UriKind.Relative),
                HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var page = await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
                var root = page.RootElement;
                foreach (var issue in root.GetProperty("issues").EnumerateArray())
                {
                    var fields = issue.GetProperty("fields");
                    checksum += issue.GetProperty("id").GetString()!.Length + issue.GetProperty("key").GetString()!.Length
                        + (Text(fields, "summary")?.Length ?? 0)
                        + (fields.TryGetProperty("status", out var status) ? Text(status, "name")?.Length ?? 0 : 0)
                        + (fields.TryGetProperty("assignee", out var assignee) && assignee.ValueKind == JsonValueKind.Object ? Text(assignee, "displayName")?.Length ?? 0 : 0)
                        + (Text(fields, "updated")?.Length ?? 0);
                    if (++count == spec.Limit)
                    {
                        break;
                    }
                }
                var isLast = root.TryGetProperty("isLast", out var last) && last.ValueKind == JsonValueKind.True;
                var next = root.TryGetProperty("nextPageToken", out var n) ? n.GetString() : null;
                if (isLast || string.IsNullOrEmpty(next) || next == token)
                {
                    break;
                }
                token = next;
            }
        }
        return new(count, checksum);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>The floor: the same GETs with each body read and thrown away (HTTP and, live, the sandbox only).</summary>
internal sealed class HttpOnlySide(HttpClient http, SearchSpec spec, IReadOnlyList<string?> tokens, IReadOnlyList<int> counts) : IStreamSide
{
    public string Name => "HttpClient, body discarded";

    public async Task<StreamResult> RunAsync(CancellationToken cancellationToken)
    {
        var yielded = 0;
        long bytes = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            using var response = await http.GetAsync(new Uri(spec.PagePath(tokens[i], yielded), UriKind.Relative),
                HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
                int read;
                while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    bytes += read;
                }
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
            yielded += counts[i];
        }
        return new(yielded, bytes);
    }
}
