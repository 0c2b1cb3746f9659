namespace CinemaStats.Core.SampleData;

/// <summary>What every file of a data set shares: the options, the cinemas and the film catalogue.</summary>
internal sealed class GenerationContext(SampleDataOptions options)
{
    public SampleDataOptions Options { get; } = options;

    public IReadOnlyList<SampleCinema> Cinemas { get; } = CinemaRoster.Build(options);

    public FilmCatalogue Catalogue { get; } = FilmCatalogue.Build(options);
}
