using System.Globalization;

namespace CinemaStats.Web.Dashboard;

/// <summary>
/// How the dashboard writes numbers: for people on the page (grouped, with the currency) and for
/// spreadsheets in a CSV export (plain invariant digits). Money arrives in minor units.
/// </summary>
public static class Numbers
{
    private static readonly CultureInfo Shown = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CultureInfo Plain = CultureInfo.InvariantCulture;

    // ISO 4217 currencies without minor units; every other currency the cinemas use has two.
    private static readonly HashSet<string> ZeroDecimalCurrencies = new(StringComparer.OrdinalIgnoreCase) { "JPY", "KRW", "ISK", "CLP", "VND" };

    public static int DecimalsOf(string currency) => ZeroDecimalCurrencies.Contains(currency) ? 0 : 2;

    public static decimal Major(long minor, string currency) => minor / (decimal)Math.Pow(10, DecimalsOf(currency));

    public static double Major(double minor, string currency) => minor / Math.Pow(10, DecimalsOf(currency));

    /// <summary>What a figure that is not defined shows (a ratio over zero, a week without a week before it); a tooltip says why.</summary>
    public const string Missing = "—";

    public static string Count(long value) => value.ToString("N0", Shown);

    /// <summary>A count with its noun, singular for one: "1 screen", "12 screens".</summary>
    public static string Count(long value, string noun) => $"{Count(value)} {noun}{(value == 1 ? "" : "s")}";

    public static string Money(long minor, string currency) => $"{currency} {Major(minor, currency).ToString("N" + DecimalsOf(currency), Shown)}";

    public static string Money(double? minor, string currency) =>
        minor is { } m ? $"{currency} {Major(m, currency).ToString("N" + DecimalsOf(currency), Shown)}" : Missing;

    /// <summary>A chart value: whole numbers grouped, others with one or two decimals.</summary>
    public static string Value(double value) =>
        value.ToString(value == Math.Floor(value) ? "N0" : value == Math.Round(value, 1) ? "N1" : "N2", Shown);

    public static string Percent(double? ratio) => ratio?.ToString("P1", Shown) ?? Missing;

    public static string Ratio(double? value) => value?.ToString("N2", Shown) ?? Missing;

    public static string Date(DateOnly date) => date.ToString("ddd yyyy-MM-dd", Plain);

    /// <summary>A change as a signed percentage with its arrow: "▲ 12.5%", "▼ 3.0%".</summary>
    public static string Change(double change) => $"{(change >= 0 ? "▲" : "▼")} {Percent(Math.Abs(change))}";

    // CSV forms: no grouping, no currency sign, '.' as decimal point, empty for "no value".
    public static string CountCsv(long value) => value.ToString(Plain);

    public static string MoneyCsv(long minor, string currency) => Major(minor, currency).ToString("F" + DecimalsOf(currency), Plain);

    public static string MoneyCsv(double? minor, string currency) => minor is { } m ? Major(m, currency).ToString("F" + DecimalsOf(currency), Plain) : "";

    public static string RatioCsv(double? value) => value?.ToString("0.######", Plain) ?? "";

    public static string DateCsv(DateOnly date) => date.ToString("yyyy-MM-dd", Plain);
}
