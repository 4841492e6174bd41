using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Emulator.Common;

/// <summary>Non-generic view of <see cref="JsonBody{T}"/>, for the validation filter.</summary>
public interface IJsonBody
{
    /// <summary>The parsed body, or null when <see cref="Error"/> is set.</summary>
    object? Body { get; }

    /// <summary>The error response to send instead of running the handler (400 or 413), or null.</summary>
    IResult? Error { get; }
}

/// <summary>
/// A request body read and parsed by the emulator itself rather than by model binding, so that every
/// failure (empty, too large, malformed, wrong JSON type) becomes a message in the platform's error
/// envelope instead of ASP.NET Core's bare 400. The body is capped at <see cref="EmulatorOptions.MaxBodyBytes"/>
/// (413 above it). <see cref="ValidationFilter"/> sends <see cref="Error"/> when it is set.
/// </summary>
/// <typeparam name="T">The wire contract of the body.</typeparam>
public sealed class JsonBody<T> : IJsonBody where T : class
{
    private JsonBody(T? value, IResult? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The parsed body; non-null whenever <see cref="Error"/> is null.</summary>
    public T? Value { get; }

    /// <inheritdoc />
    public IResult? Error { get; }

    object? IJsonBody.Body => Value;

    /// <summary>The parsed body, for handlers that run after <see cref="ValidationFilter"/>.</summary>
    public T Required => Value ?? throw new InvalidOperationException("The body was not validated.");

    /// <summary>Minimal API binding hook: reads and parses the request body.</summary>
    public static async ValueTask<JsonBody<T>> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var limit = context.RequestServices.GetRequiredService<IOptions<EmulatorOptions>>().Value.MaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return TooLarge(limit);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return Fail("The request body is empty: send a JSON object.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.ToArray());
        }
        catch (JsonException ex)
        {
            return Fail($"The request body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).");
        }

        using (document)
        {
            var expectsArray = typeof(System.Collections.IEnumerable).IsAssignableFrom(typeof(T));
            var kind = document.RootElement.ValueKind;
            if (expectsArray ? kind != JsonValueKind.Array : kind != JsonValueKind.Object)
            {
                return Fail($"The request body must be a JSON {(expectsArray ? "array" : "object")}.");
            }

            try
            {
                var value = document.RootElement.Deserialize<T>(WireJson.Options);
                return value is null ? Fail("The request body must not be null.") : new JsonBody<T>(value, null);
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

    private static JsonBody<T> Fail(string problem) =>
        new(null, ApiResults.Error(StatusCodes.Status400BadRequest, "Invalid JSON body", [problem]));

    private static JsonBody<T> TooLarge(long limit) =>
        new(null, ApiResults.Error(StatusCodes.Status413PayloadTooLarge, ApiResults.SummaryFor(413),
            [$"The request body exceeds the limit of {limit} bytes."]));
}
