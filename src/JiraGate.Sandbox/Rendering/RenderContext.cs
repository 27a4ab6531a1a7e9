using System.Globalization;
using System.Text.Json;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Rendering;

/// <summary>What a response is rendered for: the site, the REST version (3 = ADF, 2 = wiki) and the base URL for self links.</summary>
internal sealed record RenderContext(Site Site, string BaseUrl, int ApiVersion, Caller Caller)
{
    public static RenderContext For(HttpContext http, Site site, int apiVersion) =>
        new(site, BaseUrlOf(http.Request), apiVersion, http.Caller());

    public static string BaseUrlOf(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    public bool IsDataCenter => Site.Flavor == SandboxFlavor.DataCenter;

    /// <summary>True when rich text is ADF (Cloud REST v3); false for wiki-markup strings (v2).</summary>
    public bool UsesAdf => ApiVersion >= 3;

    public string Api => "/rest/api/" + ApiVersion.ToString(CultureInfo.InvariantCulture);

    public string Self(string path) => BaseUrl + path;

    public string Self(FormattableString path) => BaseUrl + FormattableString.Invariant(path);

    /// <summary>Writes rich text in this context's format: ADF as JSON, or a wiki-markup string.</summary>
    public void WriteRichText(Utf8JsonWriter w, string name, RichText? text)
    {
        w.WritePropertyName(name);
        WriteRichTextValue(w, text);
    }

    public void WriteRichTextValue(Utf8JsonWriter w, RichText? text)
    {
        if (text is null)
        {
            w.WriteNullValue();
        }
        else if (UsesAdf)
        {
            w.WriteRawValue(text.Json, skipInputValidation: true);
        }
        else
        {
            w.WriteStringValue(Adf.WikiMarkup.FromAdf(text.ToNode()));
        }
    }
}
