using System.Diagnostics;
using System.Globalization;
using CinemaStats.Core.SampleData;

namespace CinemaStats.SampleData;

/// <summary><c>generate</c>: writes every file of the data set to <c>{folder}/{source}/{file}</c>.</summary>
internal sealed record GenerateCommand(SampleDataOptions Options, string Folder) : ToolCommand
{
    public async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var totals = new SortedDictionary<string, (int Files, long Bytes)>(StringComparer.Ordinal);
        foreach (var file in SampleDataGenerator.Files(Options))
        {
            var folder = Path.Combine(Folder, file.Source);
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, file.FileName);
            await using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await file.WriteToAsync(stream, cancellationToken);
                var (files, bytes) = totals.GetValueOrDefault(file.Source);
                totals[file.Source] = (files + 1, bytes + stream.Length);
            }
        }
        var summary = string.Join(", ", totals.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key} {t.Value.Files} ({t.Value.Bytes / 1024.0 / 1024.0:0.0} MB)")));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {totals.Values.Sum(t => t.Files)} files to {Path.GetFullPath(Folder)} in {clock.Elapsed.TotalSeconds:0.0} s: {summary}."));
        return ExitCodes.Success;
    }
}
