using JiraGate.Governance.Catalog;
using JiraGate.Governance.Policies;

namespace JiraGate.Governance.Tests.Policies;

public sealed class PolicyLoaderTests
{
    private static readonly PolicyLoader Loader = new();

    private const string Good = """
        - name: p1
          connector: jira
          operations: ["issues:read*"]
          risk_max: low
          approval: none
        """;

    private static PolicyError Single(string yaml, string code)
    {
        var result = Loader.Load(yaml, "bad.yaml");
        Assert.Null(result.PolicySet);
        var e = Assert.Single(result.Errors);
        Assert.Equal(code, e.Code);
        Assert.Equal("bad.yaml", e.File);
        return e;
    }

    private static void At(PolicyError e, int line, int column)
    {
        Assert.True((e.Line, e.Column) == (line, column), $"expected {line}:{column}, got {e}");
        Assert.StartsWith($"bad.yaml:{line}:{column}: ", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SeedPolicies_GivesTheSeedsThreePolicies()
    {
        var set = SeedPolicies.Load();
        Assert.Equal([SeedPolicies.SocTriage, SeedPolicies.ReadOnly, SeedPolicies.FullManagement], set.All.Select(p => p.Name));
        var full = set.All[2];
        Assert.Equal(RiskLevel.High, full.RiskMax);
        Assert.Equal((ApprovalMode.None, ApprovalMode.Auto, ApprovalMode.Hitl), (full.Approval.Low, full.Approval.Medium, full.Approval.High));
        Assert.Equal("#jira-approvals", full.HitlChannel);
        Assert.Equal(["issues:*", "comments:*", "attachments:*", "worklogs:*"], full.Operations);
        Assert.Same(PolicyApproval.None, set.All[0].Approval);
        Assert.Equal(RiskLevel.Medium, set.All[0].RiskMax);
        Assert.Equal(new SourceLocation(SeedPolicies.FileName, 4, 3), set.All[0].Source);
    }

    [Fact]
    public void Load_Good_Succeeds()
    {
        var r = Loader.Load(Good, "good.yaml");
        Assert.True(r.Succeeded);
        Assert.Empty(r.Errors);
        Assert.True(r.PolicySet!.TryGet("p1", out _));
    }

    [Fact]
    public void Load_UnknownKey_NamesKeyWithSuggestion()
    {
        var e = Single(Good + "\n  risk_maximum: low\n", "unknown_key");
        At(e, 6, 3);
        Assert.Contains("'risk_maximum'", e.Message);
    }

    [Fact]
    public void Load_TypoedKey_SuggestsTheKnownOne()
    {
        var r = Loader.Load(Good.Replace("approval: none", "aproval: none", StringComparison.Ordinal), "bad.yaml");
        Assert.Contains(r.Errors, e => e.Code == "unknown_key" && e.Message.Contains("did you mean 'approval'", StringComparison.Ordinal));
        Assert.Contains(r.Errors, e => e.Code == "missing_key");
    }

    [Fact]
    public void Load_WrongTypes_AreReportedWhereTheyAre()
    {
        At(Single(Good.Replace("[\"issues:read*\"]", "issues:read", StringComparison.Ordinal), "wrong_type"), 3, 15);
        At(Single(Good.Replace("name: p1", "name: [p1]", StringComparison.Ordinal), "wrong_type"), 1, 9);
        At(Single("name: p1\n", "wrong_type"), 1, 1);
        At(Single("- just a string\n", "wrong_type"), 1, 3);
    }

    [Fact]
    public void Load_GlobMatchingNothing_IsAnErrorWithHint()
    {
        var e = Single(Good.Replace("issues:read*", "issue:read*", StringComparison.Ordinal), "unmatched_glob");
        At(e, 3, 16);
        Assert.Contains("'issue:read*' matches no operation", e.Message);
        Assert.Contains("did you mean 'issues:read'", e.Message);
    }

    [Fact]
    public void Load_DenyGlobMatchingNothing_IsAnError()
    {
        At(Single(Good + "\n  deny: [\"issues:remove\"]\n", "unmatched_glob"), 6, 10);
    }

    [Fact]
    public void Load_BadRiskMaxAndApprovalValues_AreInvalidValues()
    {
        At(Single(Good.Replace("risk_max: low", "risk_max: critical", StringComparison.Ordinal), "invalid_value"), 4, 13);
        At(Single(Good.Replace("approval: none", "approval: always", StringComparison.Ordinal), "invalid_value"), 5, 13);
        At(Single(Good.Replace("approval: none", "approval:\n    medium: yes", StringComparison.Ordinal), "invalid_value"), 6, 13);
        At(Single(Good.Replace("approval: none", "approval:\n    critical: auto", StringComparison.Ordinal), "unknown_key"), 6, 5);
    }

    [Fact]
    public void Load_HitlWithoutChannel_IsAnError()
    {
        At(Single(Good.Replace("approval: none", "approval:\n    low: hitl", StringComparison.Ordinal), "hitl_without_channel"), 6, 5);
        At(Single(Good + "\n  escalate: { bulk_over: 20 }\n", "hitl_without_channel"), 6, 13);
    }

    [Fact]
    public void Load_DuplicateNames_NamesBothPlaces()
    {
        var e = Single(Good + "\n" + Good, "duplicate_name");
        At(e, 6, 3);
        Assert.Contains("first defined at bad.yaml:1:3", e.Message);
    }

    [Fact]
    public void Load_DuplicateNamesAcrossFiles_AreErrors()
    {
        var r = Loader.Load([new PolicySource("a.yaml", Good), new PolicySource("b.yaml", Good)]);
        Assert.Null(r.PolicySet);
        Assert.Equal("b.yaml:1:3: duplicate policy name 'p1' (first defined at a.yaml:1:3)", Assert.Single(r.Errors).ToString());
    }

    [Fact]
    public void Load_DuplicateKey_IsAnError()
    {
        Assert.Equal("duplicate_key", Assert.Single(Loader.Load(Good + "\n  risk_max: high\n", "bad.yaml").Errors).Code);
    }

    [Fact]
    public void Load_MissingKeys_EachReported()
    {
        var r = Loader.Load("- name: p1\n  connector: jira\n", "bad.yaml");
        Assert.Equal(["missing_key", "missing_key", "missing_key"], r.Errors.Select(e => e.Code));
        Assert.All(r.Errors, e => At(e, 1, 3));
        Assert.Contains(r.Errors, e => e.Message == "policy 'p1' has no 'operations'");
    }

    [Fact]
    public void Load_OtherConnector_IsRefused()
    {
        At(Single(Good.Replace("connector: jira", "connector: jria", StringComparison.Ordinal), "invalid_value"), 2, 14);
    }

    [Fact]
    public void Load_WhereAndEscalate_ParsedAndValidated()
    {
        var ok = Loader.Load(Good.Replace("approval: none", "approval: none\n  hitl_channel: '#x'\n  where: { projects: [SEC, OPS], issue_types: [Bug] }\n  escalate: { bulk_over: 20 }", StringComparison.Ordinal), "w.yaml");
        var p = Assert.Single(ok.PolicySet!.All);
        Assert.Equal(["SEC", "OPS"], p.Where!.Projects);
        Assert.Equal(["Bug"], p.Where.IssueTypes);
        Assert.Equal(20, p.Escalate!.BulkOver);

        At(Single(Good + "\n  where: { projects: [sec] }\n", "invalid_value"), 6, 23);
        At(Single(Good + "\n  where: { project: [SEC] }\n", "unknown_key"), 6, 12);
        At(Single(Good + "\n  where: { projects: [] }\n", "empty"), 6, 22);
        At(Single(Good + "\n  hitl_channel: '#x'\n  escalate: { bulk_over: many }\n", "wrong_type"), 7, 26);
    }

    [Fact]
    public void Load_SyntaxError_GivesPosition()
    {
        var e = Single("- name: p1\n  operations: [\"issues:read\"\n", "yaml_syntax");
        Assert.True(e.Line >= 2, e.ToString());
    }

    [Fact]
    public void Load_EmptyFileOrEmptyList_IsAnError()
    {
        Single("", "empty");
        Single("# nothing\n", "empty");
        Single("[]\n", "empty");
    }

    [Fact]
    public void Load_AnchorsAndSecondDocuments_AreRefused()
    {
        Assert.Contains(Loader.Load("- name: p1\n  connector: jira\n  operations: &ops [\"issues:read\"]\n  risk_max: low\n  approval: none\n- name: p2\n  connector: jira\n  operations: *ops\n  risk_max: low\n  approval: none\n", "bad.yaml").Errors, e => e.Code == "unsupported");
        Single(Good + "\n---\n" + Good, "unsupported");
    }

    [Fact]
    public void Load_HugeFileOrTooManyPolicies_IsTooLarge()
    {
        var small = new PolicyLoader(options: new PolicyLoaderOptions { MaxFileChars = 100, MaxPolicies = 2, MaxGlobsPerList = 2 });
        Assert.Equal("too_large", Assert.Single(small.Load(new string('#', 101), "big.yaml").Errors).Code);
        var three = "- {name: a, connector: jira, operations: [\"*\"], risk_max: low, approval: none}\n";
        var limited = new PolicyLoader(options: new PolicyLoaderOptions { MaxPolicies = 2, MaxGlobsPerList = 2 });
        Assert.Equal("too_large", Assert.Single(limited.Load(three + three + three, "big.yaml").Errors).Code);
        Assert.Equal("too_large", Assert.Single(limited.Load(Good.Replace("[\"issues:read*\"]", "[\"*\", \"*\", \"*\"]", StringComparison.Ordinal), "big.yaml").Errors).Code);
    }

    [Fact]
    public void Load_ManyMistakes_CollectsThemAllAndLoadsNothing()
    {
        const string yaml = """
            - name: ok
              connector: jira
              operations: ["issues:read"]
              risk_max: low
              approval: none
            - name: bad
              connector: jira
              operations: ["nope:*", "issues:read"]
              risk_max: extreme
              approval: { high: hitl }
              colour: blue
            """;
        var r = Loader.Load(yaml, "bad.yaml");
        Assert.Null(r.PolicySet);
        Assert.Equal(["hitl_without_channel", "invalid_value", "unknown_key", "unmatched_glob"], r.Errors.Select(e => e.Code).Order());
        Assert.Equal([8, 9, 10, 11], r.Errors.Select(e => e.Line).Order());
    }

    [Fact]
    public async Task LoadFilesAsync_ReadsFilesAndReportsMissingOnes()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var path = Path.Combine(dir.FullName, "p.yaml");
            await File.WriteAllTextAsync(path, Good, TestContext.Current.CancellationToken);
            Assert.True((await Loader.LoadFilesAsync([path], TestContext.Current.CancellationToken)).Succeeded);
            var missing = await Loader.LoadFilesAsync([path, Path.Combine(dir.FullName, "missing.yaml")], TestContext.Current.CancellationToken);
            Assert.Null(missing.PolicySet);
            Assert.Equal("unreadable", Assert.Single(missing.Errors).Code);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
