using System.Net;

namespace CinemaStats.Web.ComponentTests;

public sealed class SignInTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/pipeline")]
    [InlineData("/export/cinemas.csv?from=2030-03-01&to=2030-03-07")]
    public async Task With_sign_in_on_an_anonymous_visitor_is_sent_to_the_identity_provider(string address)
    {
        await using var host = new DashboardHost(signInOn: true);

        using var response = await host.Client().GetAsync(address, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(DashboardHost.Authority + "/oauth2/authorize?", response.Headers.Location!.ToString());
        Assert.Contains("client_id=dashboard", response.Headers.Location!.Query);
    }

    [Fact]
    public async Task Behind_a_proxy_the_sign_in_callback_is_the_public_https_address()
    {
        await using var host = new DashboardHost(signInOn: true, publicOrigin: "https://stats.example.test");

        using var response = await host.Client().GetAsync("/", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("redirect_uri=" + Uri.EscapeDataString("https://stats.example.test/signin-oidc"), response.Headers.Location!.Query);
    }

    [Fact]
    public async Task An_analyst_reads_and_exports_but_may_not_upload()
    {
        await using var host = new DashboardHost(signInOn: true);
        var analyst = host.Client("analyst");

        var overview = await analyst.GetStringAsync("/?from=2030-03-22&to=2030-03-28", Ct);
        using var export = await analyst.GetAsync("/export/cinemas.csv?from=2030-03-22&to=2030-03-28", Ct);
        using var upload = await analyst.GetAsync("/upload", Ct);

        Assert.Contains("data-testid=\"kpi-admissions\"", overview);
        Assert.DoesNotContain("nav-upload", overview);
        Assert.DoesNotContain("Sign-in is off", overview);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.StartsWith("Cinema,Currency,Sessions", await export.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
    }

    [Fact]
    public async Task An_operator_may_upload()
    {
        await using var host = new DashboardHost(signInOn: true);
        var operatorClient = host.Client("operator");

        using var upload = await operatorClient.GetAsync("/upload", Ct);
        var overview = await operatorClient.GetStringAsync("/", Ct);

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Contains("data-testid=\"upload-input\"", await upload.Content.ReadAsStringAsync(Ct));
        Assert.Contains("nav-upload", overview);
    }

    [Fact]
    public async Task A_signed_in_user_without_a_dashboard_role_is_refused()
    {
        await using var host = new DashboardHost(signInOn: true);

        using var response = await host.Client("none").GetAsync("/", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task With_sign_in_off_every_page_opens_and_a_banner_says_so()
    {
        await using var host = new DashboardHost(signInOn: false);
        var anyone = host.Client();

        var overview = await anyone.GetStringAsync("/", Ct);
        using var upload = await anyone.GetAsync("/upload", Ct);

        Assert.Contains("Sign-in is off", overview);
        Assert.Contains("nav-upload", overview);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
    }
}
