namespace CinemaStats.SampleData;

/// <summary>The <c>--help</c> text.</summary>
internal static class Usage
{
    public const string Text = """
        Cinema Stats sample data: a film catalogue and, per cinema and day, a sessions CSV and a POS
        JSON Lines file. The same options always produce the same bytes.

        Usage:
          cinemastats-sampledata generate --out DIR [data options]
          cinemastats-sampledata upload [--ingest URL] [--api-key KEY] [data options]
          cinemastats-sampledata --help

        generate   writes DIR/films/films.json, DIR/sessions/*.csv and DIR/pos_transactions/*.jsonl
        upload     generates the same files and PUTs each one to {ingest}/v1/sources/{source}/files/{name};
                   200 (already uploaded) counts as success, so running it twice is harmless

        Data options:
          --seed N        seed of the data set (default 42)
          --cinemas N     number of cinemas, 1-1000 (default 3: London GBP, Berlin EUR, Zurich CHF; the 4th is New York USD)
          --days N        number of business days, 1-3660 (default 14)
          --start DATE    first business date, yyyy-MM-dd (default 2026-03-06, a Friday)
          --dirt RATE     share of rows and files that carry each kind of docs/data-contract.md dirt, 0-1 (default 0: clean)
          --films N       films in the catalogue, at least those playing (default 40)

        Upload options:
          --ingest URL    the ingest API (default: $INGEST_URL, then $services__ingest__http__0)
          --api-key KEY   sent as X-Api-Key (default: $INGEST_API_KEY)

        Exit codes: 0 done, 1 an upload failed, 2 wrong arguments, 130 cancelled.
        """;

    public static int Print(TextWriter output)
    {
        output.WriteLine(Text);
        return ExitCodes.Success;
    }
}
