namespace CinemaStats.Web.Queries;

/// <summary>A local folder holding the curated and mart Parquet in the store's key layout, up to date.</summary>
public interface ICuratedFiles
{
    Task<string> GetLocalRootAsync(CancellationToken cancellationToken);
}
