using CinemaStats.Web.Auth;
using CinemaStats.Web.Operations;
using Microsoft.Extensions.Options;

namespace CinemaStats.Web;

public static class DashboardUiExtensions
{
    /// <summary>What the dashboard's pages need besides the queries: sign-in, and the ingest and transform APIs.</summary>
    public static WebApplicationBuilder AddDashboardUi(this WebApplicationBuilder builder)
    {
        builder.AddDashboardAuth();
        builder.Services.AddOptions<WebOptions>().BindConfiguration(WebOptions.SectionName);
        builder.Services.AddHttpClient<TransformClient>((sp, c) => TransformClient.Configure(c, sp.GetRequiredService<IOptions<WebOptions>>().Value));
        // An upload streams once: no retries, no total timeout (the defaults' resilience handler would add both).
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental
        builder.Services.AddHttpClient<IngestClient>(c =>
            {
                c.BaseAddress = new Uri(IngestClient.BaseAddress);
                c.Timeout = Timeout.InfiniteTimeSpan; // large files; the page cancels
            })
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        return builder;
    }
}
