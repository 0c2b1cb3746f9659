using System.Globalization;
using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Storage;
using CinemaStats.Core.Tables;
using CinemaStats.Transform.Assets;

namespace CinemaStats.Transform.Marts;

/// <summary>What fact_session has published (its partitions' manifests), as inputs and as rows: the one source of every mart.</summary>
public static class PublishedFactSessions
{
    /// <summary>Every published file of every business date, versioned by its partition's data version.</summary>
    public static async Task<IReadOnlyList<InputVersion>> InputsAsync(IObjectStore store, CancellationToken cancellationToken)
    {
        var states = await new AssetPartitionStates(store).ListAsync(CuratedTables.FactSession.Name, cancellationToken);
        return states
            .OrderBy(s => s.Partition, StringComparer.Ordinal)
            .SelectMany(s => s.Files.Select(file => new InputVersion(file, s.DataVersion ?? "")))
            .ToList();
    }

    /// <summary>The rows of the given published files; business_date comes from each file's key.</summary>
    public static async Task<List<SessionFact>> ReadAsync(IObjectStore store, IEnumerable<InputVersion> files, CancellationToken cancellationToken)
    {
        var facts = new List<SessionFact>();
        foreach (var file in files)
        {
            var date = BusinessDateOf(file.Key);
            await foreach (var rows in StagingFiles.ReadAsync(store, file.Key, CuratedTables.FactSession, cancellationToken))
            {
                var s = (
                    Id: rows.Get<string?>("session_id"), Cinema: rows.Get<string?>("cinema_id"), Screen: rows.Get<string?>("screen_id"),
                    Utc: rows.Get<DateTime?>("showtime_utc"), Key: rows.Get<string?>("film_key"), Title: rows.Get<string?>("film_title"),
                    Genre: rows.Get<string?>("genre"), Distributor: rows.Get<string?>("distributor"), DayPart: rows.Get<string?>("day_part"),
                    Weekday: rows.Get<int?>("iso_weekday"), Week: rows.Get<DateOnly?>("film_week"), Tz: rows.Get<string?>("cinema_tz"),
                    Currency: rows.Get<string?>("currency"), Capacity: rows.Get<int?>("capacity"), Status: rows.Get<string?>("status"),
                    Adm: rows.Get<long?>("adm"), Paid: rows.Get<long?>("paid_adm"), Gbo: rows.Get<long?>("gbo_minor"), Concessions: rows.Get<long?>("concessions_minor"));
                for (var i = 0; i < rows.RowCount; i++)
                {
                    facts.Add(new SessionFact(s.Id[i]!, s.Cinema[i]!, s.Screen[i]!, date, s.Utc[i]!.Value, s.Key[i], s.Title[i]!, s.Genre[i], s.Distributor[i]!,
                        s.DayPart[i]!, s.Weekday[i]!.Value, s.Week[i]!.Value, s.Tz[i]!, s.Currency[i]!, s.Capacity[i], s.Status[i]!,
                        s.Adm[i]!.Value, s.Paid[i]!.Value, s.Gbo[i]!.Value, s.Concessions[i]!.Value));
                }
            }
        }
        return facts;
    }

    private static DateOnly BusinessDateOf(string key)
    {
        const string Segment = "business_date=";
        var start = key.IndexOf(Segment, StringComparison.Ordinal);
        return start >= 0 && DateOnly.TryParseExact(key.AsSpan(start + Segment.Length, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new InvalidOperationException($"{key} is not a file of a fact_session partition.");
    }
}
