using System.Net.Http.Headers;
using System.Text;
using Emulator.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Emulator.Tests.Reliability;

/// <summary>
/// The reliability suite's emulator: the built <c>Emulator.dll</c> as its own process on a temporary database, logging
/// at Debug (so the secrets check reads everything it writes), with the development tenant and a second one.
/// </summary>
public sealed class ReliabilityServer : IAsyncDisposable
{
    /// <summary>The second tenant's token: long and distinctive, so a leak is easy to spot.</summary>
    public const string OtherToken = "ReliabilityOtherTenantTokenZz8Qw3Er5Ty7Ui9Op1As2Df4Gh6Jk_aaaaaaaaaaaaaaaaaaaaaaaa_c";

    /// <summary>The second tenant's customer id.</summary>
    public const string OtherCustomerId = "aaaaaaaaaaaaaaaaaaaaaaaa";

    private readonly DirectoryInfo _folder;

    private readonly IDictionary<string, string> _settings;

    private ReliabilityServer(DirectoryInfo folder, IDictionary<string, string> settings)
    {
        _folder = folder;
        _settings = settings;
    }

    /// <summary>The running emulator.</summary>
    public EmulatorProcess Process { get; private set; } = null!;

    /// <summary>The SQLite file.</summary>
    public string DatabasePath => Path.Combine(_folder.FullName, "emulator.db");

    /// <summary>Starts an emulator on a new temporary database, with extra settings as environment variables.</summary>
    public static async Task<ReliabilityServer> StartAsync(IDictionary<string, string>? settings = null)
    {
        var server = new ReliabilityServer(Directory.CreateTempSubdirectory("inbox-emulator-reliability-"), settings ?? new Dictionary<string, string>());
        server.Process = await EmulatorProcess.StartAsync(server._folder.FullName, server.Environment());
        return server;
    }

    private Dictionary<string, string> Environment()
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Emulator"] = $"Data Source={DatabasePath}",
            ["Emulator__Tenants__0__Token"] = OtherToken,
            ["Emulator__Tenants__0__CustomerId"] = OtherCustomerId,
            ["Logging__LogLevel__Default"] = "Debug",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Debug",
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning",
        };
        foreach (var (key, value) in _settings)
        {
            environment[key] = value;
        }

        return environment;
    }

    /// <summary>Kills the process (SIGKILL) and starts a new one on the same database.</summary>
    public async Task KillAndRestartAsync()
    {
        await Process.KillAsync();
        await Process.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Process = await EmulatorProcess.StartAsync(_folder.FullName, Environment());
    }

    /// <summary>A client sending the token as <c>Authorization: Bearer</c> with <c>authtype: Key</c>.</summary>
    public HttpClient Client(string token = EmulatorFactory.DevToken)
    {
        var client = Process.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.Add("authtype", "Key");
        return client;
    }

    /// <summary>Every row of every table, in rowid order, as text: equal dumps mean equal data.</summary>
    public string Dump()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var dump = new StringBuilder();
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            try
            {
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    dump.Append(table);
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        dump.Append('|').Append(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture));
                    }

                    dump.Append('\n');
                }
            }
            catch (SqliteException)
            {
                // FTS5 shadow tables without a rowid; their content follows from the tables dumped.
            }
        }

        return dump.ToString();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
