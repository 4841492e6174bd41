using System.Text.Json;
using Microsoft.Playwright;

namespace Emulator.Tests.Browser;

/// <summary>axe-core in a browser context: pinned in <c>tools/package.json</c>, installed by <c>npm ci --prefix tools</c> (.ci/run).</summary>
public static class Axe
{
    /// <summary>Adds axe-core to every page of <paramref name="context"/>. An init script is added by the browser itself,
    /// so the pages' Content-Security-Policy does not stop it.</summary>
    public static async Task InstallAsync(IBrowserContext context) => await context.AddInitScriptAsync(File.ReadAllText(AxeScript()));

    /// <summary>The serious and critical violations on the page as loaded, one line each (impact, rule, help, elements).</summary>
    public static async Task<List<string>> SeriousViolationsAsync(IPage page)
    {
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { resultTypes: ["violations"] })).violations
              .filter(v => v.impact === "serious" || v.impact === "critical")
              .map(v => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(" ")).join("; ")})`)
            """);
        return violations.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    // axe-core from tools/node_modules, where `npm ci --prefix tools` (.ci/run) puts it.
    private static string AxeScript()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Emulator.sln")))
            {
                var script = Path.Combine(folder.FullName, "tools", "node_modules", "axe-core", "axe.min.js");
                Assert.True(File.Exists(script), $"axe-core is not installed: run `npm ci --prefix tools` ({script} is missing).");
                return script;
            }
        }

        throw new InvalidOperationException("The repository root (Emulator.sln) is not above the test assembly.");
    }
}
