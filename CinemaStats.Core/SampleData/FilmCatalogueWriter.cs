using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CinemaStats.Core.SampleData;

/// <summary>
/// Writes the catalogue as a JSON array in the public film table layout, with the table's known
/// dirt. The catalogue is small, so each kind of dirt is applied to a share of the rows it can
/// act on (at least one row when the rate is above 0) rather than by chance per row.
/// </summary>
internal static class FilmCatalogueWriter
{
    public const string DateFormat = "MMM dd yyyy";

    /// <summary>UTF-8 bytes of Latin-1 text read as Mac Roman, the way <c>Amélie</c> became <c>AmÈlie</c>.</summary>
    private static readonly Dictionary<char, char> MacRomanMisreading = new()
    {
        ['é'] = 'È', ['è'] = 'Ë', ['ë'] = 'Î', ['à'] = '‡', ['á'] = '·', ['ñ'] = 'Ò', ['Ü'] = '‹',
        ['ü'] = '¸', ['û'] = '˚', ['ç'] = 'Á', ['ö'] = 'ˆ', ['ä'] = '‰',
    };

    private sealed class Row(SampleFilm film)
    {
        public SampleFilm Film { get; } = film;
        public string Title { get; set; } = film.Title;
        public bool TitleAsNumber { get; set; }
        public string ReleaseDate { get; set; } = Format(film.ReleaseDate);
        public string Distributor { get; set; } = film.Distributor;
        public bool ImdbAsInteger { get; set; }
        public bool RottenTomatoesAsFloat { get; set; }
    }

    public static async Task WriteAsync(FilmCatalogue catalogue, SampleDataOptions options, Stream destination, CancellationToken cancellationToken)
    {
        var rows = Rows(catalogue, options);
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        await using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var row in rows)
            {
                WriteRow(json, row);
                if (json.BytesPending + buffer.WrittenCount > 64 * 1024)
                {
                    await json.FlushAsync(cancellationToken);
                    await destination.WriteAsync(buffer.WrittenMemory, cancellationToken);
                    buffer.ResetWrittenCount();
                }
            }
            json.WriteEndArray();
        }
        buffer.Write("\n"u8);
        await destination.WriteAsync(buffer.WrittenMemory, cancellationToken);
        await destination.FlushAsync(cancellationToken);
    }

    private static List<Row> Rows(FilmCatalogue catalogue, SampleDataOptions options)
    {
        var rows = catalogue.Films.Select(f => new Row(f)).ToList();
        if (options.DirtRate <= 0)
        {
            return rows;
        }
        var random = SeedMixer.Stream(options.Seed, RandomStream.CatalogueDirt);
        var rate = options.DirtRate;

        // Remakes first, and kept out of the title dirt, so that the two rows really share a title.
        var originals = Share(random, rate, rows.Where(r => r.Film.IsPlaying))
            .Select(remake => (Remake: remake, Original: Original(random, remake.Film)))
            .ToList();
        var titled = rows.Where(r => !originals.Any(o => o.Remake == r)).ToList();

        foreach (var row in Share(random, rate, titled.Where(r => r.Title.All(char.IsAsciiDigit))))
        {
            row.TitleAsNumber = true;
        }
        foreach (var row in Share(random, rate, titled.Where(r => r.Title.Any(MacRomanMisreading.ContainsKey))))
        {
            row.Title = new string(row.Title.Select(c => MacRomanMisreading.GetValueOrDefault(c, c)).ToArray());
        }
        foreach (var row in Share(random, rate, titled.Where(r => r.Title.StartsWith("The ", StringComparison.Ordinal) || r.Title.StartsWith("A ", StringComparison.Ordinal) || r.Title.StartsWith("An ", StringComparison.Ordinal))))
        {
            var space = row.Title.IndexOf(' ');
            row.Title = $"{row.Title[(space + 1)..]}, {row.Title[..space]}";
        }
        foreach (var row in Share(random, rate, titled.Where(r => !r.TitleAsNumber)))
        {
            row.Title = $"{row.Title} ({row.Film.ReleaseDate.Year})";
        }
        var backCatalogue = rows.Where(r => !r.Film.IsPlaying).ToList();
        var centuryOff = Share(random, rate, backCatalogue.Where(r => r.Film.ReleaseDate.Year < 1970)).ToHashSet();
        foreach (var row in centuryOff)
        {
            row.ReleaseDate = Format(row.Film.ReleaseDate.AddYears(100));
        }
        foreach (var row in Share(random, rate, backCatalogue.Where(r => !centuryOff.Contains(r))))
        {
            row.ReleaseDate = random.Chance(0.5) ? $"Dec 31 {row.Film.ReleaseDate.Year}" : $"Jan 01 {row.Film.ReleaseDate.Year}";
        }
        foreach (var row in Share(random, rate, rows.Where(r => Distributors.AliasesOf(r.Distributor).Length > 0)))
        {
            row.Distributor = random.Pick(Distributors.AliasesOf(row.Distributor));
        }
        foreach (var row in Share(random, rate, rows))
        {
            if (random.Chance(0.5))
            {
                row.ImdbAsInteger = true;
            }
            else
            {
                row.RottenTomatoesAsFloat = true;
            }
        }
        foreach (var (remake, original) in originals)
        {
            rows.Insert(rows.IndexOf(remake), original);
        }
        return rows;
    }

    /// <summary>The earlier film a playing film remakes: same title, different everything else.</summary>
    private static Row Original(Random random, SampleFilm remake)
    {
        var release = new DateOnly(random.Next(1950, 1990), random.Next(1, 13), random.Next(2, 29));
        var film = remake with
        {
            Code = remake.Code + "-O",
            ReleaseDate = release,
            IsPlaying = false,
            Source = "Original Screenplay",
            Director = "Walter Brandt",
            RunningMinutes = random.Next(85, 130),
            ProductionBudget = remake.ProductionBudget / 20,
            UsGross = remake.UsGross / 8,
            WorldwideGross = remake.WorldwideGross / 10,
            UsDvdSales = null,
            ImdbVotes = random.Next(2_000, 80_000),
        };
        return new Row(film);
    }

    /// <summary>A share of the candidates, at least one when there is any and the rate is above 0.</summary>
    private static List<Row> Share(Random random, double rate, IEnumerable<Row> candidates)
    {
        var pool = candidates.ToArray();
        random.Shuffle(pool);
        if (pool.Length == 0)
        {
            return [];
        }
        var count = Math.Clamp((int)Math.Round(rate * pool.Length, MidpointRounding.AwayFromZero), 1, pool.Length);
        return pool.Take(count).ToList();
    }

    private static void WriteRow(Utf8JsonWriter json, Row row)
    {
        var film = row.Film;
        json.WriteStartObject();
        if (row.TitleAsNumber)
        {
            json.WritePropertyName("Title");
            json.WriteRawValue(row.Title, skipInputValidation: true);
        }
        else
        {
            json.WriteString("Title", row.Title);
        }
        json.WriteNumber("US Gross", film.UsGross);
        json.WriteNumber("Worldwide Gross", film.WorldwideGross);
        if (film.UsDvdSales is { } dvd)
        {
            json.WriteNumber("US DVD Sales", dvd);
        }
        else
        {
            json.WriteNull("US DVD Sales");
        }
        json.WriteNumber("Production Budget", film.ProductionBudget);
        json.WriteString("Release Date", row.ReleaseDate);
        json.WriteString("MPAA Rating", film.MpaaRating);
        json.WriteNumber("Running Time min", film.RunningMinutes);
        json.WriteString("Distributor", row.Distributor);
        json.WriteString("Source", film.Source);
        json.WriteString("Major Genre", film.Genre);
        json.WriteString("Creative Type", film.CreativeType);
        json.WriteString("Director", film.Director);
        json.WritePropertyName("Rotten Tomatoes Rating");
        json.WriteRawValue(row.RottenTomatoesAsFloat
            ? film.RottenTomatoesRating.ToString("0.0", CultureInfo.InvariantCulture)
            : film.RottenTomatoesRating.ToString(CultureInfo.InvariantCulture), skipInputValidation: true);
        json.WritePropertyName("IMDB Rating");
        json.WriteRawValue(row.ImdbAsInteger
            ? Math.Round(film.ImdbRating, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture)
            : film.ImdbRating.ToString("0.0", CultureInfo.InvariantCulture), skipInputValidation: true);
        json.WriteNumber("IMDB Votes", film.ImdbVotes);
        json.WriteEndObject();
    }

    private static string Format(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);
}
