namespace Emulator.Common;

/// <summary>OpenAPI metadata for the error responses of the emulated surface.</summary>
public static class EnvelopeMetadata
{
    /// <summary>Declares that the endpoint answers each of <paramref name="statuses"/> with an <see cref="ErrorEnvelope"/>.</summary>
    public static RouteHandlerBuilder ProducesEnvelopeErrors(this RouteHandlerBuilder builder, params int[] statuses)
    {
        // Every endpoint of the emulated API can answer 429 when the per-token rate limit is on (Emulator:RateLimitPermits).
        foreach (var status in statuses.Append(StatusCodes.Status429TooManyRequests))
        {
            builder.Produces<ErrorEnvelope>(status);
        }

        return builder;
    }
}
