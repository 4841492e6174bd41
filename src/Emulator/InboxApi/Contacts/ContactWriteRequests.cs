using Emulator.Common;
using Emulator.Data;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace Emulator.Contacts;

/// <summary>One item of <c>POST /inbox/users/import</c>: <c>{profile: {userDetails: {userProvidedName, contact, tags, attributes}}}</c>.</summary>
public sealed class ImportContact
{
    /// <summary>The contact's profile; <c>userDetails.contact</c> needs an email or a phone number.</summary>
    public ContactProfileInput? Profile { get; init; }
}

/// <summary>Body of <c>POST /inbox/users/import</c>: a JSON array of contacts, at most 1000.</summary>
public sealed class ImportContactList : List<ImportContact?>;

/// <summary>
/// The bot an import is for: the vendor's n8n node sends <c>botId</c> both as a query parameter and as a header
/// (README, "Contact endpoints"). Empty or absent in both: the contacts belong to no bot.
/// </summary>
public sealed class ImportTarget
{
    /// <summary>The <c>botId</c> query parameter.</summary>
    [FromQuery(Name = "botId")]
    public string? QueryBotId { get; init; }

    /// <summary>The <c>botId</c> header.</summary>
    [FromHeader(Name = "botId")]
    public string? HeaderBotId { get; init; }

    /// <summary>The bot named by the query, else by the header; null when neither names one.</summary>
    public string? BotId => !string.IsNullOrEmpty(QueryBotId) ? QueryBotId : string.IsNullOrEmpty(HeaderBotId) ? null : HeaderBotId;
}

/// <summary>Rules for <see cref="ImportTarget"/>: at most 64 characters, and the query and header name the same bot.</summary>
public sealed class ImportTargetValidator : WireValidator<ImportTarget>
{
    /// <summary>Creates the rule set.</summary>
    public ImportTargetValidator()
    {
        RuleFor(t => t.BotId).MaximumLength(64).WithMessage("botId must be at most 64 characters.");
        RuleFor(t => t.HeaderBotId)
            .Must((t, header) => string.IsNullOrEmpty(header) || string.IsNullOrEmpty(t.QueryBotId) || header == t.QueryBotId)
            .WithMessage(t => $"botId '{t.QueryBotId}' in the query and '{t.HeaderBotId}' in the botId header name different bots.");
    }
}

/// <summary>
/// Body of <c>PUT /inbox/users/{id}</c>: a whole contact object as <c>POST /inbox/users</c> returned it (read-only
/// members are ignored), or any part of it. Top-level <c>telegramUserName</c>, <c>instagramProfileId</c>,
/// <c>facebookProfileId</c> and <c>whatsAppNumber</c> are accepted as well as their <c>profile.userDetails</c> places.
/// </summary>
public sealed class ContactUpdate
{
    /// <summary>One of OPEN, INPROGRESS, REVIEW, ONHOLD, DEPENDANCY, CLOSED, DELETED.</summary>
    public string? Status { get; init; }

    /// <summary><c>profile</c>: <c>userDetails</c> and <c>notes</c>.</summary>
    public ContactProfileInput? Profile { get; init; }

    /// <summary>Attributes upserted by key (the short form <c>{"attributes": [{key, value}]}</c>).</summary>
    [WireHint("a list of {key, value}")]
    public List<AttributeInput?>? Attributes { get; init; }

    /// <summary>Same as <c>profile.userDetails.telegramUserName</c>.</summary>
    public string? TelegramUserName { get; init; }

    /// <summary>Same as <c>profile.userDetails.instagramProfileId</c>.</summary>
    public string? InstagramProfileId { get; init; }

    /// <summary>Same as <c>profile.userDetails.facebookProfileId</c>.</summary>
    public string? FacebookProfileId { get; init; }

    /// <summary>Same as <c>profile.userDetails.whatsAppNumber</c>.</summary>
    public string? WhatsAppNumber { get; init; }
}

/// <summary>Body of <c>PUT /inbox/users/status-update</c>: <c>{ids: [...], status}</c>.</summary>
public sealed class StatusUpdate
{
    /// <summary>Contact <c>_id</c>s, 1 to 1000.</summary>
    [WireHint("a list of contact _ids")]
    public List<string?>? Ids { get; init; }

    /// <summary>One of OPEN, INPROGRESS, REVIEW, ONHOLD, DEPENDANCY, CLOSED, DELETED.</summary>
    public string? Status { get; init; }
}

/// <summary>Rules for <see cref="ImportContactList"/>: 1–1000 items, each with an email or a phone number.</summary>
public sealed class ImportContactListValidator : WireValidator<ImportContactList>
{
    /// <summary>Creates the rule set.</summary>
    public ImportContactListValidator()
    {
        RuleFor(list => list.Count).InclusiveBetween(1, 1000).WithMessage("The import must hold 1 to 1000 contacts.");
        RuleForEach(list => list).NotNull().WithMessage("{PropertyPath} must be a contact object.")
            .Must(HasIdentity).WithMessage("{PropertyPath}.profile.userDetails.contact needs an email or a phone number.")
            .ChildRules(item => item.RuleFor(i => i!.Profile!).SetValidator(new ContactProfileInputValidator()).When(i => i?.Profile is not null))
            .OverridePropertyName("items");
    }

    // A null item is reported by NotNull already.
    private static bool HasIdentity(ImportContact? item) =>
        item is null
        || !string.IsNullOrEmpty(item.Profile?.UserDetails?.Contact?.Email) || !string.IsNullOrEmpty(item.Profile?.UserDetails?.Contact?.Phone?.Number);
}

/// <summary>Rules for <see cref="ContactUpdate"/>.</summary>
public sealed class ContactUpdateValidator : WireValidator<ContactUpdate>
{
    /// <summary>Creates the rule set.</summary>
    public ContactUpdateValidator()
    {
        RuleFor(u => u.Status).Must(BeSettable).When(u => u.Status is not null).WithMessage(u => NotSettable(u.Status));
        RuleFor(u => u.Profile!).SetValidator(new ContactProfileInputValidator()).When(u => u.Profile is not null);
        FieldRules.Attributes(this, u => u.Attributes!, "attributes");
        RuleFor(u => new UserDetailsInput
        {
            TelegramUserName = u.TelegramUserName,
            InstagramProfileId = u.InstagramProfileId,
            FacebookProfileId = u.FacebookProfileId,
            WhatsAppNumber = u.WhatsAppNumber,
        }).SetValidator(new UserDetailsInputValidator()).OverridePropertyName("");
    }

    /// <summary>True for a status the contact endpoints can set (<see cref="ChatStatuses.Settable"/>).</summary>
    public static bool BeSettable(string? status) => ChatStatuses.Settable.Contains(status!);

    /// <summary>The message for a status the contact endpoints cannot set.</summary>
    public static string NotSettable(string? status) =>
        $"status '{status}' is not one of {string.Join(", ", ChatStatuses.Settable)}.";
}

/// <summary>Rules for <see cref="StatusUpdate"/>.</summary>
public sealed class StatusUpdateValidator : WireValidator<StatusUpdate>
{
    /// <summary>Creates the rule set.</summary>
    public StatusUpdateValidator()
    {
        RuleFor(u => u.Ids).NotEmpty().WithMessage("ids must list 1 to 1000 contact _ids.");
        RuleFor(u => u.Ids!.Count).LessThanOrEqualTo(1000).When(u => u.Ids is not null)
            .WithMessage("ids must list 1 to 1000 contact _ids.").OverridePropertyName("ids");
        RuleForEach(u => u.Ids).NotEmpty().WithMessage("{PropertyPath} must be a non-empty string.");
        RuleFor(u => u.Status).NotEmpty().WithMessage("status is required.");
        RuleFor(u => u.Status).Must(ContactUpdateValidator.BeSettable).When(u => !string.IsNullOrEmpty(u.Status))
            .WithMessage(u => ContactUpdateValidator.NotSettable(u.Status));
    }
}
