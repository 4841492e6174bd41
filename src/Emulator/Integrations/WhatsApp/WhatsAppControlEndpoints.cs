using Emulator.Common;
using Emulator.Data;
using Emulator.Simulation;
using Emulator.Tenants;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Emulator.WhatsApp;

/// <summary><c>/_emulator/whatsapp</c>: define WhatsApp templates and read or wait on the outbox of sends.</summary>
public static class WhatsAppControlEndpoints
{
    /// <summary>Maps the endpoints on the control surface group.</summary>
    public static RouteGroupBuilder MapWhatsAppControlApi(this RouteGroupBuilder emulator)
    {
        var whatsapp = emulator.MapGroup("/whatsapp").WithTags("WhatsApp");
        whatsapp.MapPost("/templates", async Task<IResult> (TemplateCreate body, TenantDirectory tenants, SingleWriter writer, TimeProvider clock,
                CancellationToken cancellationToken) =>
            {
                var botId = body.BotId ?? tenants.WhatsAppBotOf(body.CustomerId!);
                if (tenants.OfCustomer(body.CustomerId!).Count == 0 || botId is null)
                {
                    return SimulationEndpoints.NoTenant(body.CustomerId!);
                }

                var template = await writer.WriteAsync(async (db, ct) =>
                {
                    var stored = body.ToTemplate(botId, Timestamps.Now(clock), db.Ids);
                    await db.WhatsAppTemplates.Where(t => t.Id == stored.Id).ExecuteDeleteAsync(ct);
                    db.WhatsAppTemplates.Add(stored);
                    await db.SaveChangesAsync(ct);
                    return stored;
                }, cancellationToken);
                return TypedResults.Created($"/_emulator/whatsapp/templates/{template.Id}", WhatsAppTemplateWire.From(template));
            })
            .WithName("CreateWhatsAppTemplate")
            .WithSummary("Define a WhatsApp template of a tenant's WhatsApp bot")
            .WithDescription("Approved by default (status PENDING or REJECTED to test refusals). The body's {{1}}, {{2}}, … are filled by a send's params. " +
                "An _id of an existing template replaces it.")
            .Produces<WhatsAppTemplateWire>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        whatsapp.MapGet("/templates", async (string customerId, EmulatorDbContext db, CancellationToken cancellationToken) =>
                TypedResults.Ok(await TemplatesAsync(db, customerId, cancellationToken)))
            .WithName("ListWhatsAppTemplatesOfTenant")
            .WithSummary("A tenant's WhatsApp templates, every status")
            .WithDescription("The plugin listing of the emulated API shows approved ones only.");
        whatsapp.MapGet("/outbox", (WhatsAppOutbox outbox, [AsParameters] OutboxQuery query) => TypedResults.Ok(outbox.Find(query)))
            .WithName("ListWhatsAppOutbox")
            .WithSummary("Messages sent through the WhatsApp endpoints, oldest first (nothing really leaves the emulator)")
            .WithDescription("Filters: customerId, botId, waId, afterSeq. Kept in memory, as many as the request journal keeps.");
        whatsapp.MapGet("/outbox/wait", (WhatsAppOutbox outbox, [AsParameters] OutboxQuery query, int? count, int? timeoutMs,
                CancellationToken cancellationToken) =>
                Control.WaitAnswers.WaitAsync(count, timeoutMs, "messages were sent",
                    (wanted, timeout) => outbox.WaitAsync(query, wanted, timeout, cancellationToken)))
            .WithName("WaitForWhatsAppOutbox")
            .WithSummary("Answer as soon as `count` matching messages were sent, or 408 after `timeoutMs`")
            .WithDescription($"count defaults to 1, timeoutMs to 5000 (at most {Journal.JournalEndpoints.MaxWaitMs}).")
            .Produces<IReadOnlyList<OutboxEntry>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status408RequestTimeout);
        whatsapp.MapDelete("/outbox", (WhatsAppOutbox outbox, string? customerId) => TypedResults.Ok(new Journal.JournalCleared(outbox.Clear(customerId))))
            .WithName("ClearWhatsAppOutbox")
            .WithSummary("Forget sent messages, all or one tenant's")
            .WithDescription("Answers how many were removed.");
        return emulator;
    }

    /// <summary>A tenant's templates, every status, oldest first: what <c>GET /_emulator/whatsapp/templates</c> answers and the inspector shows.</summary>
    public static async Task<List<WhatsAppTemplateWire>> TemplatesAsync(EmulatorDbContext db, string customerId, CancellationToken cancellationToken) =>
        (await db.WhatsAppTemplates.AsNoTracking().Where(t => t.CustomerId == customerId).OrderBy(t => t.CreatedAt)
            .ToListAsync(cancellationToken)).Select(WhatsAppTemplateWire.From).ToList();
}

/// <summary>A template as the plugin listing and the control surface show it.</summary>
/// <param name="Id">The template's <c>_id</c>.</param>
/// <param name="BotId">Its WhatsApp bot.</param>
/// <param name="Configuration">Its name, language, category and texts.</param>
/// <param name="Status"><c>APPROVED</c>, <c>PENDING</c> or <c>REJECTED</c>.</param>
public sealed record WhatsAppTemplateWire(
    [property: System.Text.Json.Serialization.JsonPropertyName("_id")] string Id, string BotId, TemplateConfigurationWire Configuration, string Status)
{
    /// <summary>Maps a stored template.</summary>
    public static WhatsAppTemplateWire From(WhatsAppTemplate t) =>
        new(t.Id, t.BotId, new TemplateConfigurationWire(t.Name, t.Language, t.Category, t.Header, t.Body, t.Footer), t.Status);
}

/// <summary><c>configuration</c> of a template.</summary>
/// <param name="Name">The template's name (what the n8n node lists).</param>
/// <param name="Language">Language code.</param>
/// <param name="Category">Category.</param>
/// <param name="Header">Header text, if any.</param>
/// <param name="Body">Body text with its variables.</param>
/// <param name="Footer">Footer text, if any.</param>
public sealed record TemplateConfigurationWire(string Name, string Language, string Category, string? Header, string Body, string? Footer);

/// <summary>Body of <c>POST /_emulator/whatsapp/templates</c>.</summary>
/// <param name="CustomerId">The tenant (required).</param>
/// <param name="BotId">Its WhatsApp bot; the tenant's one when left out.</param>
/// <param name="Name">The template's name (required).</param>
/// <param name="Body">The body text with <c>{{1}}</c>, <c>{{2}}</c>, … (required, at most 1024 characters).</param>
/// <param name="Status"><c>APPROVED</c> (default), <c>PENDING</c> or <c>REJECTED</c>.</param>
/// <param name="Language">Language code; <c>en</c> by default.</param>
/// <param name="Category"><c>MARKETING</c> (default), <c>UTILITY</c> or <c>AUTHENTICATION</c>.</param>
/// <param name="Header">Header text.</param>
/// <param name="Footer">Footer text.</param>
/// <param name="Id">The template's <c>_id</c> (24 lowercase hex characters); generated when left out.</param>
/// <param name="CreatedAt">When it was defined (ISO 8601 UTC); now when left out. Seed documents carry it.</param>
public sealed record TemplateCreate(string? CustomerId, string? BotId, string? Name, string? Body, string? Status, string? Language, string? Category,
    string? Header, string? Footer, [property: System.Text.Json.Serialization.JsonPropertyName("_id")] string? Id, string? CreatedAt = null)
{
    /// <summary>The template to store (already validated), of <paramref name="botId"/>, with the defaults of what is left out.</summary>
    public WhatsAppTemplate ToTemplate(string botId, DateTime now, ObjectIds ids)
    {
        var createdAt = Timestamps.TryParse(CreatedAt, out var at) ? at : now;
        return new WhatsAppTemplate
        {
            Id = Id ?? ids.New(createdAt),
            CustomerId = CustomerId!,
            BotId = botId,
            Name = Name!,
            Body = Body!,
            Header = Header,
            Footer = Footer,
            Language = Language ?? "en",
            Category = Category ?? "MARKETING",
            Status = Status ?? "APPROVED",
            CreatedAt = createdAt,
        };
    }

    /// <summary>The seed form of a stored template: every stored field.</summary>
    public static TemplateCreate From(WhatsAppTemplate t) =>
        new(t.CustomerId, t.BotId, t.Name, t.Body, t.Status, t.Language, t.Category, t.Header, t.Footer, t.Id, Timestamps.Format(t.CreatedAt));
}

/// <summary>Checks <see cref="TemplateCreate"/>.</summary>
public sealed class TemplateCreateValidator : WireValidator<TemplateCreate>
{
    /// <summary>Creates the rules.</summary>
    public TemplateCreateValidator()
    {
        RuleFor(t => t.CustomerId).NotEmpty().WithMessage("customerId is required.");
        RuleFor(t => t.Name).NotEmpty().WithMessage("name is required.").Text();
        RuleFor(t => t.Body).NotEmpty().WithMessage("body is required.").MaximumLength(1024).WithMessage("body must be at most 1024 characters.");
        RuleFor(t => t.Status).Must(s => s is null or "APPROVED" or "PENDING" or "REJECTED").WithMessage("status must be APPROVED, PENDING or REJECTED.");
        RuleFor(t => t.Category).Must(c => c is null or "MARKETING" or "UTILITY" or "AUTHENTICATION")
            .WithMessage("category must be MARKETING, UTILITY or AUTHENTICATION.");
        RuleFor(t => t.Id).Must(id => id is null || State.SeedDocumentValidator.IsObjectId(id)).WithMessage("_id must be 24 lowercase hex characters.");
        RuleFor(t => t.Header).Text(60);
        RuleFor(t => t.Footer).Text(60);
        RuleFor(t => t.BotId).MaximumLength(64).WithMessage("botId must be at most 64 characters.");
        RuleFor(t => t.CreatedAt).Must(State.SeedDocumentValidator.IsTimestamp).WithMessage("createdAt must be an ISO 8601 UTC time such as 2024-01-31T09:30:00.000Z.");
    }
}
