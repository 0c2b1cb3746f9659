namespace CinemaStats.Core.SampleData;

/// <summary>
/// The file-level dirt of one cinema-day's two files, decided before they are listed because a
/// re-sent copy changes the listing itself.
/// </summary>
internal sealed record FileDirt(
    bool ResendSessions,
    bool ResendPos,
    char Delimiter,
    bool HeaderAliases,
    bool ByteOrderMark,
    bool CrLf)
{
    public static readonly FileDirt None = new(false, false, ',', false, false, false);

    public static FileDirt For(SampleDataOptions options, int cinemaIndex, int dayIndex)
    {
        if (options.DirtRate <= 0)
        {
            return None;
        }
        var random = SeedMixer.Stream(options.Seed, RandomStream.FileDirt, cinemaIndex, dayIndex);
        var rate = options.DirtRate;
        return new FileDirt(
            ResendSessions: random.Chance(rate),
            ResendPos: random.Chance(rate),
            Delimiter: random.Chance(rate) ? random.Pick(';', '\t') : ',',
            HeaderAliases: random.Chance(rate),
            ByteOrderMark: random.Chance(rate),
            CrLf: random.Chance(rate));
    }
}
