using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Aspire.Hosting.Testing;
using CinemaStats.IntegrationTests.Browser;
using Microsoft.Playwright;

namespace CinemaStats.IntegrationTests;

/// <summary>
/// The dashboard in Chromium against the whole application: the overview shows the uploaded
/// week's figures, a filter chosen on the page narrows them to the expected values and lands in
/// the address, every chart shows its value on hover, the back button restores them, the CSV
/// export holds the rows shown, the film,
/// cinema and pipeline pages open, and a file dropped on the upload page gets processed.
/// Screenshots of every page go to artifacts/screenshots/.
/// </summary>
[Collection(nameof(FilesystemMode))]
public sealed class DashboardBrowserTests(FilesystemAppHostFixture fixture) : IClassFixture<FilesystemAppHostFixture>, IAsyncLifetime
{
    private static readonly CultureInfo Shown = CultureInfo.GetCultureInfo("en-GB");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        if (Chromium.Executable() is not null)
        {
            (_playwright, _browser) = await Chromium.LaunchAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }

    [Fact]
    public async Task An_analyst_filters_the_overview_exports_a_table_and_drills_down()
    {
        fixture.EnsureAvailable();
        var data = new DashboardData(year: 2200 + Random.Shared.Next(0, 300), seed: 7);
        await UploadAsync(data);
        var (browser, web) = await OpenAsync();
        var page = await browser.NewPageAsync();
        var range = $"from={data.From:yyyy-MM-dd}&to={data.To:yyyy-MM-dd}";

        // Open the overview on the uploaded week and wait for the pipeline to publish it.
        var all = data.ByCinema();
        await page.GotoAsync($"{web}/?{range}");
        await WaitForKpiAsync(page, "admissions", Count(all.Sum(c => c.Adm)), reloadUntilShown: true);
        await WaitForTextAsync(page, "[data-testid=table-top-films] tbody", DashboardData.Distributor);
        Assert.Equal(Money(all.Sum(c => c.GboMinor)), await KpiAsync(page, "gbo"));
        Assert.Equal(Percent((double)all.Sum(c => c.Adm) / all.Sum(c => c.Capacity)), await KpiAsync(page, "occupancy"));
        await Screenshots.TakeAsync(page, "overview");

        // Every chart shows its value on hover: the first date's admissions, the first film and
        // cinema of the tables, Monday's matinees, the one genre and the one distributor.
        var topFilm = (await page.Locator("[data-testid=table-top-films] tbody tr").First.Locator("td").First.InnerTextAsync()).Trim();
        var firstCinema = (await page.Locator("[data-testid=table-cinemas] tbody tr").First.Locator("td").First.InnerTextAsync()).Trim();
        await AssertTooltipAsync(page, "daily", ChartHover.Point, 0, data.Sessions.Where(s => DateOnly.FromDateTime(s.Showtime) == data.From).Sum(s => s.Sold));
        await AssertTooltipAsync(page, "top-films", ChartHover.Bar, 0, data.Sessions.Where(s => s.Film == topFilm).Sum(s => s.Sold));
        await AssertTooltipAsync(page, "cinemas", ChartHover.Bar, 0, data.ByCinema(firstCinema).Single().Adm);
        await AssertTooltipAsync(page, "heatmap", ChartHover.Cell, 0, data.Sessions.Where(s => s.Showtime.DayOfWeek == DayOfWeek.Monday && s.Showtime.Hour < 17).Sum(s => s.Sold));
        await AssertTooltipAsync(page, "genres", ChartHover.Slice, 0, all.Sum(c => c.Adm));
        await AssertTooltipAsync(page, "distributors-gbp", ChartHover.Slice, 0, all.Sum(c => c.GboMinor) / 100m);

        // Choose cinema C2 in the filter bar: the address and the figures follow, without a page load.
        var c2 = data.ByCinema("C2").Single();
        await page.EvaluateAsync("window.__samePage = true");
        await page.Locator("[data-testid=filter-cinemas]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasTextString = "C2" }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await WaitForKpiAsync(page, "admissions", Count(c2.Adm));
        Assert.Contains("cinema=C2", page.Url);
        Assert.Equal(Money(c2.GboMinor), await KpiAsync(page, "gbo"));
        Assert.True(await page.EvaluateAsync<bool>("window.__samePage === true"), "changing a filter reloaded the page");
        await Screenshots.TakeAsync(page, "overview-filtered");

        // Export the cinemas table: the same rows as shown, with the expected figures.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=export-cinemas]").ClickAsync());
        var csv = CsvText.Parse(await File.ReadAllTextAsync((await download.PathAsync())!, Ct));
        var shownRows = await page.Locator("[data-testid=table-cinemas] tbody tr").AllAsync();
        Assert.Equal(["Cinema", "Currency", "Sessions", "Admissions", "GBO", "Concessions", "Capacity", "Occupancy"], csv[0]);
        Assert.Equal(shownRows.Count, csv.Count - 1);
        var exported = csv[1];
        Assert.Equal(["C2", "GBP", c2.Sessions.ToString(CultureInfo.InvariantCulture), c2.Adm.ToString(CultureInfo.InvariantCulture),
            (c2.GboMinor / 100m).ToString("F2", CultureInfo.InvariantCulture)], exported.Take(5));
        Assert.Equal(c2.Capacity.ToString(CultureInfo.InvariantCulture), exported[6]);
        var shownCells = await shownRows[0].Locator("td").AllInnerTextsAsync();
        Assert.Equal(["C2", "GBP", Count(c2.Sessions), Count(c2.Adm), Money(c2.GboMinor)], shownCells.Take(5).Select(t => t.Trim()));

        // The back button returns to both cinemas.
        await page.GoBackAsync();
        await WaitForKpiAsync(page, "admissions", Count(all.Sum(c => c.Adm)));
        Assert.DoesNotContain("cinema=", page.Url);

        // Drill down: a film from the top-films table, then a cinema from the film's cinemas.
        await page.Locator("[data-testid=table-top-films] tbody tr a", new PageLocatorOptions { HasTextString = "Harbour Lights" }).First.ClickAsync();
        await page.Locator("[data-testid=film-title]", new PageLocatorOptions { HasTextString = "Harbour Lights" }).WaitForAsync();
        await page.Locator("[data-testid=table-film-cinemas] tbody tr").First.WaitForAsync();
        var filmAdm = data.Sessions.Where(s => s.Film == "Harbour Lights" && s.Cinema == "C1").Sum(s => s.Sold);
        Assert.Equal(Count(filmAdm), (await page.Locator("[data-testid=table-film-cinemas] tbody tr", new PageLocatorOptions { HasTextString = "C1" })
            .Locator("td[data-column=Admissions]").InnerTextAsync()).Trim());
        // Its weeks add up to the film's GBO, and the last week's cumulative GBO is that total.
        var filmGbo = data.Sessions.Where(s => s.Film == "Harbour Lights").Sum(s => s.Sold) * DashboardData.TicketPriceMinor;
        var weeks = await page.Locator("[data-testid=table-film-weeks] tbody tr").AllAsync();
        Assert.NotEmpty(weeks);
        var weekGbo = 0L;
        foreach (var week in weeks)
        {
            weekGbo += MinorOf(await week.Locator("td[data-column=GBO]").InnerTextAsync());
        }
        Assert.Equal(filmGbo, weekGbo);
        Assert.Equal(Money(filmGbo), (await weeks[^1].Locator("td[data-column='Cumulative GBO']").InnerTextAsync()).Trim());
        await AssertTooltipAsync(page, "film-weeks-gbp", ChartHover.Bar, 0, MinorOf(await weeks[0].Locator("td[data-column=GBO]").InnerTextAsync()) / 100m);
        await AssertTooltipAsync(page, "film-cinemas", ChartHover.Bar, 0,
            long.Parse((await page.Locator("[data-testid=table-film-cinemas] tbody tr").First.Locator("td[data-column=Admissions]").InnerTextAsync()).Replace(",", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture));
        await Screenshots.TakeAsync(page, "film");

        await page.Locator("[data-testid=table-film-cinemas] tbody tr a", new PageLocatorOptions { HasTextString = "C1" }).ClickAsync();
        await page.Locator("[data-testid=cinema-title]", new PageLocatorOptions { HasTextString = "C1" }).WaitForAsync();
        await page.Locator("[data-testid=table-cinema-days] tbody tr").First.WaitForAsync();
        Assert.Equal(7, await page.Locator("[data-testid=table-cinema-days] tbody tr").CountAsync());
        Assert.Contains(range, page.Url);
        var c1 = data.Sessions.Where(s => s.Cinema == "C1").ToList();
        await AssertTooltipAsync(page, "cinema-daily", ChartHover.Point, 0, c1.Where(s => DateOnly.FromDateTime(s.Showtime) == data.From).Sum(s => s.Sold));
        await AssertTooltipAsync(page, "cinema-dayparts", ChartHover.Slice, 0, c1.Where(s => s.Showtime.Hour < 17).Sum(s => s.Sold));
        var firstScreen = c1.GroupBy(s => s.Screen).OrderBy(g => g.Key, StringComparer.Ordinal).First();
        await AssertTooltipAsync(page, "cinema-screens", ChartHover.Bar, 0, Math.Round(100m * firstScreen.Sum(s => s.Sold) / firstScreen.Sum(s => s.Capacity), 1));
        await Screenshots.TakeAsync(page, "cinema");

        await page.GotoAsync($"{web}/pipeline");
        await page.Locator("[data-testid=lineage] [data-node=fact_session]").WaitForAsync();
        await page.Locator("[data-testid=runs] tbody tr").First.WaitForAsync();
        await Screenshots.TakeAsync(page, "pipeline");

        await page.GotoAsync($"{web}/sessions");
        await page.Locator("[data-testid=table-sessions]").WaitForAsync();
        await Screenshots.TakeAsync(page, "sessions");
    }

    [Fact]
    public async Task A_file_dropped_on_the_upload_page_is_processed_and_its_bad_rows_are_explained()
    {
        fixture.EnsureAvailable();
        var year = 2500 + Random.Shared.Next(0, 300);
        var csv = new StringBuilder("session_id,cinema_id,screen_id,capacity,film_title_raw,showtime_local,cinema_tz,currency\n");
        for (var i = 0; i < 5; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"U{year}-{i},C9,S1,{100 + i},Upload Test,{year}-04-0{1 + i} 18:00,Europe/London,EUR\n");
        }
        csv.Append(CultureInfo.InvariantCulture, $"U{year}-bad,C9,S1,lots,Upload Test,{year}-04-06 18:00,Europe/London,EUR\n");
        var (browser, web) = await OpenAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"{web}/upload");
        await Chromium.WaitForCircuitAsync(page);
        // The file input listens for files only once Blazor has set it up after the first interactive render.
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=upload-input]')?._blazorInputFileNextFileId !== undefined");
        await page.Locator("[data-testid=upload-input]").SetInputFilesAsync(new FilePayload
        {
            Name = $"sessions-{year}.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(csv.ToString()),
        });

        await page.Locator("[data-testid=upload-state]", new PageLocatorOptions { HasTextString = "processed" }).WaitForAsync(new LocatorWaitForOptions { Timeout = 90_000 });
        Assert.Equal("100", await page.Locator("[data-testid=upload-bar]").GetAttributeAsync("aria-valuenow"));
        Assert.Contains("quarantined: 1", await page.Locator("[data-testid=upload-rows]").InnerTextAsync());
        await Screenshots.TakeAsync(page, "upload");

        await page.Locator("[data-testid=quarantine-link]").ClickAsync();
        await page.Locator("[data-testid=quarantine-count]").WaitForAsync();
        Assert.Contains("1 row was quarantined", await page.Locator("[data-testid=quarantine-count]").InnerTextAsync());
        Assert.Contains("'lots' is not a seat count", await page.Locator("[data-testid=quarantine] tbody").InnerTextAsync());
        await Screenshots.TakeAsync(page, "pipeline-quarantine");
    }

    private async Task<(IBrowserContext Browser, string Web)> OpenAsync()
    {
        var web = fixture.App.GetEndpoint("web", "http").ToString().TrimEnd('/');
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, AcceptDownloads = true });
        context.SetDefaultTimeout(30_000);
        return (context, web);
    }

    private async Task UploadAsync(DashboardData data)
    {
        using var ingest = fixture.App.CreateHttpClient("ingest");
        ingest.DefaultRequestHeaders.Add("X-Api-Key", "local-dev-key");
        using var films = await ingest.PutAsync($"/v1/sources/films/files/films-{data.Year}.json", new StringContent(data.FilmsJson(), Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.Created, films.StatusCode);
        using var sessions = await ingest.PutAsync($"/v1/sources/sessions/files/sessions-{data.Year}.csv", new StringContent(data.SessionsCsv(), Encoding.UTF8, "text/csv"), Ct);
        Assert.Equal(HttpStatusCode.Created, sessions.StatusCode);
        using var pos = await ingest.PutAsync($"/v1/sources/pos_transactions/files/pos-{data.Year}.jsonl", new StringContent(data.PosJsonLines(), Encoding.UTF8, "application/x-ndjson"), Ct);
        Assert.Equal(HttpStatusCode.Created, pos.StatusCode);
    }

    /// <summary>Hovers a chart's mark and checks that its tooltip shows the expected value.</summary>
    private static async Task AssertTooltipAsync(IPage page, string chart, string mark, int index, decimal expected)
    {
        var tooltip = await ChartHover.TooltipAsync(page, chart, mark, index);
        Assert.True(ChartHover.Numbers(tooltip).Contains(expected), $"hovering mark {index} of the {chart} chart showed '{tooltip}', expected it to show {expected}");
    }

    private static async Task<string> KpiAsync(IPage page, string kpi) =>
        (await page.Locator($"[data-testid=kpi-{kpi}] [data-field=value]").InnerTextAsync()).Trim();

    /// <summary>Waits until a KPI card shows the value; while the pipeline is still working, reloads the page now and then.</summary>
    private static async Task WaitForKpiAsync(IPage page, string kpi, string expected, bool reloadUntilShown = false)
    {
        var deadline = DateTime.UtcNow.AddSeconds(reloadUntilShown ? 120 : 30);
        var shown = "";
        while (DateTime.UtcNow < deadline)
        {
            var card = page.Locator($"[data-testid=kpi-{kpi}] [data-field=value]");
            if (await card.CountAsync() > 0 && (shown = (await card.InnerTextAsync()).Trim()) == expected)
            {
                await Chromium.WaitForCircuitAsync(page);
                return;
            }
            await Task.Delay(reloadUntilShown ? 2000 : 250, Ct);
            if (reloadUntilShown)
            {
                await page.ReloadAsync();
            }
        }
        Assert.Fail($"The {kpi} card shows '{shown}', expected '{expected}' ({page.Url}).");
    }

    private static async Task WaitForTextAsync(IPage page, string selector, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            var found = page.Locator(selector);
            if (await found.CountAsync() > 0 && (await found.InnerTextAsync()).Contains(text, StringComparison.Ordinal))
            {
                await Chromium.WaitForCircuitAsync(page);
                return;
            }
            await Task.Delay(2000, Ct);
            await page.ReloadAsync();
        }
        Assert.Fail($"'{text}' did not appear in {selector} ({page.Url}).");
    }

    private static long MinorOf(string money) =>
        (long)(decimal.Parse(money.Replace("GBP", "", StringComparison.Ordinal).Trim(), NumberStyles.Number, CultureInfo.InvariantCulture) * 100);

    private static string Count(long value) => value.ToString("N0", Shown);

    private static string Money(long minor) => "GBP " + (minor / 100m).ToString("N2", Shown);

    private static string Percent(double ratio) => ratio.ToString("P1", Shown);
}
