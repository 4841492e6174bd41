using System.Text.RegularExpressions;
using Emulator.Data;
using Emulator.Tenants;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Emulator.State;

/// <summary>
/// Named snapshots of the whole database, made and restored with SQLite's online backup API (Microsoft.Data.Sqlite's
/// <see cref="SqliteConnection.BackupDatabase(SqliteConnection)"/>). Both run on the <see cref="SingleWriter"/> alone, so
/// a snapshot never holds half a write and a restore never interleaves with one; reads in flight finish on the data they
/// started with. Snapshots are files in <see cref="EmulatorOptions.SnapshotFolder"/> (default: <c>snapshots</c> beside
/// the database file) and outlive restarts.
/// </summary>
public sealed partial class Snapshots(SingleWriter writer, TenantDirectory directory, Microsoft.Extensions.Options.IOptions<EmulatorOptions> options,
    IConfiguration configuration, IEnumerable<IResettable> memory)
{
    /// <summary>True for a usable snapshot name: 1 to 64 letters, digits, '.', '_' or '-', not starting with '.'.</summary>
    public static bool IsName(string name) => NamePattern().IsMatch(name);

    /// <summary>Why <paramref name="name"/> is refused, when <see cref="IsName"/> is false.</summary>
    public static string NameProblem(string name) => $"'{name}' is not a snapshot name: use 1 to 64 letters, digits, '.', '_' or '-'.";

    /// <summary>Saves the whole state under <paramref name="name"/>, replacing a snapshot of that name.</summary>
    public Task<SnapshotWire> SaveAsync(string name, CancellationToken cancellationToken) =>
        writer.ExclusiveAsync((db, _) =>
        {
            Directory.CreateDirectory(Folder());
            var path = PathOf(name);
            var temporary = path + ".saving";
            using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()))
            {
                target.Open();
                ((SqliteConnection)db.Database.GetDbConnection()).BackupDatabase(target);
            }

            // Renamed into place only when complete: a crash mid-save leaves the previous snapshot intact.
            File.Move(temporary, path, overwrite: true);
            return Task.FromResult(Wire(new FileInfo(path)));
        }, cancellationToken);

    /// <summary>Replaces the whole state with snapshot <paramref name="name"/>; null when there is no such snapshot.</summary>
    public async Task<SnapshotWire?> RestoreAsync(string name, CancellationToken cancellationToken)
    {
        var path = PathOf(name);
        if (!File.Exists(path))
        {
            return null;
        }

        return await writer.ExclusiveAsync(async (db, ct) =>
        {
            using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
            {
                source.Open();
                source.BackupDatabase((SqliteConnection)db.Database.GetDbConnection());
            }

            // Events raised before the snapshot was saved belong to a past run: delivering them again would repeat them.
            await db.WebhookOutbox.ExecuteDeleteAsync(ct);

            // Runtime tenants are part of the state: the directory follows the restored table in one step, so a token
            // that both states know never stops working. The in-memory stores that describe data forget it.
            directory.ReplaceRuntime(await db.Tenants.AsNoTracking().ToListAsync(ct));
            foreach (var state in memory)
            {
                state.Restored();
            }

            return Wire(new FileInfo(path));
        }, cancellationToken);
    }

    /// <summary>Every snapshot, by name.</summary>
    public IReadOnlyList<SnapshotWire> List() =>
        Directory.Exists(Folder())
            ? new DirectoryInfo(Folder()).GetFiles("*.db").Select(Wire).OrderBy(s => s.Name, StringComparer.Ordinal).ToList()
            : [];

    /// <summary>Deletes snapshot <paramref name="name"/>; false when there is none.</summary>
    public bool Delete(string name)
    {
        var path = PathOf(name);
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }

    private string PathOf(string name) => Path.Combine(Folder(), name + ".db");

    private string Folder()
    {
        if (options.Value.SnapshotFolder is { Length: > 0 } configured)
        {
            return configured;
        }

        var dataSource = new SqliteConnectionStringBuilder(DatabaseSetup.ConnectionString(configuration)).DataSource;
        return DatabaseSetup.FilePath(dataSource) is { } file
            ? Path.Combine(Path.GetDirectoryName(file) ?? ".", "snapshots")
            : Path.Combine(Path.GetTempPath(), "inbox-emulator-snapshots", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static SnapshotWire Wire(FileInfo file) =>
        new(Path.GetFileNameWithoutExtension(file.Name), Common.Timestamps.Format(file.LastWriteTimeUtc), file.Length);

    [GeneratedRegex("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();
}

/// <summary>A snapshot as listed.</summary>
/// <param name="Name">Its name.</param>
/// <param name="SavedAt">When it was saved (real UTC time of the file).</param>
/// <param name="Bytes">Its size in bytes.</param>
public sealed record SnapshotWire(string Name, string SavedAt, long Bytes);
