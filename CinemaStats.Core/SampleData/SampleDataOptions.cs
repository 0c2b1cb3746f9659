using System.Globalization;

namespace CinemaStats.Core.SampleData;

/// <summary>
/// What <see cref="SampleDataGenerator"/> produces. The same options always give byte-identical
/// files, so a seed names a data set as well as a checksum would.
/// </summary>
public sealed record SampleDataOptions
{
    public const int MaxCinemas = 1000;
    public const int MaxDays = 3660;
    public const int MaxFilms = 10_000;

    /// <summary>The only source of randomness: everything is derived from it.</summary>
    public int Seed { get; init; } = 42;

    public int Cinemas { get; init; } = 3;

    public int Days { get; init; } = 14;

    /// <summary>The first business date. A Friday by default, because films open on Fridays.</summary>
    public DateOnly StartDate { get; init; } = new(2026, 3, 6);

    /// <summary>
    /// How often each kind of docs/data-contract.md dirt is applied, 0 to 1. At 0 every file is clean and canonical;
    /// at 0.2 roughly one row in five carries each kind of row dirt and one file in five each kind of file dirt.
    /// </summary>
    public double DirtRate { get; init; }

    /// <summary>
    /// Films in the catalogue: those playing in the period come first, the rest is back catalogue.
    /// The catalogue never holds fewer films than are playing.
    /// </summary>
    public int FilmsCount { get; init; } = 40;

    public DateOnly EndDate => StartDate.AddDays(Days - 1);

    /// <summary>Sentences saying what to change, empty when the options can be used.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Cinemas is < 1 or > MaxCinemas)
        {
            errors.Add($"Cinemas must be between 1 and {MaxCinemas}; it is {Cinemas}.");
        }
        if (Days is < 1 or > MaxDays)
        {
            errors.Add($"Days must be between 1 and {MaxDays}; it is {Days}.");
        }
        if (double.IsNaN(DirtRate) || DirtRate is < 0 or > 1)
        {
            errors.Add($"DirtRate must be between 0 (clean) and 1; it is {DirtRate.ToString(CultureInfo.InvariantCulture)}.");
        }
        if (FilmsCount is < 1 or > MaxFilms)
        {
            errors.Add($"FilmsCount must be between 1 and {MaxFilms}; it is {FilmsCount}.");
        }
        if (StartDate.Year < 1900 || StartDate.AddDays(Math.Max(Days, 1)).Year > 2200)
        {
            errors.Add($"StartDate must lie between 1900 and 2200; it is {StartDate:yyyy-MM-dd}.");
        }
        return errors;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> listing every problem.</summary>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors));
        }
    }
}
