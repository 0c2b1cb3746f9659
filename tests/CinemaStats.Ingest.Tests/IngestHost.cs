using System.Net.Http.Headers;
using CinemaStats.Core.Storage;
using CinemaStats.Ingest.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CinemaStats.Ingest.Tests;

/// <summary>The ingest service in memory, over a real object store, with three API keys.</summary>
public sealed class IngestHost : WebApplicationFactory<Program>
{
    public const string AllSourcesKey = "key-for-everything";
    public const string SessionsKey = "key-for-sessions";
    public const string FilmsKey = "key-for-films";

    private readonly StorageOptions _storage;
    private readonly Func<IObjectStore, IObjectStore>? _wrapStore;
    private readonly Dictionary<string, string?> _settings;

    public IngestHost(StorageOptions storage, Func<IObjectStore, IObjectStore>? wrapStore = null, Dictionary<string, string?>? settings = null)
    {
        _storage = storage;
        _wrapStore = wrapStore;
        _settings = settings ?? [];
        Store = ObjectStoreServiceCollectionExtensions.Create(storage);
        if (storage.CreateBucket && Store is S3ObjectStore s3)
        {
            // Done here too: a wrapped store hides the S3 store from the service's own initializer.
            s3.EnsureBucketAsync().GetAwaiter().GetResult();
        }
    }

    /// <summary>The same store the service writes to, for the tests to look into.</summary>
    public IObjectStore Store { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:Mode", _storage.Mode.ToString());
        builder.UseSetting("Storage:RootPath", _storage.RootPath);
        builder.UseSetting("Storage:ServiceUrl", _storage.ServiceUrl);
        builder.UseSetting("Storage:Bucket", _storage.Bucket);
        builder.UseSetting("Storage:AccessKey", _storage.AccessKey);
        builder.UseSetting("Storage:SecretKey", _storage.SecretKey);
        builder.UseSetting("Storage:CreateBucket", _storage.CreateBucket.ToString());
        var keys = new[] { ("everything", AllSourcesKey, "*"), ("sessions-vendor", SessionsKey, "sessions"), ("films-vendor", FilmsKey, "films") };
        for (var i = 0; i < keys.Length; i++)
        {
            builder.UseSetting($"Ingest:ApiKeys:{i}:Name", keys[i].Item1);
            builder.UseSetting($"Ingest:ApiKeys:{i}:Sha256", ApiKeyRegistry.HashOf(keys[i].Item2));
            builder.UseSetting($"Ingest:ApiKeys:{i}:Sources:0", keys[i].Item3);
        }
        foreach (var (name, value) in _settings)
        {
            builder.UseSetting(name, value);
        }
        if (_wrapStore is not null)
        {
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<IObjectStore>();
                services.AddSingleton(_wrapStore(ObjectStoreServiceCollectionExtensions.Create(_storage)));
            });
        }
    }

    public HttpClient ClientWithKey(string? key)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }
        return client;
    }

    public static HttpContent Body(byte[] bytes, string? contentType = "text/csv")
    {
        var content = new ByteArrayContent(bytes);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        return content;
    }
}
