using Amazon.Runtime;
using CinemaStats.Web.Queries.Athena;

namespace CinemaStats.Web.Tests.Athena;

public sealed class AwsSigV4SignerTests
{
    // The example credentials and time of the AWS Signature Version 4 test suite.
    private static readonly ImmutableCredentials SuiteCredentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
    private static readonly DateTimeOffset SuiteTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("get-vanilla", "GET", "https://example.amazonaws.com/", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")]
    [InlineData("get-vanilla-query-order-key-case", "GET", "https://example.amazonaws.com/?Param2=value2&Param1=value1", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")]
    [InlineData("post-vanilla", "POST", "https://example.amazonaws.com/", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")]
    public void Sign_TestSuiteRequest_GivesThePublishedAuthorization(string name, string method, string uri, string signature)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), uri);

        new AwsSigV4Signer("us-east-1", "service").Sign(request, [], SuiteCredentials, SuiteTime);

        Assert.Equal(
            $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature={signature}",
            Header(request, "Authorization"));
        Assert.Equal("20150830T123600Z", Header(request, "X-Amz-Date"));
        Assert.False(request.Headers.Contains("X-Amz-Security-Token"), name);
    }

    [Fact]
    public void Reference_GetVanilla_GivesThePublishedSignature()
    {
        // Checks the tests' own verifier against the suite before trusting it elsewhere.
        const string canonical = "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n"
            + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

        var signature = SigV4Reference.Signature(SuiteCredentials.SecretKey, "20150830T123600Z", "us-east-1", "service", canonical);

        Assert.Equal("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", signature);
    }

    [Fact]
    public void Sign_SessionCredentials_AddsAndSignsTheSecurityToken()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://athena.eu-west-1.amazonaws.com/");
        var credentials = new ImmutableCredentials("ASIAEXAMPLE", "secret", "session-token/with+chars=");

        new AwsSigV4Signer("eu-west-1", "athena").Sign(request, "{}"u8, credentials, SuiteTime);

        Assert.Equal("session-token/with+chars=", Header(request, "X-Amz-Security-Token"));
        Assert.Contains("SignedHeaders=host;x-amz-date;x-amz-security-token,", Header(request, "Authorization"));
    }

    [Fact]
    public void CanonicalRequest_CollapsesHeaderWhitespaceAndSortsTheQuery()
    {
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["host"] = "example.amazonaws.com", ["x-amz-date"] = "20150830T123600Z" };

        var canonical = AwsSigV4Signer.CanonicalRequest("get", new Uri("https://example.amazonaws.com/?b=2&a=x%20y&a=1"), headers, "host;x-amz-date", "HASH");

        Assert.Equal("GET\n/\na=1&a=x%20y&b=2\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\nHASH", canonical);
    }

    private static string Header(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";
}
