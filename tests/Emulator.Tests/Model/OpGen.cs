using CsCheck;

namespace Emulator.Tests.Model;

/// <summary>
/// Random operations over small pools of values, so that sequences keep meeting the same visitors, emails, phones, tags
/// and segments: an import matches a lead, a status change meets a tagged contact, a filter meets a deleted one. Each
/// write also comes with invalid inputs now and then (which must change nothing).
/// </summary>
public static class OpGen
{
    private static readonly Gen<int> Tenant = Gen.Frequency((4, Gen.Const(0)), (1, Gen.Const(1)));
    private static readonly Gen<int> Target = Gen.Frequency((1, Gen.Const(-1)), (14, Gen.Int[0, 7]));
    private static readonly Gen<int> Uuid = Gen.Int[0, 4];
    private static readonly Gen<string?> Name = Gen.OneOf("Ann", "Bob", "").Null(0.5);
    private static readonly Gen<string?> Email = Gen.OneOf("ann@example.com", "ANN@example.com", "bob@example.com", "").Null(0.5);
    private static readonly Gen<string?> Phone = Gen.OneOf("9876543210", "+91 98765-43210", "555-0100", "").Null(0.6);
    private static readonly Gen<string?> DialCode = Gen.OneOf("91", "+91", "1", "").Null(0.6);
    private static readonly Gen<string> Status = Gen.OneOf("OPEN", "INPROGRESS", "REVIEW", "ONHOLD", "DEPENDANCY", "CLOSED");
    private static readonly Gen<string> SettableStatus = Gen.Frequency((6, Status), (3, Gen.Const("DELETED")));
    private static readonly Gen<string?> Agent = Gen.OneOf("agent-1", "agent-2").Null(0.7);
    private static readonly Gen<string?> Tags = Gen.OneOf("vip", "crm", "vip,crm", "new,vip,vip", "").Null(0.5);
    private static readonly Gen<string?> Attribute = Gen.OneOf("plan", "tier").Null(0.6);
    private static readonly Gen<string> Text = Gen.OneOf("hi", "Order #12 shipped", "thanks");
    private static readonly Gen<string> Search = Gen.OneOf("ann@example.com", "Bob@Example.com", "919876543210", "91 98765 43210", "visitor-1",
        "visitor-2", "14155550123");

    private static readonly Gen<Op> PutLead =
        from tenant in Tenant
        from bot in Gen.Int[0, 1]
        from uuid in Uuid
        from name in Name
        from email in Email
        from phone in Phone
        from dial in DialCode
        from status in Status.Null(0.8)
        from agent in Agent
        from tags in Tags
        from attribute in Attribute
        from note in Gen.OneOf("called", "emailed").Null(0.7)
        from defect in Gen.Frequency((14, Gen.Const(LeadDefect.None)), (1, Gen.Const(LeadDefect.BadEmail)),
            (1, Gen.Const(LeadDefect.TooManyTags)), (1, Gen.Const(LeadDefect.OtherCustomer)))
        from docHeader in Gen.Bool
        select (Op)new PutLead(tenant, bot, uuid, name, email, phone, dial, status, agent, tags, attribute, note, defect, docHeader);

    private static readonly Gen<Op> PutLeadBulk =
        from tenant in Tenant
        from uuid in Gen.Int[0, 1]
        from notes in Gen.OneOf(0, 400, 700)
        from attributes in Gen.OneOf(0, 400, 700)
        from offset in Gen.OneOf(0, 500)
        select (Op)new PutLeadBulk(tenant, uuid, notes, attributes, offset);

    private static readonly Gen<ImportItem> Item =
        from name in Name
        from email in Email
        from phone in Phone
        from prefix in Gen.OneOf("91", "+91", "1")
        from tags in Tags
        from attribute in Attribute
        select new ImportItem(name, email, phone, phone is null ? null : prefix, tags, attribute);

    private static readonly Gen<Op> Import =
        from tenant in Tenant
        from bot in Gen.Int[0, 2].Nullable(0.4)
        from header in Gen.Bool
        from items in Item.Array[1, 3]
        select (Op)new Import(tenant, bot, header, items);

    private static readonly Gen<Op> SetStatus =
        from tenant in Tenant
        from targets in Target.Array[1, 3]
        from status in Gen.Frequency((12, SettableStatus), (1, Gen.Const("NOPE")))
        from other in Gen.Frequency((12, Gen.Const(false)), (1, Gen.Const(true)))
        select (Op)new SetStatus(tenant, targets, status, other);

    private static readonly Gen<Op> UpdateContact =
        from tenant in Tenant
        from target in Target
        from name in Name
        from email in Email
        from tags in Tags
        from attribute in Attribute
        from top in Attribute
        from status in SettableStatus.Null(0.8)
        select (Op)new UpdateContact(tenant, target, name, email, tags, attribute, top, status);

    private static readonly Gen<Op> PutBack =
        from tenant in Tenant
        from target in Target
        from name in Name
        from tags in Tags
        select (Op)new PutBackContact(tenant, target, name, tags);

    private static readonly Gen<Op> Visitor =
        from tenant in Tenant
        from bot in Gen.Int[0, 2]
        from channel in Gen.OneOf("WEBSITE", "WHATSAPP", "TELEGRAM", "FACEBOOK")
        from uuid in Uuid
        from name in Name
        from email in Email
        from phone in Phone
        select (Op)new OpenVisitor(tenant, bot, channel, uuid, name, email, phone);

    private static readonly Gen<Op> Message =
        from tenant in Tenant
        from target in Target
        from sender in Gen.OneOf("user", "bot", "agent")
        from text in Text
        select (Op)new AddMessage(tenant, target, sender, text);

    private static readonly Gen<Op> Order = Gen.Select(Tenant, Target, (t, target) => (Op)new PlaceOrder(t, target));

    private static readonly Gen<Op> ChatState =
        from tenant in Tenant
        from target in Target
        from online in Gen.Bool.Nullable(0.5)
        from live in Gen.Bool.Nullable(0.7)
        from agent in Gen.OneOf("agent-1", "agent-2", "").Null(0.6)
        from subscriber in Gen.Bool.Nullable(0.8)
        from status in SettableStatus.Null(0.8)
        from tags in Tags
        from unread in Gen.Int[0, 3].Nullable(0.8)
        select (Op)new SetChatState(tenant, target, online, live, agent, subscriber, status, tags, unread);

    private static readonly Gen<Op> Segment =
        from tenant in Tenant
        from segment in Gen.Int[0, 2].Nullable(0.3)
        from add in Target.Array[0, 3]
        from remove in Target.Array[0, 2]
        select (Op)new ChangeSegment(tenant, segment, add, remove);

    private static readonly Gen<Op> UserAttributes = Gen.Select(Tenant, Search, Gen.OneOf("plan", "source"), (t, s, k) => (Op)new SetUserAttributes(t, s, k));

    private static readonly Gen<Op> PluginMessage = Gen.Select(Tenant, Search, Text, Gen.Bool, (t, s, x, b) => (Op)new SendToPlugin(t, s, x, b));

    private static readonly Gen<Op> WhatsApp =
        from waId in Gen.Int[0, WhatsAppSend.Numbers.Length - 1]
        from name in Name
        from tags in Tags
        from text in Text
        from noMessage in Gen.Frequency((10, Gen.Const(false)), (1, Gen.Const(true)))
        select (Op)new WhatsAppSend(waId, name, tags, text, noMessage);

    private static readonly Gen<Op> WhatsAppTemplate =
        from waId in Gen.Int[0, WhatsAppSend.Numbers.Length - 1]
        from name in Name
        from tags in Tags
        from tooFew in Gen.Frequency((10, Gen.Const(false)), (1, Gen.Const(true)))
        select (Op)new WhatsAppTemplateSend(waId, name, tags, tooFew);

    private static readonly Gen<Op> ListChats =
        from tenant in Tenant
        from bot in Gen.Int[0, 2]
        from leads in Gen.Bool
        from page in Gen.Int[1, 3]
        from repeat in Gen.Frequency((6, Gen.Const(false)), (1, Gen.Const(true)))
        from docHeader in Gen.Bool
        select (Op)new ListChats(tenant, bot, leads, page, repeat, docHeader);

    private static readonly Gen<SearchFilters> Filters =
        from tags in Gen.OneOf("vip", "crm", "new,crm").Null(0.7)
        from status in Gen.OneOf("OPEN", "CLOSED,INPROGRESS", "DEPENDANCY").Null(0.8)
        from segment in Gen.Int[0, 2].Nullable(0.8)
        from website in Gen.Int[0, 1].Nullable(0.8)
        from whatsapp in Gen.Frequency((5, Gen.Const(false)), (1, Gen.Const(true)))
        from isContact in Gen.Bool.Nullable(0.6)
        from interacted in Gen.Bool.Nullable(0.8)
        from online in Gen.Bool.Nullable(0.8)
        from ordered in Gen.Bool.Nullable(0.8)
        from subscriber in Gen.Bool.Nullable(0.85)
        from live in Gen.Bool.Nullable(0.85)
        from applicable in Gen.OneOf("isContact", "isOnline,hasOrdered", "userInteracted", "isLiveChatActive", "isSubscriber").Null(0.7)
        from text in Gen.OneOf("ann", "BOB@", "+9198765", "98765", "visitor-3", " ann ").Null(0.7)
        from after in Gen.OneOf(-1, 0, 2, 1000).Nullable(0.85)
        from until in Gen.OneOf(0, 3, 86_400_000).Nullable(0.85)
        from senders in Gen.OneOf("user", "bot,agent").Null(0.85)
        from agents in Gen.OneOf("agent-1", "agent-1,agent-2").Null(0.85)
        select new SearchFilters(tags, status, segment, website, whatsapp, isContact, interacted, online, ordered, subscriber, live, applicable, text,
            after, until, senders, agents);

    private static readonly Gen<Op> SearchContacts = Gen.Select(Tenant, Filters, Gen.Int[1, 3], (t, f, p) => (Op)new SearchContacts(t, f, p));

    private static readonly Gen<Op> Clock = Gen.OneOf(1, 1000, 86_400_000, -5000).Select(ms => (Op)new AdvanceClock(ms));

    private static readonly Gen<Op> Snapshot = Gen.Select(Gen.OneOf("s1", "s2"), Gen.Bool, (n, r) => (Op)new Snapshot(n, r));

    /// <summary>One operation: writes of every kind, reads of both listings, and now and then a clock move, a restart, a
    /// snapshot save or restore, or a tenant's reset.</summary>
    public static readonly Gen<Op> Operation = Gen.Frequency(
        (16, PutLead), (3, PutLeadBulk), (6, Import), (8, SetStatus), (6, UpdateContact), (4, PutBack), (6, Visitor), (6, Message), (2, Order),
        (4, ChatState), (4, Segment), (2, UserAttributes), (2, PluginMessage), (4, WhatsApp), (2, WhatsAppTemplate), (6, ListChats), (12, SearchContacts),
        (4, Clock), (1, Gen.Const<Op>(new Restart())), (3, Snapshot), (1, Tenant.Select(t => (Op)new ResetTenant(t))),
        (1, Gen.Select(Tenant, Gen.Int[0, 2], (t, s) => (Op)new DeleteSegment(t, s))), (1, Tenant.Select(t => (Op)new ExportResetSeed(t))));

    /// <summary>A sequence of 1 to 40 operations.</summary>
    public static readonly Gen<Op[]> Sequence = Operation.Array[1, 40];
}
