namespace CinemaStats.Transform.Assets;

/// <summary>
/// How a staging asset bounds its memory: rows of one business date are written as a Parquet row
/// group once <see cref="RowsPerGroup"/> of them are waiting, and when all dates together hold
/// <see cref="MaxBufferedRows"/> the date with the most is written early. Memory then depends on
/// these two numbers, not on the size of the raw file.
/// </summary>
public sealed record StagingChunking(int RowsPerGroup, int MaxBufferedRows)
{
    public static readonly StagingChunking Default = new(65_536, 262_144);
}
