using System.Text.Json.Serialization;

namespace Emulator.Common;

/// <summary>
/// The platform's success envelope without data: <c>{"success": true, "message": "ok", "code": 200}</c>
/// (help page "Website Contacts &amp; Meta Data", response of <c>PUT /inbox/direct/lead</c>). <c>code</c> echoes the HTTP status.
/// </summary>
/// <param name="Success">Always true.</param>
/// <param name="Message">"ok", or a short summary.</param>
/// <param name="Code">The HTTP status code.</param>
public sealed record OkEnvelope(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("code")] int Code);

/// <summary>
/// The platform's success envelope with data: <c>{"success": true, "message": "ok", "data": ..., "code": 200}</c>
/// (help page "Website Contacts &amp; Meta Data", sample response of <c>GET /inbox/direct/chats</c>).
/// </summary>
/// <typeparam name="T">The payload's type, e.g. a list of chats.</typeparam>
/// <param name="Success">Always true.</param>
/// <param name="Message">"ok".</param>
/// <param name="Data">The payload.</param>
/// <param name="Code">The HTTP status code.</param>
public sealed record DataEnvelope<T>(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("data")] T Data,
    [property: JsonPropertyName("code")] int Code);

/// <summary>
/// The error envelope of the emulated surface: <c>{"success": false, "message": "...", "data": ["..."], "code": 400}</c>.
/// The platform documents no error body; real clients parse failures as JSON and join <c>data</c> as an
/// array of strings (README, "What the emulator covers"), so <c>data</c> holds one
/// human-readable message per problem.
/// </summary>
/// <param name="Success">Always false.</param>
/// <param name="Message">A one-line summary, e.g. "Validation failed".</param>
/// <param name="Data">One message per problem; never empty.</param>
/// <param name="Code">The HTTP status code (4xx, or 500 for an unexpected fault).</param>
public sealed record ErrorEnvelope(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("data")] IReadOnlyList<string> Data,
    [property: JsonPropertyName("code")] int Code);
