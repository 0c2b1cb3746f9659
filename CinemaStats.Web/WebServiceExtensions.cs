using CinemaStats.Core.Storage;
using CinemaStats.Web.Queries;
using MudBlazor.Services;

namespace CinemaStats.Web;

public static class WebServiceExtensions
{
    public static WebApplicationBuilder AddWebServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddObjectStore();
        builder.Services.AddOptions<QueryOptions>().BindConfiguration(QueryOptions.SectionName);
        builder.Services.AddSingleton<ICuratedFiles>(sp => sp.GetRequiredService<IObjectStore>() switch
        {
            FileSystemObjectStore local => new LocalCuratedFiles(local),
            var remote => ActivatorUtilities.CreateInstance<MirroredCuratedFiles>(sp, remote),
        });
        builder.Services.AddSingleton<DuckDbQueryEngine>();
        builder.Services.AddSingleton<DashboardQueries>();
        return builder;
    }
}
