using CinemaStats.Core.SampleData;

namespace CinemaStats.Core.Tests.SampleData;

public sealed class SampleDataDeterminismTests
{
    private static readonly SampleDataOptions Small = new() { Seed = 7, Cinemas = 2, Days = 2, DirtRate = 0.3 };

    [Fact]
    public async Task The_same_options_write_the_same_bytes()
    {
        var first = await GeneratedDataSet.CreateAsync(Small, TestContext.Current.CancellationToken);
        var second = await GeneratedDataSet.CreateAsync(Small with { }, TestContext.Current.CancellationToken);

        Assert.Equal(first.Files.Select(f => (f.Source, f.FileName, f.Sha256)), second.Files.Select(f => (f.Source, f.FileName, f.Sha256)));
    }

    [Fact]
    public async Task Another_seed_writes_other_data()
    {
        var first = await GeneratedDataSet.CreateAsync(Small, TestContext.Current.CancellationToken);
        var other = await GeneratedDataSet.CreateAsync(Small with { Seed = 8 }, TestContext.Current.CancellationToken);

        var hashes = first.Files.Select(f => f.Sha256).ToHashSet();
        Assert.DoesNotContain(other.Files, f => hashes.Contains(f.Sha256));
    }

    [Fact]
    public async Task Dirt_changes_how_values_are_written_not_the_sales_underneath()
    {
        var clean = await GeneratedDataSet.CreateAsync(Small with { DirtRate = 0 }, TestContext.Current.CancellationToken);
        var dirty = await GeneratedDataSet.CreateAsync(Small, TestContext.Current.CancellationToken);

        static IEnumerable<(string, int, int, decimal, decimal)> Lines(GeneratedDataSet set) =>
            set.OriginalPosLines.Select(l => (l.TransactionId, l.LineNo, l.Quantity, l.Amount, l.Tax));
        Assert.Equal(Lines(clean), Lines(dirty));
        Assert.Equal(clean.Sessions.Select(s => s.Id), dirty.OriginalSessions.Select(s => s.Id).Distinct());
    }

    [Fact]
    public void Options_out_of_range_are_refused_saying_what_to_change()
    {
        var error = Assert.Throws<ArgumentException>(() => SampleDataGenerator.Files(new SampleDataOptions { Cinemas = 0, DirtRate = 1.5 }));

        Assert.Contains("Cinemas must be between 1 and 1000; it is 0.", error.Message);
        Assert.Contains("DirtRate must be between 0 (clean) and 1; it is 1.5.", error.Message);
    }

    [Fact]
    public void Listing_a_large_data_set_generates_nothing_until_written()
    {
        var files = SampleDataGenerator.Files(new SampleDataOptions { Cinemas = 1000, Days = 3660 }).Take(4).ToList();

        Assert.Equal(["films/films.json", "sessions/sessions_LDN1_2026-03-06.csv", "pos_transactions/pos_LDN1_2026-03-06.jsonl", "sessions/sessions_BER1_2026-03-06.csv"],
            files.Select(f => f.ToString()));
        Assert.Equal(["application/json", "text/csv", "application/x-ndjson", "text/csv"], files.Select(f => f.ContentType));
    }
}
