using CinemaStats.Benchmarks;

// Benchmarks that measure the running services from outside, as a user would see them.
//   freshness --mode filesystem|s3 [--rows 100000] [--samples 10] [--s3-url URL]
return args.FirstOrDefault() switch
{
    "freshness" => await FreshnessBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: CinemaStats.Benchmarks freshness --mode filesystem|s3 [--rows 100000] [--samples 10] [--s3-url http://127.0.0.1:4566]");
    return 2;
}
