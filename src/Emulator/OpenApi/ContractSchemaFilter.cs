using System.Text.Json.Nodes;
using Emulator.Contacts;
using Emulator.Data;
using Emulator.Leads;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Emulator.OpenApi;

/// <summary>
/// Adds to the generated schemas what the C# types cannot say: the lead body's required fields (seed-docs mark
/// <c>uuid*</c>, <c>botId*</c>, <c>customerId*</c>) and the enumerations of status and sender values.
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
