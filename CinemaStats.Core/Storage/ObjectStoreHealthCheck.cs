using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CinemaStats.Core.Storage;

/// <summary>Healthy when the object store answers a one-key listing.</summary>
public sealed class ObjectStoreHealthCheck(IObjectStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.ListAsync(Layout.RawObjectKey.Root, pageSize: 1, cancellationToken: cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy($"The object store does not answer: {e.Message}", e);
        }
    }
}
