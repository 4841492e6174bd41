using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Emulator.Control;
using Emulator.Faults;
using Emulator.Journal;
using Emulator.Segments;
using Emulator.Simulation;
using Emulator.State;
using Emulator.Tenants;

namespace Emulator.Testing;

/// <summary>JSON settings of the control surface's client: camelCase, nulls left out.</summary>
internal static class ControlJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>
/// A typed client of the emulator's control surface (README, "Testing with the emulator"): tenants, seed/export/reset,
/// snapshots, simulated visitors, messages, orders and segments, the request journal, faults and the clock. Every
/// method throws <see cref="EmulatorControlException"/> with the problem details when the emulator refuses the call.
/// </summary>
public sealed partial class EmulatorControlClient(HttpClient http, string? adminKey = null) : IDisposable
{
    /// <summary>The underlying HttpClient (its base address is the emulator's).</summary>
    public HttpClient Http { get; } = http;

    /// <summary>Creates a runtime tenant; every member of <paramref name="request"/> is optional.</summary>
    public async Task<EmulatorTenant> CreateTenantAsync(TenantCreate? request = null, CancellationToken cancellationToken = default)
    {
        var created = await SendAsync<TenantWire>(HttpMethod.Post, "_emulator/tenants", request ?? new TenantCreate(null, null, null, null), cancellationToken);
        return ToTenant(created);
    }

    /// <summary>Every tenant: development, configured and runtime.</summary>
    public async Task<IReadOnlyList<EmulatorTenant>> ListTenantsAsync(CancellationToken cancellationToken = default) =>
        (await SendAsync<List<TenantWire>>(HttpMethod.Get, "_emulator/tenants", null, cancellationToken)).Select(ToTenant).ToList();

    /// <summary>Removes a runtime tenant and all its data.</summary>
    public Task DeleteTenantAsync(string customerId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"_emulator/tenants/{Uri.EscapeDataString(customerId)}", null, cancellationToken);

    /// <summary>Loads a seed document in one transaction.</summary>
    public Task<SeedResult> SeedAsync(SeedDocument document, CancellationToken cancellationToken = default) =>
        SendAsync<SeedResult>(HttpMethod.Post, "_emulator/seed", document, cancellationToken);

    /// <summary>Everything stored, or one tenant's, as a seed document.</summary>
    public Task<SeedDocument> ExportAsync(string? customerId = null, CancellationToken cancellationToken = default) =>
        SendAsync<SeedDocument>(HttpMethod.Get, "_emulator/export" + Query(("customerId", customerId)), null, cancellationToken);

    /// <summary>Back to a fresh start, or one tenant emptied.</summary>
    public Task<ResetWire> ResetAsync(string? customerId = null, CancellationToken cancellationToken = default) =>
        SendAsync<ResetWire>(HttpMethod.Post, "_emulator/reset" + Query(("customerId", customerId)), null, cancellationToken);

    /// <summary>Every chat stored for a tenant, DELETED ones included, newest first.</summary>
    public Task<List<SeedChat>> ListStoredChatsAsync(string customerId, CancellationToken cancellationToken = default) =>
        SendAsync<List<SeedChat>>(HttpMethod.Get, "_emulator/chats" + Query(("customerId", customerId)), null, cancellationToken);

    /// <summary>Saves the whole state under <paramref name="name"/>.</summary>
    public Task<SnapshotWire> SaveSnapshotAsync(string name, CancellationToken cancellationToken = default) =>
        SendAsync<SnapshotWire>(HttpMethod.Put, $"_emulator/snapshots/{Uri.EscapeDataString(name)}", null, cancellationToken);

    /// <summary>Brings back the state saved under <paramref name="name"/>.</summary>
    public Task<SnapshotWire> RestoreSnapshotAsync(string name, CancellationToken cancellationToken = default) =>
        SendAsync<SnapshotWire>(HttpMethod.Post, $"_emulator/snapshots/{Uri.EscapeDataString(name)}/restore", null, cancellationToken);

    /// <summary>Every saved snapshot.</summary>
    public Task<List<SnapshotWire>> ListSnapshotsAsync(CancellationToken cancellationToken = default) =>
        SendAsync<List<SnapshotWire>>(HttpMethod.Get, "_emulator/snapshots", null, cancellationToken);

    /// <summary>Drops snapshot <paramref name="name"/>.</summary>
    public Task DeleteSnapshotAsync(string name, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"_emulator/snapshots/{Uri.EscapeDataString(name)}", null, cancellationToken);

    /// <summary>A visitor opens a bot; returns the new chat's ids.</summary>
    public Task<VisitorWire> OpenVisitorAsync(VisitorRequest visitor, CancellationToken cancellationToken = default) =>
        SendAsync<VisitorWire>(HttpMethod.Post, "_emulator/visitors", visitor, cancellationToken);

    /// <summary>A message in chat <paramref name="chatId"/> from <c>user</c>, <c>bot</c> or <c>agent</c>.</summary>
    public Task<SeedChat> AddMessageAsync(string chatId, string by, string text, DateTimeOffset? at = null, CancellationToken cancellationToken = default) =>
        SendAsync<SeedChat>(HttpMethod.Post, $"_emulator/chats/{chatId}/messages", new MessageRequest(by, text, Format(at)), cancellationToken);

    /// <summary>The contact of chat <paramref name="chatId"/> places an order.</summary>
    public Task<SeedChat> PlaceOrderAsync(string chatId, DateTimeOffset? at = null, CancellationToken cancellationToken = default) =>
        SendAsync<SeedChat>(HttpMethod.Post, $"_emulator/chats/{chatId}/orders", new OrderRequest(Format(at)), cancellationToken);

    /// <summary>Sets presence, live chat, agent, subscription, status, tags or counters of a chat.</summary>
    public Task<SeedChat> SetChatStateAsync(string chatId, ChatStateRequest state, CancellationToken cancellationToken = default) =>
        SendAsync<SeedChat>(HttpMethod.Patch, $"_emulator/chats/{chatId}", state, cancellationToken);

    /// <summary>Creates a segment of a tenant's contacts.</summary>
    public Task<SeedSegment> CreateSegmentAsync(string customerId, string name, IEnumerable<string>? members = null, CancellationToken cancellationToken = default) =>
        SendAsync<SeedSegment>(HttpMethod.Post, "_emulator/segments", new SegmentCreate(customerId, name, members?.ToList()), cancellationToken);

    /// <summary>Adds chats to a segment and removes others.</summary>
    public Task<SeedSegment> ChangeSegmentMembersAsync(string segmentId, IEnumerable<string>? add = null, IEnumerable<string>? remove = null,
        CancellationToken cancellationToken = default) =>
        SendAsync<SeedSegment>(HttpMethod.Post, $"_emulator/segments/{segmentId}/members", new SegmentMembers(add?.ToList(), remove?.ToList()), cancellationToken);

    /// <summary>A tenant's segments with their members, newest first.</summary>
    public Task<List<SeedSegment>> ListSegmentsAsync(string customerId, CancellationToken cancellationToken = default) =>
        SendAsync<List<SeedSegment>>(HttpMethod.Get, "_emulator/segments" + Query(("customerId", customerId)), null, cancellationToken);

    /// <summary>Deletes a segment; its members leave it.</summary>
    public Task DeleteSegmentAsync(string segmentId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"_emulator/segments/{segmentId}", null, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => Http.Dispose();

    private static EmulatorTenant ToTenant(TenantWire t) => new(t.CustomerId, t.Token, t.BotId ?? "", t.AgencyId, t.Bots, t.WhatsAppApiKey);

    private static string? Format(DateTimeOffset? at) => at is { } a ? Common.Timestamps.Format(a.UtcDateTime) : null;

    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var given = parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return given.Count == 0 ? "" : "?" + string.Join('&', given);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, path, body, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(ControlJson.Options, cancellationToken)
            ?? throw new EmulatorControlException(response.StatusCode, $"{method} /{path} answered no body.");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: ControlJson.Options),
        };
        if (adminKey is not null)
        {
            request.Headers.Add(AdminKey.Header, adminKey);
        }

        var response = await Http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadAsStringAsync(cancellationToken);
            response.Dispose();
            throw new EmulatorControlException(response.StatusCode, $"{method} /{path} answered {(int)response.StatusCode}: {problem}");
        }

        return response;
    }
}

/// <summary>The control surface refused a call; <see cref="Exception.Message"/> holds its problem details.</summary>
/// <param name="status">The HTTP status answered.</param>
/// <param name="message">The call and the answer.</param>
public sealed class EmulatorControlException(HttpStatusCode status, string message) : Exception(message)
{
    /// <summary>The HTTP status answered.</summary>
    public HttpStatusCode Status { get; } = status;
}
