using CinemaStats.Transform.Engine;

namespace CinemaStats.Transform.Assets;

/// <summary>Every asset the worker materializes: one line per asset, in one place (the worker, tests and benchmarks use this list).</summary>
public static class AssetRegistry
{
    public static IReadOnlyList<Asset> Create() =>
    [
        new StgSessionsAsset(),
        new StgPosTransactionsAsset(),
        new FactTicketLineAsset(),
        new FactSessionAsset(),
        new StgFilmsAsset(),
        new DimFilmAsset(),
        new StgCinemasAsset(),
        new DimCinemaAsset(),
        new MartCinemaDayAsset(),
        new MartDaypartWeekdayAsset(),
        new MartFilmWeekAsset(),
        new MartDistributorWeekAsset(),
        new MartScreenMonthAsset(),
        new DimScreenAsset(),
    ];
}
