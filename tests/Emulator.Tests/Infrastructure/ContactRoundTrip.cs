using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Emulator.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Emulator.Tests.Infrastructure;

/// <summary>
/// The round-trip property over the suite's own data: whatever the platform gives out is accepted back. Every
/// contact a test reads (from <c>POST /inbox/users</c> or a contact update's answer) is recorded with the token
/// that read it; when the test's emulator is disposed, each recorded version is PUT back unchanged to
/// <c>/inbox/users/{_id}</c> and must answer 200 (404 only for a contact deleted since), and PUTting back the
/// answer of the last one must change nothing but <c>updatedAt</c>.
/// </summary>
public sealed partial class ContactRoundTrip
{
    private readonly ConcurrentQueue<(string Token, JsonObject Contact)> _read = new();

    [GeneratedRegex("^/inbox/users/[^/]+$")]
    private static partial Regex OneContact();

    /// <summary>Records the contacts of a successful listing or update answer.</summary>
    public void Observe(string token, HttpMethod method, string path, Reply reply)
    {
        if (reply.Status != HttpStatusCode.OK)
        {
            return;
        }

        if (method == HttpMethod.Post && path == "/inbox/users")
        {
            foreach (var contact in reply.Data)
            {
                _read.Enqueue((token, contact!.AsObject().DeepClone().AsObject()));
            }
        }
        else if (method == HttpMethod.Put && OneContact().IsMatch(path) && path != "/inbox/users/status-update")
        {
            _read.Enqueue((token, reply.Json["data"]!.AsObject().DeepClone().AsObject()));
        }
    }

    /// <summary>True once a contact has been read.</summary>
    public bool HasContacts => !_read.IsEmpty;

    /// <summary>PUTs every recorded contact back and asserts the property; see the class summary.</summary>
    public async Task VerifyAsync(EmulatorFactory emulator)
    {
        var last = new Dictionary<string, (string Token, JsonObject Answer)>();
        foreach (var (token, contact) in _read.ToArray().DistinctBy(r => (r.Token, r.Contact.ToJsonString())))
        {
            var id = contact["_id"]!.GetValue<string>();
            var reply = await PutBackAsync(emulator, token, id, contact);
            if (reply.Status == HttpStatusCode.NotFound && await IsDeletedAsync(emulator, id))
            {
                continue;
            }

            Assert.True(reply.Status == HttpStatusCode.OK,
                $"A contact the emulator gave out was not accepted back unchanged ({(int)reply.Status}): {reply.Text}\nsent: {contact.ToJsonString()}");
            last[id] = (token, reply.Json["data"]!.AsObject());
        }

        foreach (var (id, (token, answer)) in last)
        {
            var again = (await PutBackAsync(emulator, token, id, answer)).ExpectOk().Json["data"]!.AsObject();
            Assert.Equal(WithoutUpdatedAt(answer), WithoutUpdatedAt(again));
        }
    }

    private static Task<Reply> PutBackAsync(EmulatorFactory emulator, string token, string id, JsonObject contact) =>
        new InboxClient(emulator.CreateClient(), token).SendAsync(HttpMethod.Put, $"/inbox/users/{id}",
            new StringContent(contact.ToJsonString(), Encoding.UTF8, "application/json"), null);

    private static string WithoutUpdatedAt(JsonObject contact)
    {
        var copy = contact.DeepClone().AsObject();
        copy.Remove("updatedAt");
        return copy.ToJsonString();
    }

    private static async Task<bool> IsDeletedAsync(EmulatorFactory emulator, string id)
    {
        await using var scope = emulator.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EmulatorDbContext>();
        return (await db.Chats.FindAsync(id))?.Status == ChatStatuses.Deleted;
    }
}
