namespace JiraGate.Jira.Tests;

public sealed class JiraDeploymentTests
{
    [Fact]
    public void Auto_IsTheDefault() => Assert.Equal(JiraDeployment.Auto, default(JiraDeployment));
}
