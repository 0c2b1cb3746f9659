using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CinemaStats.LoadTest.Circuit;

/// <summary>
/// A page as the server first sends it: the interactive root components it asks the browser to
/// start (the <c>&lt;!--Blazor:{…}--&gt;</c> markers of type "server"), the application state
/// it persisted for them, and the figures it shows (every <c>data-field="value"</c>: the KPI
/// cards and stats), which the circuit must render again.
/// </summary>
public sealed partial class PrerenderedPage
{
    private PrerenderedPage(IReadOnlyList<JsonObject> serverComponents, string applicationState, IReadOnlySet<string> figures, bool showsError)
    {
        ServerComponents = serverComponents;
        ApplicationState = applicationState;
        Figures = figures;
        ShowsError = showsError;
    }

    public IReadOnlyList<JsonObject> ServerComponents { get; }

    public string ApplicationState { get; }

    public IReadOnlySet<string> Figures { get; }

    public bool ShowsError { get; }

    public static PrerenderedPage Parse(string html)
    {
        var markers = MarkerRegex().Matches(html)
            .Select(m => JsonNode.Parse(m.Groups["json"].Value)?.AsObject())
            .OfType<JsonObject>()
            // the closing marker carries only the prerender id
            .Where(m => (string?)m["type"] == "server" && m["descriptor"] is not null)
            .ToList();
        var state = StateRegex().Match(html) is { Success: true } s ? s.Groups["state"].Value : "";
        var figures = FigureRegex().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["value"].Value).Trim()).Where(v => v.Length > 0).ToHashSet();
        return new PrerenderedPage(markers, state, figures, html.Contains("data-testid=\"error\"", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"<!--Blazor:(?<json>\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex MarkerRegex();

    [GeneratedRegex(@"<!--\s*Blazor-Server-Component-State:(?<state>[A-Za-z0-9+/=]+)\s*-->")]
    private static partial Regex StateRegex();

    [GeneratedRegex("""data-field="value"[^>]*>(?<value>[^<]*)<""")]
    private static partial Regex FigureRegex();
}
