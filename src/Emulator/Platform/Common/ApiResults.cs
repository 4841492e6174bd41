using Microsoft.AspNetCore.Http.HttpResults;

namespace Emulator.Common;

/// <summary>The one factory for responses of the emulated surface, so every body is in the platform's envelope.</summary>
public static class ApiResults
{
    /// <summary>200 <c>{"success": true, "message": "ok", "code": 200}</c>.</summary>
    public static Ok<OkEnvelope> Ok() => TypedResults.Ok(new OkEnvelope(true, "ok", StatusCodes.Status200OK));

    /// <summary>200 <c>{"success": true, "message": "ok", "data": data, "code": 200}</c>.</summary>
    public static Ok<DataEnvelope<T>> Ok<T>(T data) => TypedResults.Ok(new DataEnvelope<T>(true, "ok", data, StatusCodes.Status200OK));

    /// <summary>An error status with <c>{"success": false, "message": message, "data": problems, "code": status}</c>.</summary>
    /// <param name="status">The HTTP status code, echoed as <c>code</c>.</param>
    /// <param name="message">The one-line summary.</param>
    /// <param name="problems">One human-readable message per problem.</param>
    public static IResult Error(int status, string message, IEnumerable<string> problems) =>
        TypedResults.Json(new ErrorEnvelope(false, message, problems.ToList(), status), statusCode: status);

    /// <summary>400 "Validation failed" with the given problems.</summary>
    public static BadRequestEnvelope Invalid(IEnumerable<string> problems) => new(problems);

    /// <summary>400 "Validation failed" with one problem.</summary>
    public static BadRequestEnvelope Invalid(string problem) => Invalid([problem]);

    /// <summary>404 with one message per thing not found.</summary>
    public static NotFoundEnvelope NotFound(params IEnumerable<string> problems) => new(problems);

    /// <summary>The summary line used for each error status of the emulated surface.</summary>
    public static string SummaryFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Bad request",
        StatusCodes.Status401Unauthorized => "Unauthorized",
        StatusCodes.Status403Forbidden => "Forbidden",
        StatusCodes.Status404NotFound => "Not found",
        StatusCodes.Status405MethodNotAllowed => "Method not allowed",
        StatusCodes.Status413PayloadTooLarge => "Payload too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        StatusCodes.Status429TooManyRequests => "Too many requests",
        StatusCodes.Status503ServiceUnavailable => "Service unavailable",
        >= 500 => "Internal server error",
        _ => "Request failed",
    };
}
