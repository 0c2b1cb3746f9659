using System.Net;
using CinemaStats.Web.Operations;
using Microsoft.Extensions.Logging.Abstractions;

namespace CinemaStats.Web.Tests;

/// <summary>The web calls the transform's operator API with the configured service key.</summary>
public sealed class TransformClientTests
{
    private sealed class RecordingHandler : HttpMessageHandler
    {
        public HttpRequestMessage? Last { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Last = request;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"nodes":[],"edges":[]}""") });
        }
    }

    private static async Task<HttpRequestMessage> LineageRequestAsync(WebOptions options)
    {
        var handler = new RecordingHandler();
        var http = new HttpClient(handler);
        TransformClient.Configure(http, options);
        // The real client resolves "transform" through service discovery; here any address will do.
        http.BaseAddress = new Uri("http://transform.test");
        await new TransformClient(http, NullLogger<TransformClient>.Instance).LineageAsync(TestContext.Current.CancellationToken);
        return handler.Last!;
    }

    [Fact]
    public async Task Every_call_carries_the_operator_key_when_one_is_configured()
    {
        var request = await LineageRequestAsync(new WebOptions { TransformOperatorKey = "0123456789abcdef0123456789abcdef" });

        Assert.Equal(["0123456789abcdef0123456789abcdef"], request.Headers.GetValues(TransformClient.OperatorKeyHeader));
    }

    [Fact]
    public async Task Without_a_key_no_header_is_sent()
    {
        var request = await LineageRequestAsync(new WebOptions());

        Assert.False(request.Headers.Contains(TransformClient.OperatorKeyHeader));
    }

    [Fact]
    public void The_header_is_the_one_the_transform_reads()
    {
        Assert.Equal("X-Operator-Key", TransformClient.OperatorKeyHeader);
    }
}
