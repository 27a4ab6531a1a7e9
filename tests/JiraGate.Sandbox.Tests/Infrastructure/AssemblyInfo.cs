[assembly: AssemblyFixture(typeof(JiraGate.Sandbox.Tests.Infrastructure.SandboxFixture))]
