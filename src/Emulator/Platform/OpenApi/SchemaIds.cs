using Emulator.Common;

namespace Emulator.OpenApi;

/// <summary>
/// Schema names of the OpenAPI documents: wire records lose their <c>Wire</c> suffix (<c>ChatWire</c> → <c>Chat</c>)
/// and success envelopes are named after their payload (<c>DataEnvelope&lt;IReadOnlyList&lt;ChatWire&gt;&gt;</c> →
/// <c>ChatListResponse</c>), so Swagger UI and generated clients read naturally.
/// </summary>
public static class SchemaIds
{
    /// <summary>The schema id of <paramref name="type"/>.</summary>
    public static string For(Type type)
    {
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(DataEnvelope<>))
        {
            return Strip(type.Name);
        }

        var payload = type.GetGenericArguments()[0];
        var isList = payload.IsGenericType && payload.GetGenericTypeDefinition() == typeof(IReadOnlyList<>);
        var item = isList ? payload.GetGenericArguments()[0] : payload;
        return Strip(item.Name) + (isList ? "List" : "") + "Response";
    }

    private static string Strip(string name) => name.EndsWith("Wire", StringComparison.Ordinal) ? name[..^4] : name;
}
