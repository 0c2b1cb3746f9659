using CinemaStats.Core.Tables;

namespace CinemaStats.Transform.Films;

/// <summary>Writes clean films into the columns of a table that has dim_film's columns.</summary>
internal static class FilmColumns
{
    public static void Set(TableColumns c, int i, CleanFilm f, string sourceObject)
    {
        c.Get<string?>("film_key")[i] = f.FilmKey;
        c.Get<string?>("title")[i] = f.Title;
        c.Get<string?>("title_raw")[i] = f.TitleRaw;
        c.Get<DateOnly?>("release_date")[i] = f.ReleaseDate;
        c.Get<bool?>("release_year_corrected")[i] = f.ReleaseYearCorrected;
        c.Get<string?>("mpaa_rating")[i] = f.MpaaRating;
        c.Get<int?>("running_time_min")[i] = f.RunningTimeMin;
        c.Get<string?>("distributor")[i] = f.Distributor;
        c.Get<string?>("distributor_raw")[i] = f.DistributorRaw;
        c.Get<string?>("genre")[i] = f.Genre;
        c.Get<string?>("creative_type")[i] = f.CreativeType;
        c.Get<string?>("source")[i] = f.Source;
        c.Get<string?>("director")[i] = f.Director;
        c.Get<long?>("us_gross_minor")[i] = f.UsGrossMinor;
        c.Get<long?>("worldwide_gross_minor")[i] = f.WorldwideGrossMinor;
        c.Get<long?>("us_dvd_sales_minor")[i] = f.UsDvdSalesMinor;
        c.Get<long?>("production_budget_minor")[i] = f.ProductionBudgetMinor;
        c.Get<int?>("rotten_tomatoes_rating")[i] = f.RottenTomatoesRating;
        c.Get<int?>("imdb_rating_x10")[i] = f.ImdbRatingX10;
        c.Get<long?>("imdb_votes")[i] = f.ImdbVotes;
        c.Get<string?>("cleaning_flags")[i] = f.CleaningFlags;
        c.Get<string?>("source_object")[i] = sourceObject;
    }
}
