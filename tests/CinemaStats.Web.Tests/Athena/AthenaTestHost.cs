using Amazon.Runtime;
using CinemaStats.Web.Queries.Athena;
using Microsoft.Extensions.Logging.Abstractions;

namespace CinemaStats.Web.Tests.Athena;

/// <summary>An <see cref="AthenaClient"/> and <see cref="AthenaQueryRunner"/> wired to canned responses and a stepping clock.</summary>
public sealed class AthenaTestHost : IDisposable
{
    public const string AccessKey = "AKIDEXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public static readonly DateTimeOffset Start = new(2024, 11, 25, 20, 30, 0, TimeSpan.Zero);

    private readonly HttpClient _http;

    public AthenaTestHost(AWSCredentials? credentials = null, Action<AthenaOptions>? configure = null)
    {
        Options = new AthenaOptions { Region = "eu-west-1", WorkGroup = "cinema-stats", Database = "cinema_stats" };
        configure?.Invoke(Options);
        _http = new HttpClient(Handler);
        Client = new AthenaClient(_http, Microsoft.Extensions.Options.Options.Create(Options),
            credentials ?? new BasicAWSCredentials(AccessKey, SecretKey), Clock, NullLogger<AthenaClient>.Instance);
        Runner = new AthenaQueryRunner(Client, Microsoft.Extensions.Options.Options.Create(Options), Clock, NullLogger<AthenaQueryRunner>.Instance);
    }

    public AthenaOptions Options { get; }

    public CannedAthenaHandler Handler { get; } = new();

    public SteppingClock Clock { get; } = new(Start);

    public AthenaClient Client { get; }

    public AthenaQueryRunner Runner { get; }

    public void Dispose() => _http.Dispose();
}
