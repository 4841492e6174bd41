using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Model;

/// <summary>
/// Runs one sequence of operations against an emulator of its own (a file database, so that it can be restarted) and
/// the <see cref="InboxModel"/> side by side. Every call's status must be the one the model predicts; after every step
/// each tenant's stored chats (<c>GET /_emulator/chats</c>, deleted ones included) must hold what the model holds.
/// </summary>
public sealed class ModelDriver : IAsyncDisposable
{
    /// <summary>Small pages, so that a few chats already span several.</summary>
    public const int PageSize = 3;

    public static readonly string[] Tokens = [EmulatorFactory.DevToken, EmulatorFactory.OtherToken];
    public static readonly string[] CustomerIds = [EmulatorFactory.DevCustomerId, EmulatorFactory.OtherCustomerId];

    /// <summary>Two website bots of each tenant; the development tenant's WhatsApp bot is <see cref="WhatsAppBot"/>.</summary>
    public static readonly string[] Bots = [EmulatorFactory.DevBotId, "65a1b2c3d4e5f60718293a4b"];
    public const string WhatsAppBot = Emulator.DevelopmentTenant.WhatsAppBotId;

    private readonly string _path;
    private readonly Dictionary<string, string?> _settings;
    private EmulatorFactory _emulator;
    private HttpClient _http;

    private ModelDriver(string path, Dictionary<string, string?> settings)
    {
        _path = path;
        _settings = settings;
        _emulator = new EmulatorFactory(settings, databasePath: path, captureLogs: true);
        _http = _emulator.CreateClient();
    }

    public InboxModel Model { get; } = new();

    /// <summary>The emulator's ids and uuids of each tenant's chats, in the model's (creation) order; refreshed every step.</summary>
    public List<(string Id, string Uuid)>[] Stored { get; } = [[], []];

    /// <summary>The ids of each tenant's segments, in creation order.</summary>
    public List<string>[] SegmentIds { get; private set; } = [[], []];

    private readonly Dictionary<string, (List<string>[] Segments, string Template)> _snapshots = [];

    public static async Task<ModelDriver> StartAsync(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?> { ["Emulator:PageSize"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        var driver = new ModelDriver(EmulatorFactory.CopyOfTemplate(), settings);
        await driver.PinClockAsync();
        await driver.DefineTemplateAsync();
        return driver;
    }

    /// <summary>The body of the approved WhatsApp template the development tenant has (<see cref="TemplateId"/>).</summary>
    public const string TemplateBody = "Hello {{1}}, your code is {{2}}";

    /// <summary>The <c>_id</c> of the development tenant's approved template.</summary>
    public string TemplateId { get; private set; } = "";

    /// <summary>Defines the development tenant's approved template (<c>POST /_emulator/whatsapp/templates</c>).</summary>
    public async Task DefineTemplateAsync()
    {
        var created = await ControlAsync(HttpMethod.Post, "/_emulator/whatsapp/templates",
            new JsonObject { ["customerId"] = CustomerIds[0], ["name"] = "code", ["body"] = TemplateBody }, 201);
        TemplateId = created!["_id"]!.GetValue<string>();
    }

    /// <summary>Stops the emulator and starts a new one on the same file; the clock is pinned again (it is not stored).</summary>
    public async Task RestartAsync()
    {
        CheckLog("the restart");
        await _emulator.DisposeAsync();
        _emulator = new EmulatorFactory(_settings, databasePath: _path, captureLogs: true);
        _http = _emulator.CreateClient();
        await PinClockAsync();
    }

    public Task PinClockAsync() =>
        ControlAsync(HttpMethod.Put, "/_emulator/clock", new JsonObject { ["now"] = Model.Now.ToString("O") }, 200);

    /// <summary>Remembers the emulator's segment and template ids a snapshot holds.</summary>
    public void SaveIds(string name) => _snapshots[name] = (SegmentIds.Select(s => s.ToList()).ToArray(), TemplateId);

    /// <summary>Takes back the ids of a restored snapshot.</summary>
    public void RestoreIds(string name) => (SegmentIds, TemplateId) = (_snapshots[name].Segments.Select(s => s.ToList()).ToArray(), _snapshots[name].Template);

    /// <summary>The emulator's id of the model's chat <paramref name="target"/> of a tenant (any index, wrapped), or an
    /// unknown id when the tenant has no chat or <paramref name="target"/> is negative.</summary>
    public (string Id, ModelChat? Chat) Resolve(int tenant, int target)
    {
        var chats = Model.Chats[tenant];
        if (target < 0 || chats.Count == 0)
        {
            return ("ffffffffffffffffffffffff", null);
        }

        var at = target % chats.Count;
        return (Stored[tenant][at].Id, chats[at]);
    }

    /// <summary>Sends a call of the emulated surface as <paramref name="tenant"/> (Bearer + authtype, or the token in
    /// <paramref name="tokenHeader"/>) and checks its status; answers the parsed body.</summary>
    public Task<JsonNode?> CallAsync(int tenant, HttpMethod method, string path, JsonNode? body, int expected, string? tokenHeader = null,
        Action<HttpRequestMessage>? arrange = null) =>
        SendAsync(method, path, body, expected, request =>
        {
            if (tokenHeader is null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Tokens[tenant]);
                request.Headers.Add("authtype", "Key");
            }
            else
            {
                request.Headers.Add(tokenHeader, Tokens[tenant]);
            }

            arrange?.Invoke(request);
        });

    /// <summary>Sends a call of the control surface and checks its status.</summary>
    public Task<JsonNode?> ControlAsync(HttpMethod method, string path, JsonNode? body, int expected) =>
        SendAsync(method, path, body, expected, null);

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, int expected, Action<HttpRequestMessage>? arrange)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        arrange?.Invoke(request);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != expected)
        {
            throw new ModelMismatchException(
                $"{method} {path} answered {(int)response.StatusCode}, the model expects {expected}.\n  sent: {Cut(body?.ToJsonString() ?? "")}\n  got: {Cut(text)}");
        }

        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    /// <summary>Reads each tenant's stored chats, checks them against the model and learns their ids and uuids.</summary>
    public async Task CheckStoredAsync(string step)
    {
        for (var tenant = 0; tenant < InboxModel.Tenants; tenant++)
        {
            var stored = (await ControlAsync(HttpMethod.Get, $"/_emulator/chats?customerId={CustomerIds[tenant]}", null, 200))!.AsArray()
                .Reverse().Select(c => c!.AsObject()).ToList();
            var model = Model.Chats[tenant];
            if (stored.Count != model.Count)
            {
                throw new ModelMismatchException($"after {step}: tenant {tenant} stores {stored.Count} chats, the model {model.Count}.");
            }

            Stored[tenant].Clear();
            for (var i = 0; i < model.Count; i++)
            {
                var expected = StoredView.Of(model[i]);
                var actual = StoredView.Project(stored[i], model[i]);
                if (!JsonNode.DeepEquals(expected, actual))
                {
                    throw new ModelMismatchException(
                        $"after {step}: tenant {tenant}'s chat #{i} ({stored[i]["_id"]})\n  model:    {expected.ToJsonString()}\n  emulator: {actual.ToJsonString()}");
                }

                var seen = (stored[i]["_id"]!.GetValue<string>(), stored[i]["uuid"]!.GetValue<string>());
                if (model[i].Seen is { } before && before != seen)
                {
                    throw new ModelMismatchException($"after {step}: tenant {tenant}'s chat #{i} was {before}, it is now {seen}.");
                }

                model[i].Seen = seen;
                Stored[tenant].Add(seen);
            }
        }
    }

    /// <summary>Fails on any error or critical line the emulator has logged (a handled request never logs one).</summary>
    public void CheckLog(string step)
    {
        if (_emulator.Logs!.Lines.FirstOrDefault(l => l.Split(' ')[1] is "Error" or "Critical") is { } line)
        {
            throw new ModelMismatchException($"after {step} the emulator logged: {Cut(line)}");
        }
    }

    private static string Cut(string text) => text.Length > 600 ? text[..600] + "…" : text;

    public async ValueTask DisposeAsync()
    {
        await _emulator.DisposeAsync();
        EmulatorFactory.DeleteDatabase(_path);
    }
}

/// <summary>A call or a stored chat that differs from what the reference model predicts.</summary>
public sealed class ModelMismatchException(string message) : Exception(message);
