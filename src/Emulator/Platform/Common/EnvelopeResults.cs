using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Emulator.Common;

/// <summary>
/// An error answer of the emulated surface in the platform's envelope (<see cref="ErrorEnvelope"/>) whose status is part
/// of its type: a handler returning <c>Results&lt;…, NotFoundEnvelope&gt;</c> declares its 404 in the OpenAPI document by its
/// signature alone (<see cref="IEndpointMetadataProvider"/>).
/// </summary>
/// <param name="status">The HTTP status, echoed as <c>code</c>.</param>
/// <param name="problems">One human-readable message per problem.</param>
public abstract class EnvelopeError(int status, IEnumerable<string> problems) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ErrorEnvelope>
{
    /// <summary>The body.</summary>
    public ErrorEnvelope Value { get; } = new(false, status == StatusCodes.Status400BadRequest ? "Validation failed" : ApiResults.SummaryFor(status),
        problems.ToList(), status);

    /// <summary>The HTTP status.</summary>
    public int StatusCode => status;

    int? IStatusCodeHttpResult.StatusCode => status;

    object? IValueHttpResult.Value => Value;

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Json(Value, statusCode: status).ExecuteAsync(httpContext);

    /// <summary>Declares that an endpoint answers <paramref name="status"/> with an <see cref="ErrorEnvelope"/>.</summary>
    public static void Declare(EndpointBuilder builder, int status)
    {
        if (!builder.Metadata.OfType<IProducesResponseTypeMetadata>().Any(m => m.StatusCode == status))
        {
            builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ErrorEnvelope), ["application/json"]));
        }
    }
}

/// <summary>400 "Validation failed": a request the handler found invalid after the pipeline's checks.</summary>
/// <param name="problems">One message per problem.</param>
public sealed class BadRequestEnvelope(IEnumerable<string> problems) : EnvelopeError(StatusCodes.Status400BadRequest, problems), IEndpointMetadataProvider
{
    /// <inheritdoc />
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status400BadRequest);
}

/// <summary>404: what the request names (a contact, a template, a bot) does not exist for the tenant.</summary>
/// <param name="problems">One message per thing not found.</param>
public sealed class NotFoundEnvelope(IEnumerable<string> problems) : EnvelopeError(StatusCodes.Status404NotFound, problems), IEndpointMetadataProvider
{
    /// <inheritdoc />
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status404NotFound);
}
