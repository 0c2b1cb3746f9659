using CinemaStats.Core.SampleData;

namespace CinemaStats.Core.Tests.SampleData;

/// <summary>A data set generated once for all the tests of a class.</summary>
public abstract class DataSetFixture(SampleDataOptions options) : IAsyncLifetime
{
    public GeneratedDataSet Set { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Set = await GeneratedDataSet.CreateAsync(options, TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync()
    {
        Set?.Films.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Three cinemas (GBP, EUR, CHF), clean, over the first two film weeks from Friday 2026-03-13.</summary>
public sealed class CleanDataSetFixture() : DataSetFixture(new SampleDataOptions
{
    Seed = 20260313, Cinemas = 3, Days = 14, StartDate = new DateOnly(2026, 3, 13),
});

/// <summary>
/// Three cinemas at a dirt rate of 0.2 over ten days up to the night of 28–29 March, when Europe
/// springs forward: 30 files of each source, so that every kind of file dirt has its chance.
/// </summary>
public sealed class DirtyDataSetFixture() : DataSetFixture(new SampleDataOptions
{
    Seed = 20260319, Cinemas = 3, Days = 10, StartDate = new DateOnly(2026, 3, 19), DirtRate = 0.2,
});
