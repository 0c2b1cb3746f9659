using System.Text;
using CinemaStats.Core.Layout;
using CinemaStats.Core.SampleData;
using CinemaStats.Core.Storage;

namespace CinemaStats.Benchmarks.History;

/// <summary>
/// One business day of a chain's data as its head office sends it: one sessions CSV and one POS JSON
/// Lines file for every cinema, made by the sample-data generator (the same date and chain size always
/// give the same bytes), stored under raw/ as ingest stores an upload.
/// </summary>
public static class DayUpload
{
    public static async Task<IReadOnlyList<RawObjectKey>> PutAsync(IObjectStore store, DateOnly date, int cinemas, CancellationToken cancellationToken)
    {
        var options = new SampleDataOptions { Cinemas = cinemas, Days = 1, StartDate = date, Seed = date.DayNumber };
        using var sessions = new MemoryStream();
        using var pos = new MemoryStream();
        foreach (var file in SampleDataGenerator.Files(options).Where(f => !f.FileName.Contains("_resent", StringComparison.Ordinal)))
        {
            if (file.Source == "sessions")
            {
                using var one = new MemoryStream();
                await file.WriteToAsync(one, cancellationToken);
                var text = Encoding.UTF8.GetString(one.ToArray());
                // One header for the chain's file.
                var body = sessions.Length == 0 ? text : text[(text.IndexOf('\n') + 1)..];
                await sessions.WriteAsync(Encoding.UTF8.GetBytes(body), cancellationToken);
            }
            else if (file.Source == "pos_transactions")
            {
                await file.WriteToAsync(pos, cancellationToken);
            }
        }
        var upload = $"day{date:yyyyMMdd}";
        var keys = new List<RawObjectKey>
        {
            new("sessions", date.AddDays(1), upload + "s", ".csv"),
            new("pos_transactions", date.AddDays(1), upload + "p", ".jsonl"),
        };
        sessions.Position = 0;
        pos.Position = 0;
        await store.PutAsync(keys[0].ToString(), sessions, cancellationToken: cancellationToken);
        await store.PutAsync(keys[1].ToString(), pos, cancellationToken: cancellationToken);
        return keys;
    }
}
