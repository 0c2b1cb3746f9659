using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Storage;
using CinemaStats.Core.Tables;
using CinemaStats.Transform.Assets;
using CinemaStats.Transform.Pos;

namespace CinemaStats.Transform.Marts;

/// <summary>One non-void CONCESSION line of the published fact_ticket_line, with or without a session.</summary>
public sealed record ConcessionLine(string CinemaId, DateOnly BusinessDate, string Currency, long AmountMinor);

/// <summary>
/// Every concession sold, from the published fact_ticket_line: counter sales name no session, so
/// spend per head counts them here rather than through fact_session's per-session roll-up.
/// </summary>
public static class PublishedConcessions
{
    /// <summary>The columns of fact_ticket_line a concession line is read from.</summary>
    private static readonly TableSchema ConcessionColumns = CuratedTables.FactTicketLine with
    {
        Name = CuratedTables.FactTicketLine.Name + " (concessions)",
        Columns = [.. new[] { "cinema_id", "line_type", "is_void", "currency", "amount_minor" }.Select(CuratedTables.FactTicketLine.Column)],
    };

    /// <summary>Every published fact_ticket_line file of every business date, versioned by its partition's data version.</summary>
    public static Task<IReadOnlyList<InputVersion>> InputsAsync(IObjectStore store, CancellationToken cancellationToken) =>
        PublishedPartitions.InputsAsync(store, CuratedTables.FactTicketLine.Name, cancellationToken);

    /// <summary>The non-void concession lines of the given published files; business_date comes from each file's key.</summary>
    public static async Task<List<ConcessionLine>> ReadAsync(IObjectStore store, IEnumerable<InputVersion> files, CancellationToken cancellationToken)
    {
        var concessions = new List<ConcessionLine>();
        foreach (var file in files)
        {
            var date = PublishedPartitions.BusinessDateOf(file.Key);
            await foreach (var rows in StagingFiles.ReadAsync(store, file.Key, ConcessionColumns, cancellationToken))
            {
                var cinemas = rows.Get<string?>("cinema_id");
                var types = rows.Get<string?>("line_type");
                var voids = rows.Get<bool?>("is_void");
                var currencies = rows.Get<string?>("currency");
                var amounts = rows.Get<long?>("amount_minor");
                for (var i = 0; i < rows.RowCount; i++)
                {
                    if (types[i] == PosCodes.Concession && voids[i] is not true)
                    {
                        concessions.Add(new ConcessionLine(cinemas[i]!, date, currencies[i]!, amounts[i]!.Value));
                    }
                }
            }
        }
        return concessions;
    }
}
