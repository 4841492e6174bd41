using Microsoft.AspNetCore.Http.HttpResults;
using System.Text.Json;
using System.Text.Json.Serialization;
using Emulator.Common;
using Emulator.Data;
using Emulator.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Emulator.WhatsApp;

/// <summary>
/// The platform's WhatsApp endpoints: the WhatsApp Cloud API sends under <c>/whatsapp-automation/wa</c>, authenticated
/// by the WhatsApp bot's <c>apiKey</c> (query or header), and the n8n node's plugin calls (bots, templates, a template's
/// dynamic fields, send-template-message), authenticated by the API token. Errors are in the platform's envelope.
/// </summary>
public static class WhatsAppEndpoints
{
    /// <summary>Maps the endpoints on the <c>/whatsapp-automation</c> group.</summary>
    public static RouteGroupBuilder MapWhatsAppApi(this RouteGroupBuilder whatsapp)
    {
        var wa = whatsapp.MapGroup("/wa").RequireWhatsAppKey();
        wa.MapPost("/send-message", SendMessage)
            .WithName("SendWhatsAppMessage")
            .WithSummary("Send a WhatsApp text or media message (emulated: recorded in the outbox, nothing is sent)")
            .WithDescription("apiKey: the WhatsApp bot's key, in the query or the apiKey header. The recipient's WhatsApp contact is created " +
                "or updated (whatsAppNumber, userProvidedName, lastMessage by the bot) and shows in the Inbox listings.");
        wa.MapPost("/send-template", SendTemplate)
            .WithName("SendWhatsAppTemplate")
            .WithSummary("Send an approved WhatsApp template with its variables (emulated)")
            .WithDescription("The template must exist for the key's bot and be APPROVED; params fill its body variables {{1}}, {{2}}, … in order.");

        var plugin = whatsapp.MapGroup("").RequireApiToken();
        plugin.MapGet("/", (Tenant tenant, TenantDirectory tenants) => ApiResults.Ok(Bots(tenant, tenants)))
            .WithName("ListWhatsAppBots")
            .WithSummary("The account's WhatsApp bots (the n8n node's bot list)")
            .WithDescription("data[]: {_id, name}. Token: Authorization: Bearer.")
            .WithMetadata(new TokenHeader(null));
        plugin.MapGet("/plugin/templates/{botId}", async (string botId, Tenant tenant, EmulatorDbContext db, CancellationToken cancellationToken) =>
            {
                var customerId = tenant.CustomerId;
                var templates = await db.WhatsAppTemplates.AsNoTracking().Where(t => t.CustomerId == customerId && t.BotId == botId && t.Status == "APPROVED")
                    .OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);
                return ApiResults.Ok<IReadOnlyList<WhatsAppTemplateWire>>(templates.Select(WhatsAppTemplateWire.From).ToList());
            })
            .WithName("ListWhatsAppTemplates")
            .WithSummary("A WhatsApp bot's approved templates (the n8n node's template list)")
            .WithDescription("data[]: {_id, botId, configuration: {name, language, category, header, body, footer}, status}.")
            .WithMetadata(new TokenHeader(null));
        plugin.MapGet("/plugin/make-template-dynamic-fields/{templateId}", async Task<Results<Ok<DataEnvelope<IReadOnlyList<DynamicFieldWire>>>, NotFoundEnvelope>> (string templateId, Tenant tenant, EmulatorDbContext db,
                CancellationToken cancellationToken) =>
            {
                var template = await FindTemplateAsync(db, tenant.CustomerId, templateId, null, cancellationToken);
                return template is null
                    ? NoTemplate(templateId)
                    : ApiResults.Ok<IReadOnlyList<DynamicFieldWire>>(Enumerable.Range(1, WhatsAppSender.VariableCount(template))
                        .Select(n => new DynamicFieldWire($"body_{n}", $"Body variable {{{{{n}}}}}")).ToList());
            })
            .WithName("ListTemplateDynamicFields")
            .WithSummary("A template's variables as the n8n node maps them: {key: \"body_1\", value: \"Body variable {{1}}\"}")
            .WithDescription("One field per body variable; send-template-message takes templateParams by these keys.")
            .WithMetadata(new TokenHeader(null));
        plugin.MapPost("/plugin/send-template-message", SendPluginTemplate)
            .WithName("SendTemplateMessage")
            .WithSummary("Send an approved template from a WhatsApp bot of the account (the n8n node's send)")
            .WithDescription("Body: {botId, templateId, whatsAppNumber, templateParams: {body_1: \"…\"}}. Token: Authorization: Bearer.")
            .WithMetadata(new TokenHeader(null));
        return whatsapp;
    }

    private static async Task<Ok<DataEnvelope<WhatsAppSendResult>>> SendMessage(WhatsAppBot bot, JsonBody<SendMessageRequest> body, WhatsAppSender sender, CancellationToken cancellationToken)
    {
        var (tenant, botId) = bot;
        var request = body.Required;
        var text = request.Type == "text" ? request.Message!.Text : request.Message!.Label;
        var id = await sender.SendAsync(new WhatsAppSender.Send(tenant.Tenant.CustomerId, botId, request.WaId!, request.UserName, request.Type!, text,
            request.Type == "text" ? null : request.Message.Source, null, null, request.Tags), cancellationToken);
        return ApiResults.Ok(WhatsAppSendResult.For(request.WaId!, id));
    }

    private static async Task<Results<Ok<DataEnvelope<WhatsAppSendResult>>, BadRequestEnvelope, NotFoundEnvelope>> SendTemplate(WhatsAppBot bot, JsonBody<SendTemplateRequest> body, EmulatorDbContext db, WhatsAppSender sender,
        CancellationToken cancellationToken)
    {
        var (tenant, botId) = bot;
        var request = body.Required;
        var template = await FindTemplateAsync(db, tenant.Tenant.CustomerId, request.TemplateId!, botId, cancellationToken);
        if (template is null)
        {
            return NoTemplate(request.TemplateId!);
        }

        var values = (request.Params ?? []).Where(p => p.Type == "body").SelectMany(p => p.Parameters ?? [])
            .Select(v => v.ValueKind == JsonValueKind.Object && v.TryGetProperty("text", out var t) ? t.ToString() : v.ToString()).ToList();
        return await SendTemplateAsync(sender, tenant.Tenant.CustomerId, botId, request.WaId!, request.UserName, template, values,
            JsonSerializer.SerializeToElement(request.Params ?? [], WireJson.Options), request.Tags, cancellationToken);
    }

    private static async Task<Results<Ok<DataEnvelope<WhatsAppSendResult>>, BadRequestEnvelope, NotFoundEnvelope>> SendPluginTemplate(Tenant tenant, JsonBody<PluginTemplateRequest> body, EmulatorDbContext db,
        TenantDirectory tenants, WhatsAppSender sender, CancellationToken cancellationToken)
    {
        var request = body.Required;
        var customerId = tenant.CustomerId;
        if (!Bots(tenant, tenants).Any(b => b.Id == request.BotId))
        {
            return ApiResults.NotFound($"The account has no WhatsApp bot '{request.BotId}'.");
        }

        var template = await FindTemplateAsync(db, customerId, request.TemplateId!, request.BotId, cancellationToken);
        if (template is null)
        {
            return NoTemplate(request.TemplateId!);
        }

        var given = request.TemplateParams ?? [];
        var values = Enumerable.Range(1, WhatsAppSender.VariableCount(template)).Select(n => given.GetValueOrDefault($"body_{n}") ?? "").ToList();
        return await SendTemplateAsync(sender, customerId, request.BotId!, request.WhatsAppNumber!, null, template, values,
            JsonSerializer.SerializeToElement(given, WireJson.Options), null, cancellationToken);
    }

    private static async Task<Results<Ok<DataEnvelope<WhatsAppSendResult>>, BadRequestEnvelope, NotFoundEnvelope>> SendTemplateAsync(WhatsAppSender sender, string customerId, string botId, string waId, string? userName,
        WhatsAppTemplate template, List<string> values, JsonElement sentParams, IReadOnlyList<string>? tags, CancellationToken cancellationToken)
    {
        if (template.Status != "APPROVED")
        {
            return ApiResults.Invalid($"Template '{template.Name}' is {template.Status}: only approved templates can be sent.");
        }

        var needed = WhatsAppSender.VariableCount(template);
        if (values.Count < needed)
        {
            return ApiResults.Invalid($"params: template '{template.Name}' has {needed} body variables; {values.Count} were given.");
        }

        var id = await sender.SendAsync(new WhatsAppSender.Send(customerId, botId, waId, userName, "template", WhatsAppSender.Render(template, values),
            null, template, sentParams, tags), cancellationToken);
        return ApiResults.Ok(WhatsAppSendResult.For(waId, id));
    }

    private static Task<WhatsAppTemplate?> FindTemplateAsync(EmulatorDbContext db, string customerId, string templateId, string? botId,
        CancellationToken cancellationToken) =>
        db.WhatsAppTemplates.AsNoTracking()
            .FirstOrDefaultAsync(t => t.Id == templateId && t.CustomerId == customerId && (botId == null || t.BotId == botId), cancellationToken);

    private static IReadOnlyList<WhatsAppBotWire> Bots(Tenant tenant, TenantDirectory tenants) =>
        tenants.OfCustomer(tenant.CustomerId)
            .Select(e => e.Bots.GetValueOrDefault(Channels.WhatsApp)).OfType<string>().Distinct()
            .Select(id => new WhatsAppBotWire(id, "WhatsApp bot", "whatsapp")).ToList();

    private static NotFoundEnvelope NoTemplate(string templateId) =>
        ApiResults.NotFound($"No template '{templateId}' for this WhatsApp bot.");
}

/// <summary>The data of a send's answer, shaped like the WhatsApp Cloud API's own answer.</summary>
/// <param name="MessagingProduct">Always <c>whatsapp</c>.</param>
/// <param name="Contacts">The recipient: <c>[{input, wa_id}]</c>.</param>
/// <param name="Messages">The message: <c>[{id}]</c>, the id the outbox lists.</param>
public sealed record WhatsAppSendResult(
    [property: JsonPropertyName("messaging_product")] string MessagingProduct,
    IReadOnlyList<WhatsAppContactWire> Contacts,
    IReadOnlyList<WhatsAppMessageWire> Messages)
{
    /// <summary>The answer for a message <paramref name="id"/> sent to <paramref name="waId"/>.</summary>
    public static WhatsAppSendResult For(string waId, string id) => new("whatsapp", [new(waId, waId)], [new(id)]);
}

/// <summary>A recipient in a send's answer.</summary>
/// <param name="Input">The number as sent.</param>
/// <param name="WaId">The WhatsApp id.</param>
public sealed record WhatsAppContactWire(string Input, [property: JsonPropertyName("wa_id")] string WaId);

/// <summary>A message in a send's answer.</summary>
/// <param name="Id">Its id (<c>wamid.…</c>).</param>
public sealed record WhatsAppMessageWire(string Id);

/// <summary>A WhatsApp bot as <c>GET /whatsapp-automation</c> lists it.</summary>
/// <param name="Id">The bot's <c>_id</c>.</param>
/// <param name="Name">Its name.</param>
/// <param name="Platform">Always <c>whatsapp</c>.</param>
public sealed record WhatsAppBotWire([property: JsonPropertyName("_id")] string Id, string Name, string Platform);

/// <summary>A template variable as the n8n node maps it.</summary>
/// <param name="Key">The field key: <c>body_1</c>, <c>body_2</c>, ….</param>
/// <param name="Value">A label for it.</param>
public sealed record DynamicFieldWire(string Key, string Value);
