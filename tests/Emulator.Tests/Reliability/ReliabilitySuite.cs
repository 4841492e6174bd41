namespace Emulator.Tests.Reliability;

/// <summary>
/// The reliability suite's collection: its tests each start a real emulator process and load it hard, so they run one
/// at a time (beside the rest of the tests). Run it alone with <c>dotnet test --filter Category=Reliability</c>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ReliabilitySuite
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Reliability";
}
