using CinemaStats.Ingest;
using CinemaStats.Ingest.Apis;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddIngestServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapOpenApi();
app.MapDefaultEndpoints();
app.MapSourceFilesApi();

app.Run();

/// <summary>Entry point, visible to the functional tests.</summary>
public partial class Program;
