using System.Text.Json.Nodes;
using Emulator.Common;
using Emulator.Tenants;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Emulator.OpenApi;

/// <summary>
/// Completes each operation of the emulated surface: its security alternatives (the documented token header, or Bearer,
/// with the optional <c>authtype</c> header of the newer docs; or a WhatsApp bot's <c>apiKey</c>), its JSON request body
/// (from <see cref="JsonBodyMetadata"/>), and request/response examples from the seed docs.
/// </summary>
public sealed class InboxOperationFilter : IOperationFilter
{
    /// <inheritdoc />
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var token = metadata.OfType<TokenHeader>().FirstOrDefault();
        if (token is not null)
        {
            AddTokenAuth(operation, context, token);
        }
        else if (metadata.OfType<WhatsApp.WhatsAppKeyAuth>().Any())
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(WhatsApp.WhatsAppKeyAuth.Scheme, context.Document)] = [],
            });
        }
        else
        {
            return;
        }

        if (metadata.OfType<JsonBodyMetadata>().FirstOrDefault() is { } body)
        {
            // The body is read by JsonBody<T> (not model binding), so the document learns its type from JsonBodyMetadata.
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = context.SchemaGenerator.GenerateSchema(body.Type, context.SchemaRepository) },
                },
            };
        }

        if ((DocExamples.RequestFor(operation.OperationId) ?? IntegrationExamples.RequestFor(operation.OperationId)) is { } request
            && operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true)
        {
            media.Example = request;
        }

        if (DocExamples.ResponseFor(operation.OperationId) is { } response
            && operation.Responses?.TryGetValue("200", out var ok) == true
            && ok.Content?.TryGetValue("application/json", out var okMedia) == true)
        {
            okMedia.Example = response;
        }

        // Statuses come from the handler's signature and the pipeline's checks in no set order: listed by code.
        if (operation.Responses is { Count: > 1 } responses)
        {
            var sorted = responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
            responses.Clear();
            foreach (var (status, answer) in sorted)
            {
                responses.Add(status, answer);
            }
        }
    }

    private static void AddTokenAuth(OpenApiOperation operation, OperationFilterContext context, TokenHeader token)
    {
        operation.Security ??= [];
        if (token.Name is not null)
        {
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(token.Name, context.Document)] = [],
            });
        }

        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(SwaggerSetup.BearerScheme, context.Document)] = [],
        });

        operation.Parameters ??= [];
        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>()
                     .Where(p => p.In == ParameterLocation.Query && operation.OperationId == "ListChats"))
        {
            // Every query parameter of the chats listing is marked required (*) in the seed docs.
            parameter.Required = true;
            if (parameter.Name == "type" && parameter.Schema is OpenApiSchema schema)
            {
                schema.Enum = ContractSchemaFilter.Values(["lead", "non-lead"]);
            }
        }

        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "authtype",
            In = ParameterLocation.Header,
            Required = false,
            Description = "Sent as 'Key' with the Bearer form by the newer docs and real clients; not required by the emulator.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            Example = JsonValue.Create("Key"),
        });
    }
}
