namespace Emulator.Data;

/// <summary>
/// Checks, before SQLite opens the file, that the process can write the database and its folder (SQLite adds
/// <c>-wal</c> and <c>-shm</c> files beside it). A container started with a host folder on <c>/data</c> that its user
/// cannot write otherwise ended in "SQLite Error 14: unable to open database file" and a crash; this ends the start at
/// once with the folder, the user id and the fixes (README, "Docker").
/// </summary>
public static class DatabaseFolder
{
    /// <summary>Creates the folder of <paramref name="file"/> if needed and proves that a file can be written in it and
    /// that an existing database file can be opened for writing.</summary>
    /// <param name="file">The database file's path.</param>
    /// <exception cref="EmulatorStartupException">The folder or the file is not writable; the message names both fixes.</exception>
    public static void EnsureWritable(string file)
    {
        var path = Path.GetFullPath(file);
        var folder = Path.GetDirectoryName(path) ?? ".";
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".inbox-emulator-write-test-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            if (File.Exists(path))
            {
                using var _ = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            }
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            var uid = UserId();
            var user = uid is not null ? $"user id {uid}" : $"user '{Environment.UserName}'";
            throw new EmulatorStartupException(
                $"The database folder '{folder}' is not writable by this process ({user}): {ex.Message} " +
                $"Fix it in one of two ways: mount a named volume there (docker run -v inbox-data:{folder} …), which the image " +
                $"prepares for its user; or give {user} write access to the host folder (sudo chown -R {uid ?? "<uid>"} <host folder>). " +
                "Or point ConnectionStrings__Emulator at a file in a writable folder.", ex);
        }
    }

    // The real user id on Linux (the image runs as 1654), from /proc; null elsewhere.
    private static string? UserId()
    {
        try
        {
            return File.Exists("/proc/self/status")
                ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal))?
                    .Split('\t', ' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1)
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
