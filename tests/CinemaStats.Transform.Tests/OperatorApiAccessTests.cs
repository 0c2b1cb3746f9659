using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using CinemaStats.Transform.Apis;

namespace CinemaStats.Transform.Tests;

/// <summary>With a key configured (as in AWS), the operator API answers only callers that present it.</summary>
public sealed class OperatorApiAccessTests : IAsyncDisposable
{
    private const string Key = "0123456789abcdef0123456789abcdef-operator";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cinemastats-operator-access-" + Guid.NewGuid().ToString("N"));
    private readonly List<WebApplicationFactory<Program>> _workers = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Worker(string? key, bool requireKey = false)
    {
        var worker = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Storage:Mode", "Filesystem");
            b.UseSetting("Storage:RootPath", _root);
            b.UseSetting("Transform:ReconcileInterval", "00:00:10");
            if (key is not null)
            {
                b.UseSetting("Transform:OperatorApi:Key", key);
            }
            b.UseSetting("Transform:OperatorApi:RequireKey", requireKey ? "true" : "false");
        });
        _workers.Add(worker);
        return worker.CreateClient();
    }

    public static TheoryData<string, string> OperatorEndpoints => new()
    {
        { "GET", "/v1/assets" },
        { "GET", "/v1/lineage" },
        { "GET", "/v1/runs" },
        { "GET", "/v1/raw-objects?status=failed" },
        { "GET", "/v1/freshness" },
        { "GET", "/v1/uploads/0123456789abcdef0123456789abcdef/quarantine" },
        { "POST", "/v1/reprocess" },
    };

    private static HttpRequestMessage Request(string method, string path, string? key)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { failedOnly = true });
        }
        if (key is not null)
        {
            request.Headers.Add(OperatorAccessOptions.KeyHeader, key);
        }
        return request;
    }

    [Theory]
    [MemberData(nameof(OperatorEndpoints))]
    public async Task A_call_without_the_key_is_401_with_a_problem_saying_which_header(string method, string path)
    {
        using var client = Worker(Key);
        using var response = await client.SendAsync(Request(method, path, key: null), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(OperatorAccessOptions.KeyHeader, await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "ApiKey");
    }

    [Theory]
    [MemberData(nameof(OperatorEndpoints))]
    public async Task A_call_with_another_key_is_403(string method, string path)
    {
        using var client = Worker(Key);
        using var response = await client.SendAsync(Request(method, path, Key + "x"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("not the operator API's key", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_call_with_the_key_is_answered()
    {
        using var client = Worker(Key);

        using var read = await client.SendAsync(Request("GET", "/v1/lineage", Key), Ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var reprocess = await client.SendAsync(Request("POST", "/v1/reprocess", Key), Ct);
        Assert.Equal(HttpStatusCode.Accepted, reprocess.StatusCode);
    }

    [Fact]
    public async Task Health_checks_need_no_key()
    {
        using var client = Worker(Key);
        using var response = await client.GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_configured_key_the_api_is_open_as_in_local_development()
    {
        using var client = Worker(key: null);
        using var response = await client.GetAsync("/v1/lineage", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void A_required_key_that_is_missing_stops_the_start_with_its_reason()
    {
        var error = Assert.ThrowsAny<Exception>(() => Worker(key: null, requireKey: true));
        var validation = FindInner<OptionsValidationException>(error);
        Assert.NotNull(validation);
        Assert.Contains("Transform:OperatorApi:Key is empty", validation.Message);
    }

    [Fact]
    public void A_short_key_is_refused_at_start()
    {
        var error = Assert.ThrowsAny<Exception>(() => Worker(key: "short"));
        Assert.Contains("at least 32 characters", FindInner<OptionsValidationException>(error)?.Message);
    }

    private static T? FindInner<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Select(FindInner<T>).FirstOrDefault(x => x is not null) is { } inner)
            {
                return inner;
            }
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            await worker.DisposeAsync();
        }
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
