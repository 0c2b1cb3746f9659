using System.Globalization;
using CinemaStats.Core.Sources;

namespace CinemaStats.Core.SampleData;

/// <summary>
/// Realistic, deterministic cinema data for demos, tests and load: a film catalogue, and for
/// every cinema and day a sessions CSV and a POS JSON Lines file, clean or with the dirt docs/data-contract.md describes.
/// </summary>
public static class SampleDataGenerator
{
    public const string FilmsFileName = "films.json";

    /// <summary>
    /// The files of a data set: the film catalogue first, then day by day each cinema's sessions and
    /// POS files (and their re-sent copies, when dirty). Listing is cheap; each file is generated
    /// when it is written. Throws an <see cref="ArgumentException"/> for options that cannot be used.
    /// </summary>
    public static IEnumerable<SampleFile> Files(SampleDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        return FilesOf(new GenerationContext(options));
    }

    private static IEnumerable<SampleFile> FilesOf(GenerationContext context)
    {
        var options = context.Options;
        yield return new SampleFile(SourceCatalog.Films.Name, FilmsFileName, "application/json",
            (stream, ct) => FilmCatalogueWriter.WriteAsync(context.Catalogue, options, stream, ct));

        for (var day = 0; day < options.Days; day++)
        {
            var date = options.StartDate.AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            for (var cinema = 0; cinema < options.Cinemas; cinema++)
            {
                var (c, d) = (cinema, day);
                var id = context.Cinemas[c].Id;
                var dirt = FileDirt.For(options, c, d);

                Func<Stream, CancellationToken, Task> sessions = (stream, ct) => SessionsCsvWriter.WriteAsync(context, c, d, dirt, stream, ct);
                yield return new SampleFile(SourceCatalog.Sessions.Name, $"sessions_{id}_{date}.csv", "text/csv", sessions);
                if (dirt.ResendSessions)
                {
                    yield return new SampleFile(SourceCatalog.Sessions.Name, $"sessions_{id}_{date}_resent.csv", "text/csv", sessions);
                }

                Func<Stream, CancellationToken, Task> pos = (stream, ct) => PosTransactionsWriter.WriteAsync(context, c, d, stream, ct);
                yield return new SampleFile(SourceCatalog.PosTransactions.Name, $"pos_{id}_{date}.jsonl", "application/x-ndjson", pos);
                if (dirt.ResendPos)
                {
                    yield return new SampleFile(SourceCatalog.PosTransactions.Name, $"pos_{id}_{date}_resent.jsonl", "application/x-ndjson", pos);
                }
            }
        }
    }
}
