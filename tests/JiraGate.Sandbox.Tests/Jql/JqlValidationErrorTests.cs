using JiraGate.Sandbox.Jql;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Tests.Jql;

/// <summary>Validation errors: collected over the whole query, worded as Jira's validators word them.</summary>
public sealed class JqlValidationErrorTests : IDisposable
{
    private readonly JqlTestSite _site = new();

    public void Dispose() => _site.Dispose();

    [Theory]
    [InlineData("foo = bar", "Field 'foo' does not exist or you do not have permission to view it.")]
    [InlineData("cf[99999] = 1", "Field 'cf[99999]' does not exist or you do not have permission to view it.")]
    [InlineData("\"No Such Field\" ~ x", "Field 'No Such Field' does not exist or you do not have permission to view it.")]
    public void Compile_UnknownField_Throws(string jql, string expected) => Assert.Equal(expected, _site.Error(jql));

    [Theory]
    [InlineData("project = NOPE", "The value 'NOPE' does not exist for the field 'project'.")]
    [InlineData("status = Nope", "The value 'Nope' does not exist for the field 'status'.")]
    [InlineData("priority = Urgent", "The value 'Urgent' does not exist for the field 'priority'.")]
    [InlineData("issuetype = Incident", "The value 'Incident' does not exist for the field 'issuetype'.")]
    [InlineData("type = Incident", "The value 'Incident' does not exist for the field 'type'.")]
    [InlineData("resolution = Fixed", "The value 'Fixed' does not exist for the field 'resolution'.")]
    [InlineData("sprint = \"Sprint 99\"", "The value 'Sprint 99' does not exist for the field 'sprint'.")]
    [InlineData("component = Billing", "The value 'Billing' does not exist for the field 'component'.")]
    [InlineData("fixVersion = 9.9", "The value '9.9' does not exist for the field 'fixVersion'.")]
    [InlineData("affectedVersion in (1.0, 7.7)", "The value '7.7' does not exist for the field 'affectedVersion'.")]
    [InlineData("level = Secret", "The value 'Secret' does not exist for the field 'level'.")]
    [InlineData("statusCategory = Waiting", "The value 'Waiting' does not exist for the field 'statusCategory'.")]
    [InlineData("assignee = \"nobody@example.com\"", "The value 'nobody@example.com' does not exist for the field 'assignee'.")]
    [InlineData("reporter in (\"bob@example.com\", ghost)", "The value 'ghost' does not exist for the field 'reporter'.")]
    [InlineData("Approver = ghost", "The value 'ghost' does not exist for the field 'Approver'.")]
    public void Compile_UnknownValue_Throws(string jql, string expected) => Assert.Equal(expected, _site.Error(jql));

    [Theory]
    [InlineData("project = 999", "A value with ID '999' does not exist for the field 'project'.")]
    [InlineData("status = 42", "A value with ID '42' does not exist for the field 'status'.")]
    [InlineData("component = 0", "A value with ID '0' does not exist for the field 'component'.")]
    [InlineData("id = 99999", "A value with ID '99999' does not exist for the field 'id'.")]
    public void Compile_UnknownId_Throws(string jql, string expected) => Assert.Equal(expected, _site.Error(jql));

    [Fact]
    public void Compile_ProjectTheCallerCannotBrowse_DoesNotExist()
    {
        Assert.Equal("The value 'HR' does not exist for the field 'project'.", _site.Error("project = HR", _site.Alice));
        Assert.Equal(["HR-1"], _site.Keys("project = HR", _site.Carol));
    }

    [Fact]
    public void Compile_IssueKeyInAProjectTheCallerCannotBrowse_DoesNotExist() =>
        Assert.Equal("An issue with key 'HR-1' does not exist for field 'key'.", _site.Error("key = HR-1", _site.Alice));

    [Theory]
    [InlineData("key = SEC-99", "An issue with key 'SEC-99' does not exist for field 'key'.")]
    [InlineData("issuekey = foo", "The issue key 'foo' for field 'issuekey' is invalid.")]
    [InlineData("parent = SEC-99", "An issue with key 'SEC-99' does not exist for field 'parent'.")]
    [InlineData("key > NOPE-1", "An issue with key 'NOPE-1' does not exist for field 'key'.")]
    public void Compile_BadIssueKey_Throws(string jql, string expected) => Assert.Equal(expected, _site.Error(jql));

    [Theory]
    [InlineData("project ~ SEC", "The operator '~' is not supported by the 'project' field.")]
    [InlineData("summary = x", "The operator '=' is not supported by the 'summary' field.")]
    [InlineData("text !~ x", "The operator '!~' is not supported by the 'text' field.")]
    [InlineData("text is EMPTY", "The operator 'is' is not supported by the 'text' field.")]
    [InlineData("status > Done", "The operator '>' is not supported by the 'status' field.")]
    [InlineData("assignee < bob", "The operator '<' is not supported by the 'assignee' field.")]
    [InlineData("issue is EMPTY", "The operator 'is' is not supported by the 'issue' field.")]
    [InlineData("parent is not EMPTY", "The operator 'is not' is not supported by the 'parent' field.")]
    [InlineData("labels ~ x", "The operator '~' is not supported by the 'labels' field.")]
    [InlineData("\"Story Points\" ~ 3", "The operator '~' is not supported by the 'Story Points' field.")]
    [InlineData("rank = 1", "The operator '=' is not supported by the 'rank' field.")]
    public void Compile_UnsupportedOperator_Throws(string jql, string expected) => Assert.Equal(expected, _site.Error(jql));

    [Theory]
    [InlineData("status in Open", "Operator 'in' does not support the non-list value '\"Open\"' for field 'status'.")]
    [InlineData("summary in test", "Operator 'in' does not support the non-list value '\"test\"' for field 'summary'.")]
    [InlineData("assignee not in currentUser()", "Operator 'not in' does not support the non-list value 'currentUser()' for field 'assignee'.")]
    [InlineData("status = (Open, Done)", "Operator '=' does not support the list value '(\"Open\", \"Done\")' for field 'status'.")]
    [InlineData("sprint = openSprints()", "Operator '=' does not support the list value 'openSprints()' for field 'sprint'.")]
    [InlineData("created > (1, 2)", "Operator '>' does not support the list value '(1, 2)' for field 'created'.")]
    [InlineData("status is Open", "Operator 'is' does not support searching for non-empty values for field 'status'.")]
    [InlineData("status is not Open", "Operator 'is not' does not support searching for non-empty values for field 'status'.")]
    [InlineData("created > EMPTY", "Operator '>' does not support the empty value representation 'EMPTY' for field 'created'.")]
    [InlineData("status in EMPTY", "Operator 'in' does not support the empty value representation 'EMPTY' for field 'status'.")]
    public void Compile_OperandDoesNotFitOperator_Throws(string jql, string expected) => Assert.Equal(expected, _site.Error(jql));

    [Theory]
    [InlineData("comment is EMPTY", "The field 'comment' does not support searching for EMPTY values.")]
    [InlineData("key = EMPTY", "The field 'key' does not support searching for EMPTY values.")]
    [InlineData("parent in (SEC-1, EMPTY)", "The field 'parent' does not support searching for EMPTY values.")]
    [InlineData("text ~ EMPTY", "The field 'text' does not support searching for EMPTY values.")]
    public void Compile_EmptyOnFieldWithoutEmptyState_Throws(string jql, string expected) => Assert.Equal(expected, _site.Error(jql));

    [Theory]
    [InlineData("summary ~ \"\"", "The field 'summary' does not support searching for an empty string.")]
    [InlineData("text ~ \"   \"", "The field 'text' does not support searching for an empty string.")]
    [InlineData("summary ~ \"AND\"", "Unable to parse the text 'AND' for field 'summary'.")]
    [InlineData("text ~ \"login OR\"", "Unable to parse the text 'login OR' for field 'text'.")]
    [InlineData("description ~ '\"unclosed'", "Unable to parse the text '\"unclosed' for field 'description'.")]
    public void Compile_BadTextQuery_Throws(string jql, string expected) => Assert.Equal(expected, _site.Error(jql));

    [Theory]
    [InlineData("created > \"2024-13-45\"", "2024-13-45", "created")]
    [InlineData("updated < yesterday", "yesterday", "updated")]
    [InlineData("due = \"1d 2x\"", "1d 2x", "due")]
    [InlineData("\"Target date\" > \"2024/02/30\"", "2024/02/30", "Target date")]
    [InlineData("resolved > \"-1M\"", "-1M", "resolved")]
    public void Compile_BadDate_Throws(string jql, string value, string field)
    {
        var expected = $"Date value '{value}' for field '{field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.";

        Assert.Equal(expected, _site.Error(jql));
    }

    [Theory]
    [InlineData("assignee = foo()", "Unable to find JQL function 'foo()'.")]
    [InlineData("project in dontExist(HSP, 'a b')", "Unable to find JQL function 'dontExist(HSP, a b)'.")]
    [InlineData("assignee in (bob, foo())", "Unable to find JQL function 'foo()'.")]
    [InlineData("assignee = currentuser('x')", "Function 'currentuser' expected '0' arguments but received '1'.")]
    [InlineData("created > now(\"-30d\")", "Function 'now' expected '0' arguments but received '1'.")]
    [InlineData("assignee in membersOf()", "Function 'membersOf' expected '1' arguments but received '0'.")]
    [InlineData("created > startOfDay(1, 2)", "Function 'startOfDay' expected between '0' and '1' arguments but received '2'.")]
    [InlineData("sprint in openSprints(1)", "Function 'openSprints' expected '0' arguments but received '1'.")]
    [InlineData("assignee in membersof('notAGroup')", "Function 'membersof' can not generate a list of usernames for group 'notAGroup'; the group does not exist.")]
    [InlineData("created > startOfDay(\"invalid\")", "Duration for function 'startOfDay' should have the format (+/-)n(yMwdm), e.g -1M for 1 month earlier.")]
    [InlineData("created > endOfWeek(\"1w 2d\")", "Duration for function 'endOfWeek' should have the format (+/-)n(yMwdm), e.g -1M for 1 month earlier.")]
    [InlineData("fixVersion in releasedVersions(NOPE)", "Could not resolve the project 'NOPE' provided to function 'releasedVersions'.")]
    public void Compile_BadFunction_Throws(string jql, string expected) => Assert.Equal(expected, _site.Error(jql));

    [Theory]
    [InlineData("status = CuRReNTuseR()", "A value provided by the function 'CuRReNTuseR' is invalid for the field 'status'.")]
    [InlineData("project = now()", "A value provided by the function 'now' is invalid for the field 'project'.")]
    [InlineData("created = currentUSER()", "A date for the field 'created' provided by the function 'currentUSER' is not valid.")]
    [InlineData("key = currentuser()", "A value provided by the function 'currentuser' for the field 'key' is not a valid issue key.")]
    [InlineData("cf[10016] = now()", "A value provided by the function 'now' for the field 'cf[10016]' is not a valid number.")]
    public void Compile_FunctionOfTheWrongKind_Throws(string jql, string expected) => Assert.Equal(expected, _site.Error(jql));

    [Fact]
    public void Compile_DateFunctionForUserField_WarnsAndMatchesNothing()
    {
        var compiled = _site.Site.Read(s => JqlEngine.Compile("assignee = now()", JqlContext.For(s, _site.Alice)));

        Assert.Equal(["A value provided by the function 'now' is invalid for the field 'assignee'."], compiled.Warnings);
        Assert.Empty(_site.Keys("assignee = now()"));
    }

    [Theory]
    [InlineData("\"Story Points\" = abc", "The value 'abc' for field 'Story Points' is invalid - it must be a number.")]
    [InlineData("Severity = Sev9", "The option 'Sev9' for field 'Severity' does not exist.")]
    [InlineData("cf[10030] in (Sev1, Sev7)", "The option 'Sev7' for field 'cf[10030]' does not exist.")]
    public void Compile_BadCustomFieldValue_Throws(string jql, string expected) => Assert.Equal(expected, _site.Error(jql));

    [Theory]
    [InlineData("status was Open", "was", "status")]
    [InlineData("assignee was not in (bob)", "was not in", "assignee")]
    [InlineData("status changed", "changed", "status")]
    [InlineData("status changed from Open to Done by bob", "changed", "status")]
    public void Compile_HistoryOperator_IsRefusedBySandbox(string jql, string op, string field)
    {
        Assert.Equal(
            $"The operator '{op}' is not supported by the sandbox for the '{field}' field: it keeps no field history to search (WAS and CHANGED).",
            _site.Error(jql));
    }

    [Theory]
    [InlineData("project = SEC ORDER BY foo", "Not able to sort using field 'foo'.")]
    [InlineData("project = SEC ORDER BY cf[42]", "Not able to sort using field 'cf[42]'.")]
    [InlineData("project = SEC ORDER BY description", "Field 'description' does not support sorting.")]
    [InlineData("project = SEC ORDER BY text", "Field 'text' does not support sorting.")]
    [InlineData("project = SEC ORDER BY Notes", "Field 'Notes' does not support sorting.")]
    public void Compile_BadOrderBy_Throws(string jql, string expected) => Assert.Equal(expected, _site.Error(jql));

    [Fact]
    public void Compile_MoreThanSevenSortFieldsOnCloud_Throws() =>
        Assert.Equal(
            "The ORDER BY clause can contain a maximum of 7 fields.",
            _site.Error("project = SEC ORDER BY key, created, updated, priority, status, assignee, reporter, summary"));

    [Fact]
    public void Compile_EightSortFieldsOnDataCenter_Sorts()
    {
        using var dc = new JqlTestSite(SandboxFlavor.DataCenter);

        var keys = dc.Keys("project = OPS ORDER BY key, created, updated, priority, status, assignee, reporter, summary");

        Assert.Equal(["OPS-1", "OPS-2"], keys);
    }

    [Fact]
    public void Compile_SeveralProblems_ReportsThemAllInOrder()
    {
        var errors = _site.Errors("foo = 1 AND (project = NOPE OR status in (Nope, Done, Gone)) AND NOT assignee = ghost ORDER BY bar");

        Assert.Equal(
        [
            "Field 'foo' does not exist or you do not have permission to view it.",
            "The value 'NOPE' does not exist for the field 'project'.",
            "The value 'Nope' does not exist for the field 'status'.",
            "The value 'Gone' does not exist for the field 'status'.",
            "The value 'ghost' does not exist for the field 'assignee'.",
            "Not able to sort using field 'bar'.",
        ], errors);
    }

    [Fact]
    public void Compile_SameProblemTwice_IsReportedOnce() =>
        Assert.Equal(["The value 'NOPE' does not exist for the field 'project'."], _site.Errors("project = NOPE OR project = NOPE"));
}
