using Microsoft.Net.Http.Headers;

namespace Emulator.Common;

/// <summary>
/// The media type rule for request bodies (README, "Request bodies"): <c>application/json</c>, in any letter case,
/// with parameters allowed and a charset, if any, of UTF-8. The platform's docs and real clients send exactly
/// <c>Content-Type: application/json</c>; a Node.js JSON body parser ignores a body of any other type, so a client
/// that omits or misspells the header would fail against the platform, and the emulator says so with 415.
/// </summary>
public static class JsonMediaType
{
    /// <summary>True when <paramref name="contentType"/> is acceptable for a JSON body.</summary>
    public static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (!parsed.Charset.HasValue || parsed.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || parsed.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));

    /// <summary>415 in the envelope, naming what was sent.</summary>
    public static IResult Unsupported(string? contentType) =>
        ApiResults.Error(StatusCodes.Status415UnsupportedMediaType, ApiResults.SummaryFor(415),
        [
            string.IsNullOrWhiteSpace(contentType)
                ? "The request has no Content-Type: send the body as JSON with 'Content-Type: application/json'."
                : $"Content-Type '{contentType}' is not supported: send the body as JSON with 'Content-Type: application/json'.",
        ]);
}
