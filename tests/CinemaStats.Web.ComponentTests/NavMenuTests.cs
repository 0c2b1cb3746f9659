using Bunit;
using CinemaStats.Web.Auth;
using CinemaStats.Web.Components.Layout;

namespace CinemaStats.Web.ComponentTests;

public sealed class NavMenuTests : DashboardTestContext
{
    [Fact]
    public void An_analyst_sees_no_upload_page()
    {
        AddAuthorization().SetAuthorized("ann").SetPolicies(Policies.Analyst);

        var menu = Render<NavMenu>();

        Assert.Empty(menu.FindAll("[data-testid=nav-upload]"));
        Assert.Contains("Pipeline", menu.Markup);
    }

    [Fact]
    public void An_operator_sees_the_upload_page()
    {
        AddAuthorization().SetAuthorized("otto").SetPolicies(Policies.Analyst, Policies.Operator);

        var menu = Render<NavMenu>();

        Assert.Single(menu.FindAll("[data-testid=nav-upload]"));
    }
}
