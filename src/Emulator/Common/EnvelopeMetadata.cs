namespace Emulator.Common;

/// <summary>OpenAPI metadata for the error responses of the emulated surface.</summary>
public static class EnvelopeMetadata
{
    /// <summary>Declares that the endpoint answers each of <paramref name="statuses"/> with an <see cref="ErrorEnvelope"/>.</summary>
    public static RouteHandlerBuilder ProducesEnvelopeErrors(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.Produces<ErrorEnvelope>(status);
        }

        return builder;
    }
}
