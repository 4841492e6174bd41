using System.Text.Json;
using Emulator.Common;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Emulator.State;

/// <summary>Loads <see cref="EmulatorOptions.SeedFile"/> at start-up, before the emulator reports ready.</summary>
public static class SeedFile
{
    /// <summary>
    /// Loads the configured seed document, if any. A file that is not valid JSON or does not load stops the start with
    /// every problem listed, instead of an emulator that answers without the data a test expects.
    /// </summary>
    /// <exception cref="InvalidOperationException">The file cannot be read, parsed or loaded.</exception>
    public static async Task LoadSeedFileAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var path = services.GetRequiredService<IOptions<EmulatorOptions>>().Value.SeedFile;
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        SeedDocument document;
        try
        {
            await using var file = File.OpenRead(path);
            document = await JsonSerializer.DeserializeAsync<SeedDocument>(file, WireJson.Options, cancellationToken)
                ?? throw new EmulatorStartupException($"Emulator:SeedFile '{path}' holds null, not a seed document.");
        }
        catch (JsonException e)
        {
            throw new EmulatorStartupException($"Emulator:SeedFile '{path}' is not a valid seed document: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EmulatorStartupException($"Emulator:SeedFile '{path}' cannot be read: {e.Message}", e);
        }

        var shape = await services.GetRequiredService<IValidator<SeedDocument>>().ValidateAsync(document, cancellationToken);
        var problems = shape.IsValid
            ? (await services.GetRequiredService<SeedLoader>().LoadAsync(document, cancellationToken)).Problems
            : shape.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
        if (problems is not null)
        {
            throw new EmulatorStartupException($"Emulator:SeedFile '{path}' was not loaded:" + string.Concat(
                problems.Select(p => $"{Environment.NewLine}  {p.Key}: {string.Join(" ", p.Value)}")));
        }
    }
}
