using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NJsonSchema;

namespace Emulator.Tests.Infrastructure;

/// <summary>
/// The committed OpenAPI document of the emulated API (openapi/inbox.json). Every response a test receives
/// through <see cref="InboxClient"/> for a documented operation is checked here: its status must be declared,
/// and its body must validate (NJsonSchema) against the declared schema. So the document never promises a
/// shape the emulator does not return.
/// </summary>
public static class OpenApiContract
{
    private static readonly Lazy<JsonObject> Document = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "OpenApi", "inbox.json")))!.AsObject());

    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new();

    /// <summary>Asserts that the response conforms; responses of undocumented paths or methods are skipped.</summary>
    public static void Check(HttpMethod method, string requestPath, int status, string body)
    {
        var path = requestPath.Split('?')[0];
        var operation = FindOperation(method, path, out var template);
        if (operation is null)
        {
            return;
        }

        var response = operation["responses"]?[status.ToString()];
        Assert.True(response is not null, $"{method} {template} answered {status}, which openapi/inbox.json does not declare.");
        var schemaNode = response!["content"]?["application/json"]?["schema"];
        if (schemaNode is null)
        {
            return;
        }

        var key = $"{method} {template} {status}";
        var schema = Schemas.GetOrAdd(key, _ => Standalone(schemaNode));
        var errors = schema.Validate(body);
        Assert.True(errors.Count == 0,
            $"{key}: the body does not match openapi/inbox.json: {string.Join("; ", errors.Select(e => $"{e.Path} {e.Kind}"))}\n{body}");
    }

    private static JsonNode? FindOperation(HttpMethod method, string path, out string template)
    {
        foreach (var (candidate, item) in Document.Value["paths"]!.AsObject())
        {
            var pattern = "^" + Regex.Replace(Regex.Escape(candidate), @"\\\{[^}]+}", "[^/]+") + "$";
            if (Regex.IsMatch(path, pattern) && item![method.Method.ToLowerInvariant()] is { } operation)
            {
                // A literal route (/inbox/users/status-update) outranks a parameter (/inbox/users/{id}), as in routing.
                if (!candidate.Contains('{') || !Document.Value["paths"]!.AsObject().Any(p =>
                        p.Key == path && p.Value![method.Method.ToLowerInvariant()] is not null))
                {
                    template = candidate;
                    return operation;
                }
            }
        }

        template = path;
        return null;
    }

    /// <summary>The schema with the document's components copied in as definitions, so its $refs resolve alone.</summary>
    private static JsonSchema Standalone(JsonNode schema)
    {
        const string components = "#/components/schemas/";
        var root = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["allOf"] = new JsonArray(schema.DeepClone()),
            ["definitions"] = Document.Value["components"]!["schemas"]!.DeepClone(),
        };
        var text = root.ToJsonString().Replace(components, "#/definitions/");
        return JsonSchema.FromJsonAsync(text).GetAwaiter().GetResult();
    }
}
