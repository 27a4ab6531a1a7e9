using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraGate.Gateway.Tests.Infrastructure;

[JsonSerializable(typeof(JsonElement))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
