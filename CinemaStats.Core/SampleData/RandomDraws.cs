namespace CinemaStats.Core.SampleData;

/// <summary>The few distributions the generator draws from, on a caller's <see cref="Random"/>.</summary>
internal static class RandomDraws
{
    /// <summary>A standard normal draw (Box–Muller), for lognormal appeal and demand.</summary>
    public static double Normal(this Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    public static T Pick<T>(this Random random, params T[] values) => values[random.Next(values.Length)];

    /// <summary>True with probability <paramref name="p"/>. Always draws, so later draws do not shift with p.</summary>
    public static bool Chance(this Random random, double p) => random.NextDouble() < p;

    /// <summary>An index drawn with the given weights.</summary>
    public static int Weighted(this Random random, IReadOnlyList<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }
        var x = random.NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }
        return weights.Count - 1;
    }
}
