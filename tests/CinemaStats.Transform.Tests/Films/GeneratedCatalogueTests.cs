using CinemaStats.Core.SampleData;
using CinemaStats.Transform.Films;

namespace CinemaStats.Transform.Tests.Films;

/// <summary>The generator's dirty catalogue comes out as its clean catalogue, or flagged where the source lost information.</summary>
public sealed class GeneratedCatalogueTests
{
    private static async Task<List<CleanFilm>> CleanCatalogueAsync(double dirt)
    {
        var file = SampleDataGenerator.Files(new SampleDataOptions { Seed = 7, DirtRate = dirt, FilmsCount = 120, Days = 7 }).First(f => f.Source == "films");
        using var bytes = new MemoryStream();
        await file.WriteToAsync(bytes, TestContext.Current.CancellationToken);
        bytes.Position = 0;
        var cleaner = new FilmCleaner(FilmRows.Today);
        var films = new List<CleanFilm>();
        await foreach (var read in FilmsFileReader.ReadAsync(bytes, ".json", "films.json", TestContext.Current.CancellationToken))
        {
            var (film, rejected) = cleaner.Clean(read.Row!);
            Assert.True(film is not null, rejected?.Reason);
            films.Add(film);
        }
        return films;
    }

    [Fact]
    public async Task Every_kind_of_dirt_is_cleaned_or_flagged()
    {
        var clean = await CleanCatalogueAsync(0);
        var dirty = await CleanCatalogueAsync(0.3);

        Assert.All(clean, f => Assert.DoesNotContain(f.Flags, flag => flag is not CleaningFlag.TitleNumeric and not CleaningFlag.ImdbRatingInteger));
        var dirtyByKey = dirty.GroupBy(f => f.FilmKey).ToDictionary(g => g.Key, g => g.Single());
        foreach (var expected in clean)
        {
            if (dirtyByKey.TryGetValue(expected.FilmKey, out var actual))
            {
                // Title, date, distributor and ratings come back as in the clean catalogue.
                Assert.Equal(expected.Title, actual.Title);
                Assert.Equal(expected.ReleaseDate, actual.ReleaseDate);
                Assert.Equal(expected.Distributor, actual.Distributor);
                Assert.Equal(expected.RottenTomatoesRating, actual.RottenTomatoesRating);
                Assert.InRange(actual.ImdbRatingX10!.Value, expected.ImdbRatingX10!.Value - 5, expected.ImdbRatingX10!.Value + 5);
            }
            else
            {
                // The day was lost to a year-only date: same film, same year, flagged.
                var placeholder = Assert.Single(dirty, f => f.Title == expected.Title && f.ReleaseDate.Year == expected.ReleaseDate.Year && f.Flags.Contains(CleaningFlag.YearOnlyDate));
                Assert.Equal(expected.Distributor, placeholder.Distributor);
            }
        }
        var originals = dirty.Where(f => !clean.Any(c => c.Title == f.Title && c.ReleaseDate.Year == f.ReleaseDate.Year)).ToList();
        Assert.NotEmpty(originals);
        Assert.All(originals, o => Assert.Contains(clean, c => c.Title == o.Title));
        Assert.Equal(clean.Count + originals.Count, dirty.Count);

        string[] kinds =
        [
            CleaningFlag.TitleNumeric, CleaningFlag.TitleAccentsRepaired, CleaningFlag.TitleArticleMoved, CleaningFlag.TitleYearSuffix,
            CleaningFlag.ReleaseYearCenturyCorrected, CleaningFlag.YearOnlyDate, CleaningFlag.DistributorAlias,
            CleaningFlag.ImdbRatingInteger, CleaningFlag.RottenTomatoesRatingDecimal,
        ];
        Assert.All(kinds, kind => Assert.Contains(dirty, f => f.Flags.Contains(kind)));
        Assert.DoesNotContain(dirty, f => f.Flags.Contains(CleaningFlag.ReleaseYearImplausible) || f.Flags.Contains(CleaningFlag.TitleYearSuffixMismatch));
    }
}
