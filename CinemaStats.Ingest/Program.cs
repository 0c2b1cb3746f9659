using CinemaStats.Ingest;
using CinemaStats.Ingest.Apis;
using CinemaStats.Ingest.Auth;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddIngestServices();

var app = builder.Build();
app.Services.GetRequiredService<ApiKeyRegistry>().WarnWhenEmpty(app.Logger);

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.MapOpenApi();
app.MapDefaultEndpoints();
app.MapSourcesApi();
app.MapUploadsApi();

app.Run();

/// <summary>Entry point, visible to the functional tests.</summary>
public partial class Program;
