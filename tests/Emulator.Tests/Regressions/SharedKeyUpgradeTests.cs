using Emulator.Data;
using Emulator.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Emulator.Tests.Regressions;

/// <summary>A file written before WhatsApp keys were unique is upgraded, not refused.</summary>
public sealed class SharedKeyUpgradeTests
{
    [Fact]
    public async Task Runtime_tenants_that_shared_a_WhatsApp_apiKey_start_with_unique_keys_the_first_keeping_it()
    {
        var path = EmulatorFactory.NewDatabasePath();
        var options = new DbContextOptionsBuilder<EmulatorDbContext>()
            .UseSqlite($"Data Source={path}").Options;
        await using (var old = new EmulatorDbContext(options))
        {
            await old.GetService<IMigrator>().MigrateAsync("Webhooks");
            foreach (var customer in new[] { "bbbbbbbbbbbbbbbbbbbbbbbb", "cccccccccccccccccccccccc" })
            {
                await old.Database.ExecuteSqlRawAsync(
                    "INSERT INTO Tenants (CustomerId, Token, AgencyId, WebsiteBotId, WhatsAppBotId, TelegramBotId, FacebookBotId, CreatedAt, WhatsAppApiKey) " +
                    "VALUES ({0}, {1}, 'agency', 'w', 'wa', 't', 'f', 1700000000000, 'shared-whatsapp-api-key-0001')", customer, $"token-of-{customer}");
            }
        }

        SqliteConnection.ClearAllPools();
        await using (var upgraded = new EmulatorFactory(databasePath: path))
        {
            var keys = (await upgraded.Control().GetAsync("/_emulator/tenants")).ExpectOk().Array
                .Where(t => t!["source"]!.GetValue<string>() == "runtime")
                .ToDictionary(t => t!["customerId"]!.GetValue<string>(), t => t!["whatsAppApiKey"]!.GetValue<string>());
            Assert.Equal("shared-whatsapp-api-key-0001", keys["bbbbbbbbbbbbbbbbbbbbbbbb"]);
            Assert.Equal("shared-whatsapp-api-key-0001-cccccccccccccccccccccccc", keys["cccccccccccccccccccccccc"]);
        }

        EmulatorFactory.DeleteDatabase(path);
    }
}
