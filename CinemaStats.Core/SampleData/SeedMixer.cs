namespace CinemaStats.Core.SampleData;

/// <summary>
/// Independent random streams for each part of the data set (a cinema's roster, one cinema-day's
/// plan, its dirt …), derived from the one seed. Each file can then be written alone, in any order,
/// and turning dirt on never changes the clean data underneath it.
/// </summary>
internal static class SeedMixer
{
    public static Random Stream(int seed, RandomStream stream, int a = 0, int b = 0) =>
        new(Derive(seed, (int)stream, a, b));

    /// <summary>SplitMix64 finalizer over the parts: stable across runtimes, unlike string hash codes.</summary>
    public static int Derive(int seed, int stream, int a, int b)
    {
        var x = (ulong)(uint)seed;
        foreach (var part in (ReadOnlySpan<int>)[stream, a, b])
        {
            x = Mix(x + 0x9E3779B97F4A7C15UL + (uint)part);
        }
        return (int)(x & 0x7FFF_FFFF);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>The purposes a random stream is drawn for; values are part of the seed and must not change.</summary>
internal enum RandomStream
{
    Roster = 1,
    Catalogue = 2,
    CatalogueDirt = 3,
    DayPlan = 4,
    Sales = 5,
    SessionsDirt = 6,
    SalesDirt = 7,
    FileDirt = 8,
}
