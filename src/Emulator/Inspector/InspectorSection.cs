using System.Collections.Concurrent;
using FluentValidation.Results;
using Microsoft.AspNetCore.Components;

namespace Emulator.Inspector;

/// <summary>
/// A section of an inspector page with forms. A change that succeeded ends with a redirect back to the page
/// (post/redirect/get) naming its outcome, so that reloading the page shows the outcome again instead of repeating the
/// change (adding a second fault rule, sending a second message); the outcome's text stays on the server
/// (<see cref="InspectorOutcomes"/>), so no link can make the page say something it did not do. A refused change
/// renders in place, with its problems and the values typed.
/// </summary>
public abstract class InspectorSection : ComponentBase
{
    /// <summary>Where the redirect goes.</summary>
    [Inject] public NavigationManager Navigation { get; set; } = null!;

    /// <summary>Where outcomes wait for the page that shows them.</summary>
    [Inject] public InspectorOutcomes Outcomes { get; set; } = null!;

    /// <summary>The outcome to show, from the query (<c>outcome</c>): a key into <see cref="Outcomes"/>.</summary>
    [SupplyParameterFromQuery(Name = "outcome")] public string? OutcomeKey { get; set; }

    /// <summary>The section's id: its heading's id and the page fragment the redirect scrolls to.</summary>
    protected abstract string Section { get; }

    /// <summary>The last change's outcome, when it was this section's.</summary>
    protected InspectorOutcome? Outcome => Outcomes.Find(OutcomeKey) is { } outcome && outcome.Section == Section ? outcome : null;

    /// <summary>The outcome line to show in this section, or null.</summary>
    protected string? Done => Outcome?.Message;

    /// <summary>Why the change just submitted was refused, one line each.</summary>
    protected List<string> Problems { get; set; } = [];

    /// <summary>Keeps <paramref name="result"/>'s messages as <see cref="Problems"/>; true when it is valid.</summary>
    protected bool Check(ValidationResult result)
    {
        Problems = result.Errors.Select(e => e.ErrorMessage).ToList();
        return result.IsValid;
    }

    /// <summary>Null for an empty or blank form value, else the value trimmed.</summary>
    protected static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Redirects to the same page showing <paramref name="message"/> in this section, with values (ids) for it.</summary>
    protected void Finish(string message, params (string Name, string Value)[] values)
    {
        var key = Outcomes.Add(new InspectorOutcome(Section, message, values.ToDictionary(v => v.Name, v => v.Value)));
        // Back to the page as it was shown (its filters kept), with the new outcome instead of an older one.
        var page = new Uri(Navigation.Uri);
        var kept = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(page.Query).Where(q => q.Key != "outcome")
            .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)));
        Navigation.NavigateTo(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(page.AbsolutePath,
            kept.Append(KeyValuePair.Create("outcome", (string?)key))) + "#" + Section);
    }
}

/// <summary>What a change in an inspector section did.</summary>
/// <param name="Section">The section it belongs to.</param>
/// <param name="Message">The line shown.</param>
/// <param name="Values">Ids the section shows with it (the chat a message went to).</param>
public sealed record InspectorOutcome(string Section, string Message, IReadOnlyDictionary<string, string> Values);

/// <summary>The latest outcomes of inspector changes, by a random key, in memory; the oldest go past <see cref="Capacity"/>.</summary>
public sealed class InspectorOutcomes
{
    /// <summary>How many outcomes are kept.</summary>
    public const int Capacity = 200;

    private readonly ConcurrentDictionary<string, InspectorOutcome> _byKey = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>Keeps <paramref name="outcome"/> and returns its key.</summary>
    public string Add(InspectorOutcome outcome)
    {
        var key = Guid.NewGuid().ToString("N");
        _byKey[key] = outcome;
        _order.Enqueue(key);
        while (_order.Count > Capacity && _order.TryDequeue(out var oldest))
        {
            _byKey.TryRemove(oldest, out _);
        }

        return key;
    }

    /// <summary>The outcome kept under <paramref name="key"/>, or null.</summary>
    public InspectorOutcome? Find(string? key) => key is not null && _byKey.TryGetValue(key, out var outcome) ? outcome : null;
}
