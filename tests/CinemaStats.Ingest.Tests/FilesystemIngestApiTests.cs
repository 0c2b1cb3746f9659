using System.Net;
using System.Net.Http.Json;
using CinemaStats.Core.Storage;

namespace CinemaStats.Ingest.Tests;

public sealed class FilesystemIngestApiTests : IngestApiContract
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cinemastats-ingest-" + Guid.NewGuid().ToString("N"));

    protected override StorageOptions Storage() => new() { Mode = StorageMode.Filesystem, RootPath = _root };

    [Fact]
    public async Task Direct_upload_says_it_needs_S3()
    {
        using var client = Host.ClientWithKey(IngestHost.AllSourcesKey);
        using var response = await client.PostAsJsonAsync("/v1/sources/sessions/uploads",
            new { fileName = "a.csv", size = 10, sha256 = new string('a', 64) }, Ct);
        await AssertProblemAsync(response, HttpStatusCode.Conflict, "PUT /v1/sources/sessions/files/");
    }

    protected override void CleanUp()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
