using CinemaStats.Web.Queries.Athena;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CinemaStats.Web.Tests.Athena;

public sealed class AthenaServiceCollectionExtensionsTests
{
    [Fact]
    public void AddAthenaQueries_BindsTheAthenaSectionAndRegistersTheRunner()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Athena:Region"] = "eu-west-1",
                ["Athena:WorkGroup"] = "cinema-stats",
                ["Athena:ResultReuseMaxAge"] = "00:30:00",
                ["Athena:PollInitialDelay"] = "00:00:00.150",
            })
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);

        services.AddAthenaQueries();

        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<AthenaOptions>>().Value;
        Assert.Equal("cinema-stats", options.WorkGroup);
        Assert.Equal(TimeSpan.FromMinutes(30), options.ResultReuseMaxAge);
        Assert.Equal(TimeSpan.FromMilliseconds(150), options.PollInitialDelay);
        Assert.Equal(new Uri("https://athena.eu-west-1.amazonaws.com/"), options.GetEndpoint());
        Assert.Contains(services, d => d.ServiceType == typeof(AthenaQueryRunner));
        Assert.Contains(services, d => d.ServiceType == typeof(AthenaClient));
    }
}
