using System.Text.Json;
using CinemaStats.TestSupport;
using Microsoft.Playwright;

namespace CinemaStats.IntegrationTests.Browser;

/// <summary>
/// Runs axe-core (tools/axe, installed by test.sh) in the page and fails on any serious or critical
/// violation, naming the rule, what it means and the elements that break it.
/// </summary>
public static class Accessibility
{
    private static readonly string Script = Path.Combine(RepositoryPaths.Root, "tools", "axe", "node_modules", "axe-core", "axe.min.js");

    /// <param name="knownRules">Rules whose violations on this page are known and left for the page's own change (each one named at the call).</param>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string pageName, params string[] knownRules)
    {
        if (!File.Exists(Script))
        {
            Requirement.Missing($"axe-core is not installed ({Script} is missing). Run ./test.sh, which installs it with npm.");
        }
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Script });
        var json = await page.EvaluateAsync<string>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return JSON.stringify(result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')) })));
            }
            """);
        var violations = JsonSerializer.Deserialize<List<Violation>>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!
            .Where(v => !knownRules.Contains(v.Id)).ToList();
        Assert.True(violations.Count == 0, $"The {pageName} page has serious accessibility problems:\n" +
            string.Join("\n", violations.Select(v => $"- {v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Targets)}")));
    }

    private sealed record Violation(string Id, string Impact, string Help, List<string> Targets);
}
