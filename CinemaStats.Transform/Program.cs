using CinemaStats.Transform;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddTransformServices();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();

/// <summary>Entry point, visible to the functional tests.</summary>
public partial class Program;
