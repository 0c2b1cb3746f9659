using CinemaStats.Benchmarks;
using CinemaStats.Benchmarks.Queries;

// Benchmarks that measure the running services from outside, as a user would see them.
//   freshness --mode filesystem|s3 [--rows 100000] [--samples 10] [--s3-url URL]
//   queries [--sessions 1000000] [--ticket-lines 10000000] [--days 365] [--cinemas 40] [--samples 30] [--cold-samples 5] [--data DIR]
return args.FirstOrDefault() switch
{
    "freshness" => await FreshnessBenchmark.RunAsync(args[1..]),
    "queries" => await QueriesBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: CinemaStats.Benchmarks freshness --mode filesystem|s3 [--rows 100000] [--samples 10] [--s3-url http://127.0.0.1:4566]");
    Console.Error.WriteLine("       CinemaStats.Benchmarks queries [--sessions 1000000] [--ticket-lines 10000000] [--days 365] [--cinemas 40] [--samples 30] [--cold-samples 5] [--data DIR]");
    return 2;
}
