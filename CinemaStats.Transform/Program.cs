using CinemaStats.Transform;
using CinemaStats.Transform.Apis;
using CinemaStats.Transform.Engine;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddTransformServices();

var app = builder.Build();

// An invalid asset graph (a cycle, a missing upstream) stops the worker here, with its reason.
app.Services.GetRequiredService<AssetGraph>();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapOpenApi();
app.MapDefaultEndpoints();
app.MapOperatorApi();

app.Run();

/// <summary>Entry point, visible to the functional tests.</summary>
public partial class Program;
