using Microsoft.AspNetCore.Http.HttpResults;
using Emulator.Common;
using Emulator.Tenants;

namespace Emulator.Contacts;

/// <summary>
/// Maps the sibling contact endpoints real clients call (README, "Contact endpoints"): import,
/// update one contact, change the status of many. Token: <c>Authorization: Bearer</c> (with <c>authtype: Key</c>);
/// the token names the customer.
/// </summary>
public static class ContactWriteEndpoints
{
    /// <summary>Adds the endpoints to the <c>/inbox</c> group.</summary>
    public static RouteGroupBuilder MapContactWriteApi(this RouteGroupBuilder inbox)
    {
        inbox.MapPost("/users/import", Import)
            .WithName("ImportContacts")
            .WithSummary("Import contacts")
            .WithDescription(
                "A JSON array of {profile: {userDetails: {userProvidedName, contact: {email, phone: {number, prefix}}, tags, " +
                "attributes}}}. Each item updates the newest contact with the same email (case-insensitive), else the same " +
                "phone (prefix + number), else creates one. With botId (query or header, as the vendor's n8n node sends " +
                "it) contacts are matched among and created for that bot, on its channel (WhatsApp for a bot with no chats " +
                "yet); without, among all contacts, and created attached to no bot. One invalid item rejects the whole " +
                "batch (400, one message per problem, prefixed with the item's index); nothing is applied then.")
            .WithTags("Contacts")
            .WithMetadata(new TokenHeader(null));

        inbox.MapPut("/users/status-update", UpdateStatus)
            .WithName("UpdateContactStatus")
            .WithSummary("Set the status of contacts")
            .WithDescription(
                "{ids: [...], status}. DELETED removes the contacts from every listing (they stay in the database). " +
                "Unknown ids: 404 listing them, and nothing is changed.")
            .WithTags("Contacts")
            .WithMetadata(new TokenHeader(null));

        inbox.MapPut("/users/{id}", Update)
            .WithName("UpdateContact")
            .WithSummary("Update one contact")
            .WithDescription(
                "The body is a contact object as POST /inbox/users returned it, with fields changed; read-only fields are " +
                "ignored. userDetails tags, attributes and profile.notes replace the stored lists; a top-level attributes " +
                "list is upserted by key. Answers the updated contact. Unknown, deleted or another customer's id: 404.")
            .WithTags("Contacts")
            .WithMetadata(new TokenHeader(null));
        return inbox;
    }

    private static async Task<Results<Ok<OkEnvelope>, BadRequestEnvelope>> Import(
        [AsParameters] ImportTarget target, JsonBody<ImportContactList> body, Tenant tenant, ContactImporter importer,
        CancellationToken cancellationToken)
    {
        var (created, updated, problems) = await importer.ImportAsync(
            tenant.CustomerId, target.BotId, body.Required.OfType<ImportContact>().ToList(), cancellationToken);
        if (problems.Count > 0)
        {
            return ApiResults.Invalid(problems);
        }

        return TypedResults.Ok(new OkEnvelope(true, $"Imported {created + updated} contacts: {created} created, {updated} updated.", 200));
    }

    private static async Task<Results<Ok<OkEnvelope>, NotFoundEnvelope>> UpdateStatus(
        JsonBody<StatusUpdate> body, Tenant tenant, ContactWriter writer, CancellationToken cancellationToken)
    {
        var request = body.Required;
        var unknown = await writer.SetStatusAsync(
            tenant.CustomerId, request.Ids!.OfType<string>().ToList(), request.Status!, cancellationToken);
        return unknown.Count == 0
            ? ApiResults.Ok()
            : NotFound(unknown);
    }

    private static async Task<Results<Ok<DataEnvelope<ContactWire>>, BadRequestEnvelope, NotFoundEnvelope>> Update(
        string id, JsonBody<ContactUpdate> body, Tenant tenant, ContactWriter writer, CancellationToken cancellationToken)
    {
        var (chat, problems) = await writer.UpdateAsync(tenant.CustomerId, id, body.Required, cancellationToken);
        return problems.Count > 0 ? ApiResults.Invalid(problems)
            : chat is null ? NotFound([id])
            : ApiResults.Ok(ContactMapping.ToWire(chat, tenant));
    }

    private static NotFoundEnvelope NotFound(IEnumerable<string> ids) =>
        ApiResults.NotFound(ids.Select(id => $"No contact with _id '{id}' in this account."));
}
