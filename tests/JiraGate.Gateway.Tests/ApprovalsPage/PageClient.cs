using System.Net;
using System.Text.RegularExpressions;

namespace JiraGate.Gateway.Tests.ApprovalsPage;

/// <summary>A browser stand-in: keeps cookies, never follows redirects, reads the antiforgery token off each page.</summary>
public sealed partial class PageClient : IDisposable
{
    private readonly HttpClient _http;

    public PageClient(Uri baseUrl)
    {
        Cookies = new CookieContainer();
#pragma warning disable RS0030 // a browser stand-in: one client per cookie jar, no DI in a test
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = baseUrl };
#pragma warning restore RS0030
    }

    public CookieContainer Cookies { get; }

    /// <summary>The antiforgery token of the last page read.</summary>
    public string? Token { get; private set; }

    public async Task<Page> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path, TestContext.Current.CancellationToken);
        return await ReadAsync(response);
    }

    /// <summary>Posts a form; the last page's antiforgery token is added unless <paramref name="withToken"/> is false.</summary>
    public async Task<Page> PostAsync(string path, IDictionary<string, string>? fields = null, bool withToken = true)
    {
        var form = new Dictionary<string, string>(fields ?? new Dictionary<string, string>());
        if (withToken && Token is not null)
        {
            form["__csrf"] = Token;
        }
        using var content = new FormUrlEncodedContent(form);
        using var response = await _http.PostAsync(path, content, TestContext.Current.CancellationToken);
        return await ReadAsync(response);
    }

    public async Task<Page> SignInAsync(string key)
    {
        await GetAsync("/approvals/sign-in");
        return await PostAsync("/approvals/sign-in", new Dictionary<string, string> { ["key"] = key, ["return"] = "/approvals" });
    }

    private async Task<Page> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        if (TokenPattern().Match(html) is { Success: true } m)
        {
            Token = WebUtility.HtmlDecode(m.Groups[1].Value);
        }
        var setCookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        return new Page(response.StatusCode, html, response.Headers.Location?.ToString(), setCookies,
            response.Headers.ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase));
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

public sealed record Page(HttpStatusCode Status, string Html, string? Location, IReadOnlyList<string> SetCookies, IReadOnlyDictionary<string, string> Headers);
