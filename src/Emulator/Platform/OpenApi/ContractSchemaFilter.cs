using System.Reflection;
using System.Text.Json.Nodes;
using Emulator.Contacts;
using Emulator.Data;
using Emulator.Leads;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Emulator.OpenApi;

/// <summary>
/// Adds to the generated schemas what the C# types cannot say: every non-nullable response member is present, a
/// nullable one is absent while unset and never null, and no other member is written (no additional properties); the
/// lead body's required fields (the help page marks <c>uuid*</c>, <c>botId*</c>, <c>customerId*</c>) and the
/// enumerations of status and sender values.
/// </summary>
public sealed class ContractSchemaFilter : ISchemaFilter
{
    /// <inheritdoc />
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || concrete.Properties is null)
        {
            return;
        }

        if (IsResponseShape(context.Type))
        {
            // The emulator writes every non-nullable member of a response, leaves a nullable one out while it is
            // unset (never writing null), and writes nothing else; the document says exactly that, so a client
            // generated from it, or a contract test, sees the real shape.
            var optional = OptionalMembers(context.Type);
            concrete.Required = new HashSet<string>(concrete.Properties.Keys.Where(name => !optional.Contains(name)));
            concrete.AdditionalPropertiesAllowed = false;
            foreach (var (name, property) in concrete.Properties)
            {
                if (property is OpenApiSchema { Type: { } nullable } present && optional.Contains(name))
                {
                    present.Type = nullable & ~JsonSchemaType.Null;
                }

                if (property is OpenApiSchema { Type: var type } member && (type & JsonSchemaType.String) != 0)
                {
                    member.Pattern = name switch
                    {
                        "createdAt" or "updatedAt" or "lastSeenAt" or "at" => Timestamp,
                        "_id" => ObjectId,
                        _ => member.Pattern,
                    };
                }
            }
        }
        else
        {
            // Request bodies: unknown members are ignored (a whole contact object may be sent back).
            concrete.AdditionalPropertiesAllowed = true;
        }

        if (context.Type == typeof(LeadRequest))
        {
            concrete.Required = new HashSet<string> { "uuid", "botId", "customerId" };
            Enumerate(concrete.Properties, "status", ChatStatuses.All);
        }
        else if (context.Type == typeof(ContactSearchRequest))
        {
            EnumerateItems(concrete.Properties, "status", ChatStatuses.All);
            EnumerateItems(concrete.Properties, "lastMessageBy", Senders.All);
            EnumerateItems(concrete.Properties, "applicableFilters", ContactQuery.BooleanFilters);
        }
    }

    /// <summary>Fixed-width ISO 8601 UTC with milliseconds, as every timestamp of the emulated surface.</summary>
    public const string Timestamp = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$";

    /// <summary>24 lowercase hex characters, as every <c>_id</c>.</summary>
    public const string ObjectId = "^[0-9a-f]{24}$";

    /// <summary>True for the wire types of responses: envelopes and <c>*Wire</c> records.</summary>
    public static bool IsResponseShape(Type type) =>
        type.Name.EndsWith("Wire", StringComparison.Ordinal) || type.Name.EndsWith("Envelope", StringComparison.Ordinal)
        || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Common.DataEnvelope<>));

    /// <summary>JSON names of the members of <paramref name="type"/> declared nullable: absent from the JSON while unset.</summary>
    public static HashSet<string> OptionalMembers(Type type)
    {
        var nullability = new NullabilityInfoContext();
        return type.GetProperties()
            .Where(p => nullability.Create(p).ReadState == NullabilityState.Nullable)
            .Select(p => Common.WireJson.NameOf(p))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The values as OpenAPI enum entries.</summary>
    public static List<JsonNode> Values(IEnumerable<string> values) => values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();

    private static void Enumerate(IDictionary<string, IOpenApiSchema> properties, string name, IEnumerable<string> values)
    {
        if (properties.TryGetValue(name, out var property) && property is OpenApiSchema s)
        {
            s.Enum = Values(values);
        }
    }

    private static void EnumerateItems(IDictionary<string, IOpenApiSchema> properties, string name, IEnumerable<string> values)
    {
        if (properties.TryGetValue(name, out var property) && property is OpenApiSchema { Items: OpenApiSchema items })
        {
            items.Enum = Values(values);
        }
    }
}
