using Xunit;

namespace Emulator.Testing;

/// <summary>
/// An xunit fixture sharing one <see cref="InboxEmulator"/> across a test class (<c>IClassFixture</c>) or a collection
/// (<c>ICollectionFixture</c>). Give each test its own tenant with <see cref="CreateTenantAsync"/>: tests then run in
/// parallel on the one emulator without seeing each other's data. Override <see cref="CreateOptions"/> to configure it.
/// </summary>
public class InboxEmulatorFixture : IAsyncLifetime
{
    private InboxEmulator? _emulator;

    /// <summary>The running emulator.</summary>
    /// <exception cref="InvalidOperationException">Before xunit initialized the fixture.</exception>
    public InboxEmulator Emulator => _emulator ?? throw new InvalidOperationException("The fixture is not initialized yet.");

    /// <summary>A tenant of its own for one test.</summary>
    public Task<EmulatorTenant> CreateTenantAsync() => Emulator.CreateTenantAsync();

    /// <summary>The options the emulator starts with; the defaults unless overridden.</summary>
    protected virtual InboxEmulatorOptions CreateOptions() => new();

    /// <inheritdoc />
    public async Task InitializeAsync() => _emulator = await InboxEmulator.StartAsync(CreateOptions());

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}

/// <summary>
/// An xunit fixture giving every test class that uses it (<c>IClassFixture&lt;SharedInboxEmulatorFixture&gt;</c>) the same
/// emulator, started once per test process with default options and stopped when the process exits. xunit runs test
/// classes in parallel, so their tests really share one running emulator; give each test its own tenant.
/// </summary>
public sealed class SharedInboxEmulatorFixture : IAsyncLifetime
{
    private static readonly Lazy<Task<InboxEmulator>> Instance = new(async () =>
    {
        var emulator = await InboxEmulator.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => emulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return emulator;
    });

    private InboxEmulator? _emulator;

    /// <summary>The shared, running emulator.</summary>
    /// <exception cref="InvalidOperationException">Before xunit initialized the fixture.</exception>
    public InboxEmulator Emulator => _emulator ?? throw new InvalidOperationException("The fixture is not initialized yet.");

    /// <summary>A tenant of its own for one test.</summary>
    public Task<EmulatorTenant> CreateTenantAsync() => Emulator.CreateTenantAsync();

    /// <inheritdoc />
    public async Task InitializeAsync() => _emulator = await Instance.Value;

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask;
}
