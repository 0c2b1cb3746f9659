namespace CinemaStats.Core.SampleData;

/// <summary>Wall-clock time at a cinema, and the instants behind it, across daylight saving changes.</summary>
internal static class LocalClock
{
    /// <summary>The cut-off of docs/data-contract.md: a show before 06:00 belongs to the previous business day.</summary>
    public static readonly TimeSpan BusinessDayStart = TimeSpan.FromHours(6);

    /// <summary>
    /// The instant of a local time. A time in a spring-forward gap is read as the clock would have
    /// shown without the change (an hour later in summer time); a repeated time as its first occurrence.
    /// </summary>
    public static DateTimeOffset Instant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            offset = zone.GetUtcOffset(local.AddHours(-2));
        }
        else if (zone.IsAmbiguousTime(local))
        {
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }
        return new DateTimeOffset(local - offset, TimeSpan.Zero);
    }

    /// <summary>An instant as the cinema's clock shows it, with the offset in force then.</summary>
    public static DateTimeOffset InZone(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);

    /// <summary>
    /// A local time on the night after a business date, at half past an hour, that does not exist
    /// (spring forward) or happens twice (fall back); null on ordinary nights.
    /// </summary>
    public static DateTime? ClockChangeAfter(DateOnly businessDate, TimeZoneInfo zone)
    {
        var night = businessDate.AddDays(1).ToDateTime(TimeOnly.MinValue);
        for (var hour = 0; hour < 6; hour++)
        {
            var local = night.AddHours(hour).AddMinutes(30);
            if (zone.IsInvalidTime(local) || zone.IsAmbiguousTime(local))
            {
                return local;
            }
        }
        return null;
    }
}
