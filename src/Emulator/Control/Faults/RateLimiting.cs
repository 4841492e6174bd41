using System.Globalization;
using System.Threading.RateLimiting;
using Emulator.Common;
using Emulator.Tenants;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Emulator.Faults;

/// <summary>
/// The per-token rate limit of the emulated API (<see cref="EmulatorOptions.RateLimitPermits"/> requests per
/// <see cref="EmulatorOptions.RateLimitWindowMs"/>, off by default), on ASP.NET Core's rate limiter with a fixed window
/// per token (requests without a known token share one window per client address). Over the limit: 429 in the
/// platform's envelope with <c>Retry-After</c> in whole seconds.
/// </summary>
public static class RateLimiting
{
    /// <summary>The policy name the emulated API's group requires.</summary>
    public const string PerToken = "per-token";

    /// <summary>Registers the limiter.</summary>
    public static IServiceCollection AddEmulatorRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(PerToken, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<EmulatorOptions>>().Value;
                if (options.RateLimitPermits == 0)
                {
                    return RateLimitPartition.GetNoLimiter("off");
                }

                var key = context.RequestServices.GetRequiredService<TenantDirectory>().CredentialInRequest(context)?.Credential
                    ?? "address:" + context.Connection.RemoteIpAddress;
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.RateLimitPermits,
                    Window = TimeSpan.FromMilliseconds(options.RateLimitWindowMs),
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var window = rejected.HttpContext.RequestServices.GetRequiredService<IOptions<EmulatorOptions>>().Value.RateLimitWindowMs;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMilliseconds(window);
                rejected.HttpContext.Response.Headers.RetryAfter =
                    Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await ApiResults.Error(StatusCodes.Status429TooManyRequests, ApiResults.SummaryFor(429),
                    ["Rate limit of the emulator reached for this token (Emulator:RateLimitPermits); retry after Retry-After seconds."])
                    .ExecuteAsync(rejected.HttpContext);
            };
        });
        return services;
    }
}
