using CinemaStats.Web;
using CinemaStats.Web.Auth;
using CinemaStats.Web.Components;
using CinemaStats.Web.Dashboard;
using CinemaStats.Web.Operations;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddWebServices();
builder.AddDashboardUi();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}
app.UsePublicOrigin();
// An address that matches no page or endpoint gets the not-found page, with status 404.
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapDefaultEndpoints();
app.MapDashboardAuth();
app.MapDashboardExports();
app.MapQuarantineExport();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>Entry point, visible to the functional tests.</summary>
public partial class Program;
