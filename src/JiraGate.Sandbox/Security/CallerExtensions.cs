
namespace JiraGate.Sandbox.Security;

internal static class CallerExtensions
{
    private const string ItemKey = "JiraGate.Sandbox.Caller";

    public static Caller Caller(this HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) && value is Caller caller ? caller : Security.Caller.Anonymous;

    public static void SetCaller(this HttpContext context, Caller caller) => context.Items[ItemKey] = caller;
}
