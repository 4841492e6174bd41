using Microsoft.AspNetCore.Http.HttpResults;
using Emulator.Common;
using Emulator.Data;
using Emulator.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Emulator.Contacts;

/// <summary>Maps <c>POST /inbox/users</c>.</summary>
public static class ContactEndpoints
{
    /// <summary>Adds the contact search to the <c>/inbox</c> group.</summary>
    public static RouteGroupBuilder MapContactApi(this RouteGroupBuilder inbox)
    {
        inbox.MapPost("/users", SearchContacts)
            .WithName("SearchContacts")
            .WithSummary("Search the customer's contacts")
            .WithDescription(
                "One page of the token's customer's contacts matching every filter, newest createdAt first. Unwanted " +
                "filters are sent empty (\"\", [], false) or left out; a boolean filter applies when it is true or named " +
                "in applicableFilters. createdAt/lastSeenAt: startAt exclusive, endsAt inclusive. A page past the end is " +
                "200 with \"data\": []. Token: Authorization: Bearer.")
            .WithTags("Contacts")
            .WithMetadata(new TokenHeader(null));
        return inbox;
    }

    // Validated body → one indexed query for the page (after capped index probes for searchText and labels), scoped to the token's
    // customer, on a context that keeps its statements prepared (ReadContexts).
    private static async Task<Ok<DataEnvelope<IReadOnlyList<ContactWire>>>> SearchContacts(
        JsonBody<ContactSearchRequest> body, Tenant tenant, ReadContexts reads,
        IOptions<EmulatorOptions> options, CancellationToken cancellationToken)
    {
        var request = body.Required;
        var size = options.Value.PageSize;
        var page = await reads.ReadAsync(db => ContactQuery.PageAsync(db, tenant.CustomerId, request, size, cancellationToken), cancellationToken);
        return ApiResults.Ok<IReadOnlyList<ContactWire>>(page.Select(c => ContactMapping.ToWire(c, tenant)).ToList());
    }
}
