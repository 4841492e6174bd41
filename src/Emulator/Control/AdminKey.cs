using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Emulator.Control;

/// <summary>
/// The optional admin key of the control surface (<see cref="EmulatorOptions.AdminKey"/>): when set, every
/// <c>/_emulator</c> call except health and readiness must send it in <see cref="AdminKey.Header"/>, else 401 (problem details).
/// Unset, the surface is open (README, "Testing with the emulator": set it whenever others can reach the port).
/// </summary>
public sealed class AdminKeyFilter(IOptions<EmulatorOptions> options) : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.Value.AdminKey;
        var http = context.HttpContext;
        if (string.IsNullOrEmpty(expected) || http.GetEndpoint()?.Metadata.GetMetadata<AdminKey.Open>() is not null)
        {
            return await next(context);
        }

        var sent = http.Request.Headers[AdminKey.Header].ToString();
        if (AdminKey.Matches(sent, expected))
        {
            return await next(context);
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Admin key required",
            detail: sent.Length == 0
                ? $"This emulator has an admin key: send it in the '{AdminKey.Header}' header."
                : $"The '{AdminKey.Header}' header does not hold this emulator's admin key.");
    }
}

/// <summary>Names and metadata of the admin key.</summary>
public static class AdminKey
{
    /// <summary>The header that carries the key.</summary>
    public const string Header = "x-emulator-admin-key";

    /// <summary>Whether <paramref name="sent"/> is the configured key, compared in constant time.</summary>
    public static bool Matches(string? sent, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent ?? ""), Encoding.UTF8.GetBytes(expected));

    /// <summary>Endpoint metadata: callable without the admin key (health, readiness).</summary>
    public sealed class Open;

    /// <summary>Marks the endpoint as callable without the admin key.</summary>
    public static TBuilder AllowWithoutAdminKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new Open());
}
