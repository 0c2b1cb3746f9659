using CinemaStats.Core.Storage;
using CinemaStats.Web.Queries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CinemaStats.Web.Tests.TestData;

/// <summary>
/// The web's query layer as the web registers it (<see cref="WebServiceExtensions.AddDashboardQueries"/>),
/// over a filesystem store in a temporary folder or a given store's settings.
/// </summary>
public sealed class QueryHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private QueryHost(ServiceProvider services, string? folder)
    {
        _services = services;
        Folder = folder;
    }

    public string? Folder { get; }

    public IServiceProvider Services => _services;

    public DashboardQueries Queries => _services.GetRequiredService<DashboardQueries>();

    public IQueryEngine Engine => _services.GetRequiredService<IQueryEngine>();

    public IObjectStore Store => _services.GetRequiredService<IObjectStore>();

    /// <summary>A filesystem store in a new temporary folder; partition states are read afresh on every query.</summary>
    public static QueryHost Filesystem(IDictionary<string, string?>? settings = null)
    {
        var folder = Directory.CreateTempSubdirectory("cinemastats-web-tests-").FullName;
        return Create(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Storage:Mode"] = "Filesystem",
            ["Storage:RootPath"] = Path.Combine(folder, "objects"),
        }, folder);
    }

    public static QueryHost Create(IDictionary<string, string?> settings, string? folder = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Query:PublishedRefreshInterval"] = "00:00:00",
            ["Query:MirrorRefreshInterval"] = "00:00:00",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddObjectStore();
        services.AddDashboardQueries(configuration);
        return new QueryHost(services.BuildServiceProvider(), folder);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (Folder is not null)
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow machine; the temp folder is cleaned by the OS.
            }
        }
    }
}
