using JiraGate.Sandbox.Jql;

namespace JiraGate.Sandbox.Tests.Jql;

/// <summary>Text search (~, !~) and custom fields by cf[NNNNN] and by name, of every kind.</summary>
public sealed class JqlTextAndCustomFieldTests : IDisposable
{
    private readonly JqlTestSite _site = new();

    public void Dispose() => _site.Dispose();

    private string Run(string jql) => string.Join(" ", _site.Set(jql));

    [Theory]
    [InlineData("summary ~ login", "SEC-1 SEC-4")]
    [InlineData("summary ~ LOGIN", "SEC-1 SEC-4")]
    [InlineData("summary ~ \"login errors\"", "SEC-1")]
    [InlineData("summary ~ \"error login\"", "SEC-1")]
    [InlineData("summary ~ policy", "SEC-2")]
    [InlineData("summary ~ \"log*\"", "SEC-1 SEC-10 SEC-4")]
    [InlineData("summary ~ \"te?ts\"", "SEC-4")]
    [InlineData("summary ~ \"\\\"page throws\\\"\"", "SEC-1")]
    [InlineData("summary ~ '\"throws page\"'", "")]
    [InlineData("summary ~ \"login OR firewall\"", "SEC-1 SEC-2 SEC-4")]
    [InlineData("summary ~ \"login -tests\"", "SEC-1")]
    [InlineData("summary ~ \"login AND NOT unit\"", "SEC-1")]
    [InlineData("summary ~ \"+login +(unit OR page)\"", "SEC-1 SEC-4")]
    [InlineData("summary ~ \"log\"", "")]
    [InlineData("summary !~ login", "OPS-1 OPS-2 SEC-10 SEC-2 SEC-3")]
    [InlineData("summary is not EMPTY", "OPS-1 OPS-2 SEC-1 SEC-10 SEC-2 SEC-3 SEC-4")]
    public void Summary_TextSearch_MatchesWordsPhrasesAndWildcards(string jql, string expected) => Assert.Equal(expected, Run(jql));

    [Theory]
    [InlineData("description ~ \"exact phrase\"", "SEC-2")]
    [InlineData("description ~ \"phrase exact\"", "SEC-2")]
    [InlineData("description ~ '\"exact phrase\"'", "SEC-2")]
    [InlineData("description ~ '\"phrase exact\"'", "")]
    [InlineData("description !~ upgrade", "SEC-2")]
    [InlineData("description is EMPTY", "OPS-1 OPS-2 SEC-10 SEC-3 SEC-4")]
    [InlineData("description ~ EMPTY", "OPS-1 OPS-2 SEC-10 SEC-3 SEC-4")]
    [InlineData("environment ~ ubuntu", "OPS-2")]
    [InlineData("environment is not EMPTY", "OPS-2 SEC-10")]
    [InlineData("comment ~ chrome", "SEC-1")]
    [InlineData("comment ~ \"vendor firewall\"", "SEC-2")]
    [InlineData("comment ~ \"chrome vendor\"", "")]
    [InlineData("comment !~ chrome", "SEC-2")]
    public void OtherTextFields_TextSearch_MatchEachTextOnItsOwn(string jql, string expected) => Assert.Equal(expected, Run(jql));

    [Theory]
    [InlineData("text ~ vendor", "SEC-2")]
    [InlineData("text ~ blue", "SEC-1")]
    [InlineData("text ~ escalated", "SEC-2")]
    [InlineData("text ~ cluster", "SEC-10")]
    [InlineData("text ~ staging", "SEC-1")]
    [InlineData("text ~ \"login OR ubuntu\"", "OPS-2 SEC-1 SEC-4")]
    [InlineData("NOT text ~ login", "OPS-1 OPS-2 SEC-10 SEC-2 SEC-3")]
    public void Text_SearchesSummaryDescriptionEnvironmentCommentsAndTextFields(string jql, string expected) => Assert.Equal(expected, Run(jql));

    [Theory]
    [InlineData("\"Story Points\" = 3", "SEC-1")]
    [InlineData("\"story points\" = 3", "SEC-1")]
    [InlineData("cf[10016] > 3", "SEC-2")]
    [InlineData("cf[10016] >= 3", "SEC-1 SEC-2")]
    [InlineData("\"Story Points\" < 5.5", "SEC-1")]
    [InlineData("\"Story Points\" <= 5.5", "SEC-1 SEC-2")]
    [InlineData("\"Story Points\" != 3", "SEC-2")]
    [InlineData("\"Story Points\" in (3, 5.5)", "SEC-1 SEC-2")]
    [InlineData("\"Story Points\" not in (5.5)", "SEC-1")]
    [InlineData("\"Story Points\" is EMPTY", "OPS-1 OPS-2 SEC-10 SEC-3 SEC-4")]
    public void NumberField_EachOperator_ComparesNumbers(string jql, string expected) => Assert.Equal(expected, Run(jql));

    [Theory]
    [InlineData("Severity = Sev1", "SEC-1")]
    [InlineData("severity = sev2", "SEC-2")]
    [InlineData("cf[10030] = 20002", "SEC-2")]
    [InlineData("Severity in (Sev1, Sev2)", "SEC-1 SEC-2")]
    [InlineData("Severity != Sev1", "SEC-2")]
    [InlineData("Severity not in (Sev2, Sev3)", "SEC-1")]
    [InlineData("Severity is EMPTY", "OPS-1 OPS-2 SEC-10 SEC-3 SEC-4")]
    public void SelectField_EachOperator_MatchesOptions(string jql, string expected) => Assert.Equal(expected, Run(jql));

    [Theory]
    [InlineData("Team ~ blue", "SEC-1")]
    [InlineData("cf[10041] ~ \"blue team\"", "SEC-1")]
    [InlineData("Team !~ red", "SEC-1")]
    [InlineData("Notes ~ vendor", "SEC-2")]
    [InlineData("cf[10040] is EMPTY", "OPS-1 OPS-2 SEC-1 SEC-10 SEC-3 SEC-4")]
    [InlineData("Tags = pci", "SEC-1")]
    [InlineData("cf[10060] in (external, other)", "SEC-1")]
    [InlineData("Tags is EMPTY", "OPS-1 OPS-2 SEC-10 SEC-2 SEC-3 SEC-4")]
    [InlineData("Approver = \"carol@example.com\"", "SEC-1")]
    [InlineData("cf[10070] is EMPTY", "OPS-1 OPS-2 SEC-10 SEC-2 SEC-3 SEC-4")]
    public void OtherCustomFields_ByNameOrId_MatchTheirValues(string jql, string expected) => Assert.Equal(expected, Run(jql));

    [Fact]
    public void UserField_CurrentUser_MatchesTheCaller() =>
        Assert.Equal(["SEC-1"], _site.Keys("Approver = currentUser()", _site.Carol));

    [Theory]
    [InlineData("bugs", "bug")]
    [InlineData("policies", "policy")]
    [InlineData("classes", "classe")]
    [InlineData("status", "status")]
    [InlineData("glass", "glass")]
    [InlineData("is", "is")]
    public void Stem_EnglishPlurals_AreReduced(string word, string stem) => Assert.Equal(stem, JqlTextQuery.Stem(word));

    [Theory]
    [InlineData("lcls-ii upgrade", "The LCLS-II upgrade is done", true)]
    [InlineData("\"lcls ii\"", "lcls-ii", true)]
    [InlineData("psana\\:detector", "psana:detector here", true)]
    [InlineData("roam~2", "we roam", true)]
    [InlineData("*epix", "the epix detector", true)]
    [InlineData("detector -calibration", "detector calibration", false)]
    [InlineData("detector OR calibration", "only calibration", true)]
    [InlineData("login .", "login page", true)]
    [InlineData("ÜBER straße", "über die Straße", true)]
    [InlineData("über", "uber", false)]
    public void Matches_LuceneSyntax_BehavesLikeJira(string query, string text, bool expected)
    {
        var parsed = JqlTextQuery.TryParse(query, "text", out var error);

        Assert.Null(error);
        Assert.Equal(expected, parsed!.Matches(text));
    }
}
