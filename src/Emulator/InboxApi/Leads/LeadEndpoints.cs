using Microsoft.AspNetCore.Http.HttpResults;
using Emulator.Common;
using Emulator.Tenants;

namespace Emulator.Leads;

/// <summary>Maps <c>PUT /inbox/direct/lead</c>.</summary>
public static class LeadEndpoints
{
    /// <summary>Adds the lead upsert to the <c>/inbox</c> group.</summary>
    public static RouteGroupBuilder MapLeadApi(this RouteGroupBuilder inbox)
    {
        inbox.MapPut("/direct/lead", PutLead)
            .WithName("PutLead")
            .WithSummary("Create or update a chat/lead")
            .WithDescription(
                "Upsert keyed by (customerId, botId, uuid): the first PUT creates the chat, later PUTs change only the " +
                "fields they carry. notes are appended, tags replace the stored list, attributes are upserted by key. " +
                "A chat becomes a lead once it holds a name, email or phone. Token: x-bp-token header or Authorization: Bearer.")
            .WithTags("Leads and chats")
            .WithMetadata(new TokenHeader(TokenHeader.Lead));
        return inbox;
    }

    // Validated body of the token's own customer (InboxPipeline) → upsert → {"success": true, "message": "ok", "code": 200}.
    private static async Task<Results<Ok<OkEnvelope>, BadRequestEnvelope>> PutLead(JsonBody<LeadRequest> body, LeadStore store, CancellationToken cancellationToken)
    {
        var lead = body.Required;
        var problems = await store.UpsertAsync(lead, cancellationToken);
        return problems.Count == 0 ? ApiResults.Ok() : ApiResults.Invalid(problems);
    }
}
