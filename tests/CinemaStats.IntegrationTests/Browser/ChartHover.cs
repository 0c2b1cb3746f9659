using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CinemaStats.IntegrationTests.Browser;

/// <summary>
/// Points the mouse at one mark of a chart (a bar, a line's point, a donut slice, a heat-map
/// cell), the way a person does, and reads the tooltip the chart draws for it.
/// </summary>
public static partial class ChartHover
{
    public const string Bar = "rect.cs-bar";
    public const string Point = "circle.cs-point";
    public const string Slice = "path.mud-chart-serie";
    public const string Cell = "td.cs-heat-cell";

    // A point of the element's box where the element itself is on top (a thin bar, a ring
    // slice and a small circle do not all cover their box's centre).
    private const string VisiblePoint = """
        el => {
          el.scrollIntoView({ block: 'center' });
          const r = el.getBoundingClientRect(), w = Math.max(r.width, 1), h = Math.max(r.height, 1);
          for (let fy = 0.5; fy < 1; fy += 0.05) for (const y of [r.top + h * fy, r.top + h * (1 - fy)])
            for (let fx = 0.5; fx < 1; fx += 0.05) for (const x of [r.left + w * fx, r.left + w * (1 - fx)])
              if (document.elementFromPoint(x, y) === el) return [x, y];
          return null;
        }
        """;

    /// <summary>The text of the tooltip shown while the mouse is on the chart's mark number <paramref name="index"/>.</summary>
    public static async Task<string> TooltipAsync(IPage page, string chart, string mark, int index)
    {
        var card = page.Locator($"[data-testid=chart-{chart}]");
        var target = card.Locator(mark).Nth(index);
        var point = await target.EvaluateAsync<double[]?>(VisiblePoint)
            ?? throw new InvalidOperationException($"mark {index} of the {chart} chart is covered or not drawn");
        await page.Mouse.MoveAsync(1, 1);
        await page.Mouse.MoveAsync((float)point[0], (float)point[1], new MouseMoveOptions { Steps = 3 });
        var tooltip = card.Locator(".cs-tooltip:visible, .svg-tooltip:visible");
        await tooltip.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        var text = (await tooltip.First.TextContentAsync() ?? "").Trim();
        await page.Mouse.MoveAsync(1, 1);
        return text;
    }

    /// <summary>The numbers in a tooltip, without grouping separators ("Drama - 1,234" → 1234).</summary>
    public static IReadOnlyList<decimal> Numbers(string tooltip) =>
        [.. NumberRegex().Matches(tooltip.Replace(",", "", StringComparison.Ordinal))
            .Select(m => decimal.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex NumberRegex();
}
