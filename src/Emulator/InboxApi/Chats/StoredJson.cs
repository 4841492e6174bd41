using System.Text.Json;
using Emulator.Data;

namespace Emulator.Chats;

/// <summary>
/// Reads the JSON columns of <c>Chats</c> as EF Core writes them (<see cref="ChatConfiguration"/>): <c>Notes</c> as
/// <c>[{"_id", "Title", "Description"}]</c>, <c>Attributes</c> as <c>[{"Key", "Value"}]</c>, <c>Tags</c> as an array of
/// strings; NULL or empty text is an empty list. For <see cref="ChatPageReader"/>, which reads rows without EF Core; a test
/// compares its pages with EF Core's for every test's data.
/// </summary>
internal static class StoredJson
{
    /// <summary><c>Notes</c>, in stored order.</summary>
    public static List<ChatNote> Notes(string? json) => Objects(json, note => new ChatNote
    {
        Id = note.GetProperty("_id").GetString()!,
        Title = Optional(note, "Title"),
        Description = Optional(note, "Description"),
    });

    /// <summary><c>Attributes</c>, in stored order.</summary>
    public static List<ChatAttribute> Attributes(string? json) => Objects(json, attribute => new ChatAttribute
    {
        Key = attribute.GetProperty("Key").GetString()!,
        Value = Optional(attribute, "Value"),
    });

    /// <summary>A JSON array of strings, such as <c>Tags</c>.</summary>
    public static List<string> Strings(string? json)
    {
        var list = new List<string>();
        if (string.IsNullOrEmpty(json))
        {
            return list;
        }

        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                list.Add(reader.GetString()!);
            }
        }

        return list;
    }

    private static List<T> Objects<T>(string? json, Func<JsonElement, T> read)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.EnumerateArray().Select(read).ToList() : [];
    }

    private static string? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
