using Microsoft.AspNetCore.Components;

namespace Emulator.Inspector;

/// <summary>
/// A section of an inspector page with a form. A change that succeeded ends with a redirect back to the page (post/redirect/get) that
/// carries its outcome line in the query, so that reloading the page shows the outcome again instead of repeating the
/// change (adding a second fault rule, sending a second message). A refused change renders in place with the values typed.
/// </summary>
public abstract class InspectorSection : ComponentBase
{
    /// <summary>Where the redirect goes.</summary>
    [Inject] public NavigationManager Navigation { get; set; } = null!;

    /// <summary>The outcome line of the last change, from the query (<c>done</c>).</summary>
    [SupplyParameterFromQuery(Name = "done")] public string? DoneQuery { get; set; }

    /// <summary>The section the outcome line belongs to, from the query (<c>panel</c>).</summary>
    [SupplyParameterFromQuery(Name = "panel")] public string? PanelQuery { get; set; }

    /// <summary>The section's id: its heading's id and the page fragment the redirect scrolls to.</summary>
    protected abstract string Section { get; }

    /// <summary>The outcome line to show in this section, or null.</summary>
    protected string? Done => PanelQuery == Section ? DoneQuery : null;

    /// <summary>Redirects to the same page showing <paramref name="message"/> in this section; extra query values ride along.</summary>
    protected void Finish(string message, params (string Name, string Value)[] extra)
    {
        var query = string.Concat(extra.Select(e => $"&{e.Name}={Uri.EscapeDataString(e.Value)}"));
        var page = new Uri(Navigation.Uri).AbsolutePath;
        Navigation.NavigateTo($"{page}?panel={Section}&done={Uri.EscapeDataString(message)}{query}#{Section}");
    }
}
