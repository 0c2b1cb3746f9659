using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Storage;
using CinemaStats.Ingest.Auth;
using CinemaStats.Ingest.Uploads;
using Microsoft.AspNetCore.Authentication;

namespace CinemaStats.Ingest;

public static class IngestServiceExtensions
{
    public static WebApplicationBuilder AddIngestServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IngestOptions>()
            .BindConfiguration(IngestOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddObjectStore();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton(TimeProvider.System);

        builder.Services.AddSingleton<ApiKeyRegistry>();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization();

        builder.Services.AddSingleton<UploadRecords>();
        builder.Services.AddSingleton<RawObjectLedger>();
        builder.Services.AddSingleton<RawUploadWriter>();
        builder.Services.AddSingleton<UploadStatusReader>();
        builder.Services.AddSingleton<DirectUploads>();

        // Kestrel's own body limit (30 MB by default) would cut uploads short before ours answers.
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var max = context.Configuration.GetSection(IngestOptions.SectionName).Get<IngestOptions>()?.MaxUploadBytes
                ?? new IngestOptions().MaxUploadBytes;
            kestrel.Limits.MaxRequestBodySize = max + 1;
        });
        return builder;
    }
}
