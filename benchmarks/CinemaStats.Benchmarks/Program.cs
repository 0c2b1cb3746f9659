using CinemaStats.Benchmarks;
using CinemaStats.Benchmarks.History;
using CinemaStats.Benchmarks.Queries;
using CinemaStats.Benchmarks.Throughput;

// Benchmarks that measure the running services from outside, as a user would see them, the
// transform's throughput against DuckDB on the same files, and the dashboard's queries at scale.
//   freshness --mode filesystem|s3 [--rows 100000] [--samples 10] [--s3-url URL]
//   throughput [--rows 1000000] [--days 30] [--repeat 3] [--work DIR]
//   generate --source sessions|pos_transactions --megabytes N [--days 365] --out FILE
//   memory --source sessions|pos_transactions --file FILE [--work DIR]
//   parse --source sessions|pos_transactions --file FILE
//   history [--days 730] [--cinemas 100] [--sessions-per-day 4000] [--lines-per-session 4] [--samples 7] [--heap-limit-mib 960] [--data DIR]
//   queries [--sessions 1000000] [--ticket-lines 10000000] [--days 365] [--cinemas 40] [--samples 30] [--cold-samples 5] [--data DIR]
return args.FirstOrDefault() switch
{
    "freshness" => await FreshnessBenchmark.RunAsync(args[1..]),
    "throughput" => await ThroughputBenchmark.RunAsync(args[1..]),
    "generate" => ThroughputBenchmark.Generate(args[1..]),
    "memory" => await ThroughputBenchmark.MemoryAsync(args[1..]),
    "parse" => ThroughputBenchmark.Parse(args[1..]),
    "queries" => await QueriesBenchmark.RunAsync(args[1..]),
    "history" => await HistoryBenchmark.RunAsync(args[1..]),
    "history-upload" => await HistoryBenchmark.UploadAsync(args[1..]),
    "history-web" => await HistoryWeb.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: CinemaStats.Benchmarks freshness --mode filesystem|s3 [--rows 100000] [--samples 10] [--s3-url http://127.0.0.1:4566]
               CinemaStats.Benchmarks throughput [--rows 1000000] [--days 30] [--repeat 3] [--work DIR]
               CinemaStats.Benchmarks generate --source sessions|pos_transactions --megabytes N [--days 365] --out FILE
               CinemaStats.Benchmarks memory --source sessions|pos_transactions --file FILE [--work DIR]
               CinemaStats.Benchmarks parse --source sessions|pos_transactions --file FILE
               CinemaStats.Benchmarks history [--days 730] [--cinemas 100] [--sessions-per-day 4000] [--lines-per-session 4] [--samples 7] [--heap-limit-mib 960] [--data DIR]
               CinemaStats.Benchmarks queries [--sessions 1000000] [--ticket-lines 10000000] [--days 365] [--cinemas 40] [--samples 30] [--cold-samples 5] [--data DIR]
        """);
    return 2;
}
