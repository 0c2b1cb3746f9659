using System.Globalization;
using CinemaStats.Transform.Sessions;

namespace CinemaStats.Transform.Films;

/// <summary>
/// Turns a <see cref="FilmSourceRow"/> into a <see cref="CleanFilm"/>, or rejects it with the
/// field and a reason a person can act on. A row is rejected only when it has no usable key
/// (title, release date) or a value that is not what its field holds; everything cleaning
/// changes or doubts is recorded in the row's flags instead.
/// </summary>
public sealed class FilmCleaner(DateOnly today)
{
    public (CleanFilm? Film, RejectedRow? Rejected) Clean(FilmSourceRow row)
    {
        try
        {
            return (Build(row), null);
        }
        catch (FieldException e)
        {
            return (null, new RejectedRow(row.Line, e.Field, e.Message, row.RawText));
        }
    }

    private CleanFilm Build(FilmSourceRow row)
    {
        var titleRaw = row[FilmField.Title] ?? throw new FieldException(FilmField.Title, "Title is empty");
        var title = FilmTitleCleaner.Clean(titleRaw, row.NumericFields.Contains(FilmField.Title));

        var dateText = row[FilmField.ReleaseDate] ?? throw new FieldException(FilmField.ReleaseDate, "Release Date is empty; a film's key needs it");
        if (!FilmReleaseDate.TryParse(dateText, out var parsed))
        {
            throw new FieldException(FilmField.ReleaseDate, $"'{dateText}' is not a date (expected e.g. Jun 12 1998)");
        }
        var release = FilmReleaseDate.Check(parsed, title.YearHint, today);

        var distributorRaw = row[FilmField.Distributor];
        var (distributor, distributorFlag) = DistributorNames.Map(distributorRaw);

        var flags = new List<string>(title.Flags);
        flags.AddRange(release.Flags);
        if (distributorFlag is not null)
        {
            flags.Add(distributorFlag);
        }

        int? rottenTomatoes = null;
        if (Number(row, FilmField.RottenTomatoesRating, 0, 100) is { } rt)
        {
            rottenTomatoes = (int)Math.Round(rt, MidpointRounding.AwayFromZero);
            if (!IsInteger(row[FilmField.RottenTomatoesRating]!))
            {
                flags.Add(CleaningFlag.RottenTomatoesRatingDecimal);
            }
        }
        int? imdbX10 = null;
        if (Number(row, FilmField.ImdbRating, 0, 10) is { } imdb)
        {
            imdbX10 = (int)Math.Round(imdb * 10, MidpointRounding.AwayFromZero);
            if (IsInteger(row[FilmField.ImdbRating]!))
            {
                flags.Add(CleaningFlag.ImdbRatingInteger);
            }
        }

        return new CleanFilm(
            FilmKey.Of(title.Title, release.Date),
            title.Title,
            titleRaw,
            release.Date,
            release.YearCorrected,
            row[FilmField.MpaaRating],
            (int?)WholeNumber(row, FilmField.RunningTimeMin, 1, 1000),
            distributor,
            distributorRaw,
            row[FilmField.MajorGenre],
            row[FilmField.CreativeType],
            row[FilmField.Source],
            row[FilmField.Director],
            Money(row, FilmField.UsGross),
            Money(row, FilmField.WorldwideGross),
            Money(row, FilmField.UsDvdSales),
            Money(row, FilmField.ProductionBudget),
            rottenTomatoes,
            imdbX10,
            WholeNumber(row, FilmField.ImdbVotes, 0, long.MaxValue / 2),
            flags);
    }

    /// <summary>
    /// A number written as an int, a float or a string (<c>"1,234"</c> too), within a range; in a CSV
    /// that writes a decimal comma, as that file writes it (<c>7,4</c>, <c>1.234.567</c>).
    /// </summary>
    private static decimal? Number(FilmSourceRow row, string field, decimal min, decimal max)
    {
        if (row[field] is not { } text)
        {
            return null;
        }
        var cleaned = text.Replace("$", "", StringComparison.Ordinal);
        var read = row.DecimalComma
            ? Parsing.DelimitedNumber.TryParse(cleaned, decimalComma: true, out var value)
            : decimal.TryParse(cleaned, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out value);
        if (!read)
        {
            throw new FieldException(field, $"{field} '{text}' is not a number");
        }
        if (value < min || value > max)
        {
            throw new FieldException(field, $"{field} {text} is outside {min}..{max}");
        }
        return value;
    }

    private static long? WholeNumber(FilmSourceRow row, string field, long min, long max)
    {
        if (Number(row, field, min, max) is not { } value)
        {
            return null;
        }
        if (value != decimal.Truncate(value))
        {
            throw new FieldException(field, $"{field} {row[field]} is not a whole number");
        }
        return (long)value;
    }

    /// <summary>Whole US dollars (as the table writes them) in cents.</summary>
    private static long? Money(FilmSourceRow row, string field) =>
        Number(row, field, 0, 10_000_000_000_000m) is { } dollars ? (long)Math.Round(dollars * 100, MidpointRounding.AwayFromZero) : null;

    private static bool IsInteger(string text) => text.All(c => char.IsAsciiDigit(c) || c is '-' or '+');

    private sealed class FieldException(string field, string message) : Exception(message)
    {
        public string Field { get; } = field;
    }
}
