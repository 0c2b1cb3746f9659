using CinemaStats.Core.Storage;
using CinemaStats.Web.Queries;
using CinemaStats.Web.Queries.Athena;
using CinemaStats.Web.Queries.Dashboard;
using CinemaStats.Web.Queries.DuckDb;
using CinemaStats.Web.Queries.Published;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace CinemaStats.Web;

public static class WebServiceExtensions
{
    public static WebApplicationBuilder AddWebServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddObjectStore();
        builder.Services.AddDashboardQueries(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// The dashboard's query layer on the engine <c>Query:Engine</c> names: DuckDB over local
    /// Parquet (default), or Athena (Terraform sets <c>Query__Engine=Athena</c> for the web task).
    /// </summary>
    public static IServiceCollection AddDashboardQueries(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<QueryOptions>().BindConfiguration(QueryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<QueryMetrics>();
        services.AddSingleton<QueryResultCache>();
        var engine = configuration.GetSection(QueryOptions.SectionName).GetValue(nameof(QueryOptions.Engine), QueryEngineKind.DuckDb);
        if (engine == QueryEngineKind.Athena)
        {
            services.AddAthenaQueries();
            services.AddSingleton<IQueryEngine, AthenaQueryEngine>();
            services.AddSingleton<IPublishedTables, StorePublishedTables>();
        }
        else
        {
            services.AddSingleton<ICuratedFiles>(sp => sp.GetRequiredService<IObjectStore>() switch
            {
                FileSystemObjectStore local => new LocalCuratedFiles(local),
                var remote => ActivatorUtilities.CreateInstance<MirroredCuratedFiles>(sp, remote),
            });
            services.AddSingleton<IQueryEngine, DuckDbQueryEngine>();
            services.AddSingleton<IPublishedTables, LocalPublishedTables>();
        }
        services.AddSingleton<DashboardQueries>();
        services.AddSingleton<IDashboardQueries>(sp => sp.GetRequiredService<DashboardQueries>());
        return services;
    }
}
