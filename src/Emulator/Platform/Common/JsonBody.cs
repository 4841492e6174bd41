using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Emulator.Common;

/// <summary>Non-generic view of <see cref="JsonBody{T}"/>, for the validation filter.</summary>
public interface IJsonBody
{
    /// <summary>The parsed body, or null before <see cref="ReadAsync"/> succeeded.</summary>
    object? Body { get; }

    /// <summary>Reads and parses the request body; returns the error to answer instead (415, 413 or 400), or null.</summary>
    ValueTask<IResult?> ReadAsync(HttpContext context);
}

/// <summary>Endpoint metadata: the endpoint reads a JSON body of <paramref name="Type"/> (documented by the OpenAPI filter).</summary>
/// <param name="Type">The wire contract of the body.</param>
public sealed record JsonBodyMetadata(Type Type);

/// <summary>
/// A request body read and parsed by the emulator itself rather than by model binding, so that every failure
/// becomes a message in the platform's error envelope instead of ASP.NET Core's bare 400, and so that nothing is
/// read before the token is checked: binding only creates the holder, and <see cref="ValidationFilter"/> (which
/// runs after the tenant filter) calls <see cref="ReadAsync"/>. The rules, in order (README, "Request bodies"):
/// <c>Content-Type</c> must be <c>application/json</c> (charset, if any, UTF-8) else 415; the body is capped at
/// <see cref="EmulatorOptions.MaxBodyBytes"/> (413 above it); a body the server cannot read (such as malformed chunked
/// encoding) is 400; a UTF-8 byte order mark is skipped; JSON nested deeper than 64 levels, invalid JSON, a root of
/// the wrong kind and a wrong JSON type are 400, each with its own message.
/// </summary>
/// <typeparam name="T">The wire contract of the body.</typeparam>
public sealed class JsonBody<T> : IJsonBody, IEndpointParameterMetadataProvider where T : class
{
    /// <summary>The deepest JSON nesting accepted, as ASP.NET Core's own JSON input (System.Text.Json's default).</summary>
    public const int MaxDepth = 64;

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The parsed body; non-null once <see cref="ReadAsync"/> returned no error.</summary>
    public T? Value { get; private set; }

    object? IJsonBody.Body => Value;

    /// <summary>The parsed body, for handlers that run after <see cref="ValidationFilter"/>.</summary>
    public T Required => Value ?? throw new InvalidOperationException("The body was not read and validated.");

    /// <summary>Minimal API binding hook: creates the holder; the body is read later by <see cref="ReadAsync"/>.</summary>
    public static ValueTask<JsonBody<T>> BindAsync(HttpContext context, ParameterInfo parameter) => ValueTask.FromResult(new JsonBody<T>());

    /// <summary>Adds <see cref="JsonBodyMetadata"/> to the endpoint, and declares the errors reading the body can answer (400,
    /// 413, 415), and 403 for a body that names its customer (<see cref="ICustomerScoped"/>).</summary>
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        builder.Metadata.Add(new JsonBodyMetadata(typeof(T)));
        EnvelopeError.Declare(builder, StatusCodes.Status400BadRequest);
        EnvelopeError.Declare(builder, StatusCodes.Status413PayloadTooLarge);
        EnvelopeError.Declare(builder, StatusCodes.Status415UnsupportedMediaType);
        if (typeof(T).IsAssignableTo(typeof(ICustomerScoped)))
        {
            EnvelopeError.Declare(builder, StatusCodes.Status403Forbidden);
        }
    }

    /// <inheritdoc />
    public async ValueTask<IResult?> ReadAsync(HttpContext context)
    {
        if (!JsonMediaType.IsJson(context.Request.ContentType))
        {
            return JsonMediaType.Unsupported(context.Request.ContentType);
        }

        var limit = context.RequestServices.GetRequiredService<IOptions<EmulatorOptions>>().Value.MaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        byte[] bytes;
        try
        {
            bytes = await ReadUpToAsync(context, limit);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limit);
        }
        catch (Exception ex) when ((ex is BadHttpRequestException or IOException) && !context.RequestAborted.IsCancellationRequested)
        {
            // Kestrel reports a malformed body (a chunk size that overflows, a truncated chunk) as an IOException.
            return Fail("The request body could not be read: its transfer encoding is malformed.");
        }

        if (bytes.Length > limit)
        {
            return TooLarge(limit);
        }

        var json = bytes.AsMemory();
        if (json.Span.StartsWith(Utf8Bom))
        {
            json = json[Utf8Bom.Length..];
        }

        return json.IsEmpty ? Fail("The request body is empty: send a JSON " + (ExpectsArray ? "array." : "object.")) : Parse(json);
    }

    private static bool ExpectsArray => typeof(System.Collections.IEnumerable).IsAssignableFrom(typeof(T));

    private IResult? Parse(ReadOnlyMemory<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException ex)
        {
            return IsTooDeep(json.Span)
                ? Fail($"The request body nests JSON deeper than {MaxDepth} levels.")
                : Fail($"The request body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).");
        }

        using (document)
        {
            var kind = document.RootElement.ValueKind;
            if (ExpectsArray ? kind != JsonValueKind.Array : kind != JsonValueKind.Object)
            {
                return Fail($"The request body must be a JSON {(ExpectsArray ? "array" : "object")}.");
            }

            try
            {
                Value = document.RootElement.Deserialize<T>(WireJson.Options);
                return Value is null ? Fail("The request body must not be null.") : null;
            }
            catch (JsonException ex)
            {
                var path = (ex.Path ?? "$").TrimStart('$').TrimStart('.');
                path = path.StartsWith('[') ? "items" + path : path;
                var expected = WireJson.DescribeExpected(typeof(T), ex.Path ?? "$") ?? "has the wrong JSON type";
                return Fail($"{(path.Length == 0 ? "body" : path)} {expected}.");
            }
        }
    }

    // Valid JSON that only breaks the depth limit: read it again without the limit (the reader is not recursive).
    private static bool IsTooDeep(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = int.MaxValue });
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static async Task<byte[]> ReadUpToAsync(HttpContext context, long limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                break;
            }
        }

        return buffer.ToArray();
    }

    private static IResult Fail(string problem) =>
        ApiResults.Error(StatusCodes.Status400BadRequest, "Invalid JSON body", [problem]);

    private static IResult TooLarge(long limit) =>
        ApiResults.Error(StatusCodes.Status413PayloadTooLarge, ApiResults.SummaryFor(413),
            [$"The request body exceeds the limit of {limit} bytes."]);
}
