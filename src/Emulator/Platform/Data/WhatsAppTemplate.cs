using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Emulator.Data;

/// <summary>
/// A WhatsApp message template of a tenant's WhatsApp bot, defined through <c>/_emulator/whatsapp/templates</c>. On the
/// platform a template must be approved before <c>send-template</c> may use it; its body holds numbered variables
/// (<c>{{1}}</c>, <c>{{2}}</c>) that the send's <c>params</c> fill.
/// </summary>
public sealed class WhatsAppTemplate
{
    /// <summary>The template's <c>_id</c> (24 lowercase hex characters): the <c>templateId</c> of a send.</summary>
    public required string Id { get; set; }

    /// <summary>The owning customer account.</summary>
    public required string CustomerId { get; set; }

    /// <summary>The WhatsApp bot it belongs to.</summary>
    public required string BotId { get; set; }

    /// <summary>The template's name (<c>configuration.name</c>).</summary>
    public required string Name { get; set; }

    /// <summary>Language code, e.g. <c>en</c>.</summary>
    public string Language { get; set; } = "en";

    /// <summary><c>MARKETING</c>, <c>UTILITY</c> or <c>AUTHENTICATION</c>.</summary>
    public string Category { get; set; } = "MARKETING";

    /// <summary><c>APPROVED</c>, <c>PENDING</c> or <c>REJECTED</c>; only approved templates can be sent.</summary>
    public string Status { get; set; } = "APPROVED";

    /// <summary>The header text, or null.</summary>
    public string? Header { get; set; }

    /// <summary>The body text, with numbered variables <c>{{1}}</c>, <c>{{2}}</c>, ….</summary>
    public required string Body { get; set; }

    /// <summary>The footer text, or null.</summary>
    public string? Footer { get; set; }

    /// <summary>When it was defined (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}

/// <summary>Table and index of <see cref="WhatsAppTemplate"/>.</summary>
internal sealed class WhatsAppTemplateConfiguration : IEntityTypeConfiguration<WhatsAppTemplate>
{
    public void Configure(EntityTypeBuilder<WhatsAppTemplate> template)
    {
        template.ToTable("WhatsAppTemplates");
        template.HasKey(t => t.Id);
        template.HasIndex(t => new { t.CustomerId, t.BotId });
    }
}
