namespace JiraGate.Sandbox;

internal static class Program
{
    public static int Main() => 0;
}
