using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Emulator.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Emulator.Tests.Core;

/// <summary><c>Emulator:BusyTimeoutMs</c> bounds how long a write waits for another writer.</summary>
public sealed class DatabaseBusyTests
{
    [Fact]
    public async Task A_write_blocked_by_another_writer_past_the_busy_timeout_gets_503_and_writes_nothing()
    {
        await using var emulator = new EmulatorFactory(new Dictionary<string, string?> { ["Emulator:BusyTimeoutMs"] = "1000" });
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("before", new { name = "Before" }))).ExpectOk();

        await using (var holder = new SqliteConnection($"Data Source={emulator.DatabasePath};Pooling=False"))
        {
            await holder.OpenAsync();
            await using var writeLock = await holder.BeginTransactionAsync(); // BEGIN IMMEDIATE: holds the write lock

            // Microsoft.Data.Sqlite's own retries would wait 30 s; the setting makes it give up after about 1 s.
            var reply = await emulator.Inbox().PutLeadAsync(InboxClient.Lead("blocked", new { name = "Blocked" }))
                .WaitAsync(TimeSpan.FromSeconds(20));

            reply.Expect(HttpStatusCode.ServiceUnavailable);
            Assert.Equal(["The database is busy with another write; nothing was written. Retry the request."], reply.Messages);
        }

        Assert.Equal(["before"], (await emulator.Inbox().ListChatsAsync()).ExpectOk().Data.Select(c => c!["uuid"]!.GetValue<string>()));
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("blocked", new { name = "Blocked" }))).ExpectOk();
    }

    [Fact]
    public async Task Every_operation_with_a_body_answers_a_status_its_document_declares_while_the_database_is_busy()
    {
        await using var emulator = new EmulatorFactory(new Dictionary<string, string?> { ["Emulator:BusyTimeoutMs"] = "200" });
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "OpenApi", "inbox.json")))!;
        var client = emulator.NodeClient();
        var answered = new List<string>();

        await using var holder = new SqliteConnection($"Data Source={emulator.DatabasePath};Pooling=False");
        await holder.OpenAsync();
        await using var writeLock = await holder.BeginTransactionAsync();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject().Where(o => o.Value!["requestBody"] is not null))
            {
                // The operation's own example (what Swagger UI shows), sent as the development tenant.
                var example = operation!["requestBody"]!["content"]!["application/json"]!["example"]!.ToJsonString();
                var url = path.Replace("{id}", "ffffffffffffffffffffffff", StringComparison.Ordinal);
                url += url.StartsWith("/whatsapp-automation/wa/", StringComparison.Ordinal) ? $"?apiKey={Emulator.DevelopmentTenant.WhatsAppApiKey}" : "";
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url)
                {
                    Content = new StringContent(example, Encoding.UTF8, "application/json"),
                };
                request.Headers.Add("x-bp-token", EmulatorFactory.DevToken);
                using var response = await client.SendAsync(request).WaitAsync(TimeSpan.FromSeconds(20));
                var body = await response.Content.ReadAsStringAsync();

                // Fails unless the document declares the status (and the body matches its schema).
                OpenApiContract.Check(request.Method, url, (int)response.StatusCode, body);
                answered.Add($"{operation["operationId"]} {(int)response.StatusCode}");
            }
        }

        // The writes did meet the busy database: the lead PUT among them.
        Assert.Contains("PutLead 503", answered);
    }
}
