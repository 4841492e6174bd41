using System.Reflection;
using System.Text.Json.Nodes;
using Emulator.Testing;

namespace Emulator.Tests.Control;

/// <summary>
/// The typed control client (Emulator.Testing) keeps up with the control surface: every operation of
/// <c>openapi/emulator.json</c> has a method named after its operation id, so a new control endpoint without one fails here.
/// </summary>
public sealed class TypedClientCoverageTests
{
    // Operations whose client method reads better under another name.
    private static readonly Dictionary<string, string> Renamed = new()
    {
        ["ListSegmentsWithMembers"] = "ListSegmentsAsync",
        ["CreateWhatsAppTemplate"] = "DefineWhatsAppTemplateAsync",
        ["ListWhatsAppTemplatesOfTenant"] = "ListWhatsAppTemplatesAsync",
    };

    // Operations a test has no use for through the client, and why.
    private static readonly Dictionary<string, string> LeftOut = new()
    {
        ["Health"] = "a liveness probe for orchestrators; InboxEmulator.StartAsync returns once the emulator is ready",
        ["Ready"] = "a readiness probe for orchestrators; InboxEmulator.StartAsync returns once the emulator is ready",
    };

    [Fact]
    public void Every_control_operation_has_a_typed_client_method()
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "OpenApi", "emulator.json")))!;
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => op.Value!["operationId"]!.GetValue<string>()))
            .ToList();
        var methods = typeof(EmulatorControlClient).GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(m => m.Name).ToHashSet();

        var missing = operations.Where(id => !LeftOut.ContainsKey(id) && !methods.Contains(Renamed.GetValueOrDefault(id) ?? id + "Async")).ToList();
        Assert.True(missing.Count == 0, "Control operations without a typed-client method in EmulatorControlClient: " + string.Join(", ", missing));
        Assert.True(operations.Count > 40, $"Only {operations.Count} operations were read from emulator.json.");
        Assert.All(Renamed.Keys.Concat(LeftOut.Keys), id => Assert.Contains(id, operations));
    }
}
