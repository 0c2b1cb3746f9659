using CinemaStats.Core.Layout;

namespace CinemaStats.Core.Tests.Layout;

public sealed class KeyLayoutTests
{
    [Fact]
    public void A_raw_key_reads_back_into_its_parts()
    {
        var key = new RawObjectKey("sessions", new DateOnly(2026, 3, 6), "0192aa", ".csv.gz");
        Assert.Equal("raw/sessions/ingest_date=2026-03-06/0192aa.csv.gz", key.ToString());
        Assert.True(RawObjectKey.TryParse(key.ToString(), out var parsed));
        Assert.Equal(key, parsed);
        Assert.True(parsed.IsGzip);
    }

    [Theory]
    [InlineData("raw/sessions/0192aa.csv")]
    [InlineData("raw/sessions/ingest_date=2026-13-01/0192aa.csv")]
    [InlineData("raw/Sessions/ingest_date=2026-03-06/0192aa.csv")]
    [InlineData("raw/sessions/ingest_date=2026-03-06/../x.csv")]
    [InlineData("raw/sessions/ingest_date=2026-03-06/0192aa")]
    [InlineData("curated/fact_session/business_date=2026-03-06/part-1.parquet")]
    public void Keys_outside_the_raw_layout_are_not_raw_keys(string key)
    {
        Assert.False(RawObjectKey.TryParse(key, out _));
    }

    [Fact]
    public void Curated_parts_are_named_by_table_date_and_input()
    {
        Assert.Equal("curated/fact_session/business_date=2026-03-06/part-0123456789abcdef.parquet",
            CuratedPartitionKey.Part("fact_session", new DateOnly(2026, 3, 6), "0123456789abcdef"));
        Assert.Throws<ArgumentException>(() => CuratedPartitionKey.Part("fact_session", new DateOnly(2026, 3, 6), "../x"));
    }

    [Fact]
    public void The_ledger_entry_of_a_raw_object_sits_under_pipeline()
    {
        var key = new RawObjectKey("films", new DateOnly(2026, 1, 2), "abc", ".json");
        Assert.Equal("_pipeline/raw/films/ingest_date=2026-01-02/abc.json.json", PipelineKey.RawObjectStatus(key));
        Assert.StartsWith(PipelineKey.RawObjectStatusPrefix, PipelineKey.RawObjectStatus(key));
    }
}
