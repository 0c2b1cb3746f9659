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
    /// <summary>The day's two files on disk, made (not timed) before they are stored.</summary>
    public sealed record Files(DateOnly Date, string Sessions, string Pos);

    private static async Task<(byte[] Sessions, byte[] Pos)> MakeAsync(DateOnly date, int cinemas, CancellationToken cancellationToken)
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
        return (sessions.ToArray(), pos.ToArray());
    }

    /// <summary>
    /// The day's files as kept in <paramref name="folder"/> (made there once, by the parent process, so
    /// the measuring process holds no generator, nor the files: they are streamed into the store).
    /// </summary>
    public static async Task<Files> ReadOrMakeAsync(string folder, DateOnly date, int cinemas, CancellationToken cancellationToken)
    {
        var (sessions, pos) = (Path.Combine(folder, $"{date:yyyyMMdd}-{cinemas}-sessions.csv"), Path.Combine(folder, $"{date:yyyyMMdd}-{cinemas}-pos.jsonl"));
        if (!File.Exists(pos))
        {
            var made = await MakeAsync(date, cinemas, cancellationToken);
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(sessions, made.Sessions, cancellationToken);
            await File.WriteAllBytesAsync(pos, made.Pos, cancellationToken);
        }
        return new Files(date, sessions, pos);
    }

    /// <summary>Stores the day's files under raw/ as ingest stores an upload.</summary>
    public static async Task<IReadOnlyList<RawObjectKey>> PutAsync(IObjectStore store, Files files, CancellationToken cancellationToken)
    {
        var upload = $"day{files.Date:yyyyMMdd}";
        var keys = new List<RawObjectKey>
        {
            new("sessions", files.Date.AddDays(1), upload + "s", ".csv"),
            new("pos_transactions", files.Date.AddDays(1), upload + "p", ".jsonl"),
        };
        foreach (var (key, path) in keys.Zip([files.Sessions, files.Pos]))
        {
            await using var content = File.OpenRead(path);
            await store.PutAsync(key.ToString(), content, cancellationToken: cancellationToken);
        }
        return keys;
    }
}
