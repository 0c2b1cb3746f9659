using Bunit;
using CinemaStats.Web.Queries.Dashboard;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CinemaStats.Web.ComponentTests;

/// <summary>A bUnit context with MudBlazor and the dashboard's queries answered from <see cref="FixedDashboardQueries"/>.</summary>
public abstract class DashboardTestContext : BunitContext
{
    protected FixedDashboardQueries Queries { get; } = new();

    protected DashboardTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<IDashboardQueries>(Queries);
    }

    protected NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    /// <summary>Renders a page at an address, inside the popover provider its pickers need.</summary>
    protected IRenderedComponent<TPage> RenderPage<TPage>(string address, params (string Name, object Value)[] parameters)
        where TPage : IComponent
    {
        Navigation.NavigateTo(address);
        var host = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<TPage>(1);
            builder.AddMultipleAttributes(2, parameters.Select(p => KeyValuePair.Create(p.Name, p.Value)));
            builder.CloseComponent();
        });
        return host.FindComponent<TPage>();
    }
}
